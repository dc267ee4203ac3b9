/**
 * Every LayerDef's parameter definitions (name, kind, default, range, options, labels and
 * help) and its Keras config for the defaults, kept in a file snapshot: refactoring how the
 * layer modules build their lists must leave this file unchanged.
 */
import { describe, expect, it } from 'vitest';
import { LAYER_DEFS } from '../../src/lib/layers/registry';
import { defaultLayerParams, paramDefsFor } from '../../src/lib/layers/shared/params';
import type { LayerDef } from '../../src/lib/layers/types';

/** A config with sizes written as single numbers and an unknown padding, as hand-written Keras files have. */
const SCALAR_CONFIG = {
  kernel_size: 5,
  strides: 2,
  dilation_rate: 1,
  pool_size: 3,
  // Keras lower-cases padding: "SAME" reads as "same".
  padding: 'SAME',
  filters: 7,
};

/** JSON with each object's keys sorted: the order of keys is not part of a definition. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * One line per parameter (keys sorted), the layer's Keras config for its defaults and the
 * config read back (keys in the order the layer writes them, which exported files keep).
 */
function describeDef(def: LayerDef): string[] {
  const defaults = defaultLayerParams(def);
  const lines = [`## ${def.type}`, ...paramDefsFor(def, defaults).map(stable)];
  if (def.paramsFor) lines.push(`own params: ${def.params.map((p) => p.name).join(', ')}`);
  if (def.keras) {
    const config = def.keras.toConfig(defaults);
    lines.push(`keras ${def.keras.className}: ${JSON.stringify(config)}`);
    const read = (c: Record<string, unknown>): string => {
      // The Keras reader is strict: a config that lacks a required field is refused, by name.
      try {
        return JSON.stringify(def.keras?.fromConfig(c));
      } catch (e) {
        return `refused (${e instanceof Error ? e.message : String(e)})`;
      }
    };
    lines.push(`keras back: ${read(config)}`);
    lines.push(`keras empty: ${read({})}`);
    lines.push(`keras scalars: ${read(SCALAR_CONFIG)}`);
  }
  return lines;
}

describe('layer parameter definitions', () => {
  it('are what the snapshot holds, for every layer type', async () => {
    const text = LAYER_DEFS.flatMap((def) => [...describeDef(def), '']).join('\n');
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toHaveLength(LAYER_DEFS.length);
    await expect(text).toMatchFileSnapshot('../snapshots/layerParams.txt');
  });
});

/**
 * Fuzzing the ONNX reader: models written by our exporter and test builder, damaged at the
 * byte level (flips, cuts, inserted and repeated runs, huge lengths) and at the field level
 * (attributes, dims, op types and inputs changed, then re-encoded). Every case must end in a
 * spec that shape inference handles and that writes back to ONNX and reads again, or in an
 * OnnxFormatError with a short, plain message, within HANG_MS. A failure prints its seed:
 *   FUZZ_CASES=3000 FUZZ_SEED=9 npx vitest run tests/formats/fuzz/onnxFuzz.test.ts
 */
import { describe, expect, it } from 'vitest';
import { createRng, randomInt, type Rng } from '../../../src/lib/random';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { serializeOnnx } from '../../../src/lib/formats/onnx/onnxExport';
import { OnnxFormatError } from '../../../src/lib/formats/onnx/onnxError';
import { FormatError } from '../../../src/lib/formats/formatError';
import { ModelProtoType, type ModelProto } from '../../../src/lib/formats/onnx/onnxSchema';
import { inferShapes } from '../../../src/lib/spec/inferShapes';
import { getLayerDef } from '../../../src/lib/layers/registry';
import type { NetworkSpec } from '../../../src/lib/spec/types';
import { tinyVggSpec } from '../../../src/lib/zoo/tinyvgg';
import { lenet5Spec } from '../../../src/lib/zoo/lenet5';
import { HANG_MS, MAX_MESSAGE } from './harness';
import { TestGraph, int, ints } from '../onnx/onnxTestGraph';

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? 20261203 : Number(process.env.FUZZ_SEED);

function weightsFor(spec: NetworkSpec, rng: Rng): Map<string, Float32Array> {
  const table = inferShapes(spec);
  const out = new Map<string, Float32Array>();
  for (const l of spec.layers) {
    const info = table.layers.get(l.id);
    if (info?.status !== 'ok') continue;
    for (const w of getLayerDef(l.type)?.weights(l.params, info.inputShapes) ?? [])
      out.set(
        `${l.id}/${w.name}`,
        Float32Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, () => rng() + 0.1),
      );
  }
  return out;
}

function builderModel(): Uint8Array {
  const g = new TestGraph(11, 3);
  const x = g.input('x', ['N', 3, 8, 8]);
  let y = g.node('Conv', [x, g.weight('w', [4, 3, 3, 3]), g.weight('b', [4])], {
    pads: ints([1, 1, 1, 1]),
    strides: ints([2, 2]),
  });
  y = g.node('Clip', [y, g.weight('lo', [], [0]), g.weight('hi', [], [6])]);
  const s = g.node('Shape', [y]);
  const n = g.node('Gather', [s, g.ints('i0', [0], [])], { axis: int(0) });
  const target = g.node('Concat', [g.node('Unsqueeze', [n], { axes: ints([0]) }), g.ints('m1', [-1])], {
    axis: int(0),
  });
  y = g.node('Reshape', [y, target]);
  g.output(g.node('Gemm', [y, g.weight('fc', [3, 64]), g.weight('fcb', [3])], { transB: int(1) }));
  g.metadata = [{ key: 'labels', value: '["a", "b", "c"]' }];
  return g.encode();
}

const rng0 = createRng(1);
const SOURCES: Uint8Array[] = [
  builderModel(),
  serializeOnnx(tinyVggSpec(4, 16), weightsFor(tinyVggSpec(4, 16), rng0)),
  serializeOnnx(lenet5Spec(5), weightsFor(lenet5Spec(5), rng0)),
];

function joined(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mutateBytes(src: Uint8Array, rng: Rng): Uint8Array {
  const b = src.slice();
  const at = randomInt(rng, 0, b.length - 1);
  switch (randomInt(rng, 0, 5)) {
    case 0:
      for (let k = 0; k < randomInt(rng, 1, 8); k++)
        b[randomInt(rng, 0, b.length - 1)] = randomInt(rng, 0, 255);
      return b;
    case 1:
      return b.subarray(0, at);
    case 2:
      return joined(
        b.subarray(0, at),
        Uint8Array.from({ length: randomInt(rng, 1, 16) }, () => randomInt(rng, 0, 255)),
        b.subarray(at),
      );
    case 3:
      return joined(b.subarray(0, at), b.subarray(Math.max(0, at - 64), at), b.subarray(at));
    case 4:
      b.fill(0xff, at, Math.min(b.length, at + randomInt(rng, 1, 10)));
      return b;
    default:
      b.fill(0, at, Math.min(b.length, at + randomInt(rng, 1, 40)));
      return b;
  }
}

const OPS = [
  'Conv',
  'Relu',
  'Gemm',
  'Reshape',
  'Flatten',
  'MaxPool',
  'Add',
  'Concat',
  'Resize',
  'Pad',
  'Fancy',
  '',
];

/** Changes one field of the decoded model and encodes it again. */
function mutateFields(src: Uint8Array, rng: Rng): Uint8Array {
  let m: ModelProto;
  try {
    m = ModelProtoType.decode(src) as unknown as ModelProto;
  } catch (e) {
    throw new Error(`source ${SOURCES.indexOf(src)} of ${src.length} bytes no longer decodes: ${String(e)}`);
  }
  const g = m.graph;
  if (!g) return src;
  const node = g.node[randomInt(rng, 0, g.node.length - 1)];
  const t = g.initializer[randomInt(rng, 0, Math.max(0, g.initializer.length - 1))];
  const attr = node?.attribute[randomInt(rng, 0, Math.max(0, node.attribute.length - 1))];
  switch (randomInt(rng, 0, 6)) {
    case 0:
      if (attr) attr.ints = attr.ints.map(() => randomInt(rng, -3, 9));
      break;
    case 1:
      if (node) node.opType = OPS[randomInt(rng, 0, OPS.length - 1)];
      break;
    case 2:
      if (node && g.node.length > 1)
        node.input[0] = g.node[randomInt(rng, 0, g.node.length - 1)]?.output[0] ?? '';
      break;
    case 3:
      if (t) t.dims = t.dims.map(() => randomInt(rng, 0, 70));
      break;
    case 4:
      if (attr) attr.i = randomInt(rng, -2, 5);
      break;
    case 5:
      m.opsetImport = [{ domain: '', version: randomInt(rng, 1, 20) }];
      break;
    default:
      if (node) node.input.pop();
  }
  const out = ModelProtoType.encode(
    ModelProtoType.fromObject(m as unknown as Record<string, unknown>),
  ).finish();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

type Outcome = 'success' | 'error' | 'crash' | 'hang';

function classify(bytes: Uint8Array): { outcome: Outcome; detail: string } {
  let imported;
  try {
    imported = parseOnnx(bytes);
  } catch (e) {
    if (!(e instanceof OnnxFormatError))
      return { outcome: 'crash', detail: String(e instanceof Error ? e.stack : e).slice(0, 800) };
    const m = e.localized();
    if (
      m.en.length > MAX_MESSAGE ||
      m.zh.length > MAX_MESSAGE ||
      /\n\s+at \S|\.ts:\d+:\d+/.test(m.en) ||
      m.en.trim().length < 2
    )
      return { outcome: 'crash', detail: `a bad message: ${m.en.slice(0, 300)}` };
    return { outcome: 'error', detail: m.en };
  }
  try {
    inferShapes(imported.spec);
    let written: Uint8Array;
    try {
      written = serializeOnnx(
        imported.spec,
        imported.weights ?? new Map(),
        imported.classes ? { labels: imported.classes } : {},
      );
    } catch (e) {
      return e instanceof FormatError
        ? { outcome: 'success', detail: '' }
        : { outcome: 'crash', detail: `export threw ${String(e)}` };
    }
    parseOnnx(written);
    return { outcome: 'success', detail: '' };
  } catch (e) {
    return {
      outcome: 'crash',
      detail: `using the import threw ${String(e instanceof Error ? e.stack : e).slice(0, 800)}`,
    };
  }
}

describe('ONNX fuzz', () => {
  it(
    `${CASES} damaged models end in a spec or a clear OnnxFormatError (seed ${SEED})`,
    { timeout: 300_000 },
    () => {
      const rng = createRng(SEED);
      const tally: Record<Outcome, number> = { success: 0, error: 0, crash: 0, hang: 0 };
      const failures: string[] = [];
      for (let run = 0; run < CASES; run++) {
        const src = SOURCES[randomInt(rng, 0, SOURCES.length - 1)] as Uint8Array;
        const bytes = rng() < 0.5 ? mutateBytes(src, rng) : mutateFields(src, rng);
        const t0 = performance.now();
        let r = classify(bytes);
        if (performance.now() - t0 > HANG_MS && performance.now() - t0 > HANG_MS)
          r = { outcome: 'hang', detail: `took ${Math.round(performance.now() - t0)} ms` };
        tally[r.outcome]++;
        if (r.outcome === 'crash' || r.outcome === 'hang')
          failures.push(`run ${run}: ${r.outcome}: ${r.detail}`);
      }
      expect(failures, `seed ${SEED}\n${failures.slice(0, 5).join('\n')}`).toEqual([]);
      // Both kinds of outcome were reached: the cases are neither all harmless nor all fatal.
      expect(tally.success).toBeGreaterThan(CASES / 20);
      expect(tally.error).toBeGreaterThan(CASES / 5);
    },
  );
});

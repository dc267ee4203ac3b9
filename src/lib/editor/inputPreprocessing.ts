/**
 * Edits of an Input layer's preprocessing that change several params at once (a preset, the
 * channel count), as one undo step, and the one-line formula the Input panel shows.
 */
import type { LayerParams, NetworkSpec } from '../spec/types';
import { findLayer } from '../spec/graph';
import { PRESETS, type Preprocessing } from '../preprocess/preprocessing';
import { setParam } from './setParam';
import type { EditResult } from './edits';

export type PresetName = keyof typeof PRESETS;

/** Sets several params of one layer, each checked as a typed field would be; the first refusal wins. */
export function setParams(spec: NetworkSpec, id: string, values: LayerParams): EditResult {
  let next = spec;
  for (const [name, value] of Object.entries(values)) {
    const r = setParam(next, id, name, value);
    if (!r.ok) return r;
    next = r.spec;
  }
  return { ok: true, spec: next, focus: id };
}

const average = (xs: readonly number[]) => Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(4));

/** A preset's params for an input of this many channels (a greyscale input gets the channel average). */
export function presetParams(name: PresetName, channels: number): LayerParams {
  const p = PRESETS[name];
  const fit = (xs: readonly number[]) => (channels === 1 && xs.length > 1 ? [average(xs)] : [...xs]);
  return { channelOrder: p.order, valueScale: p.scale, mean: fit(p.mean), std: fit(p.std) };
}

/** The params that make an image input greyscale (1) or colour (3); per-channel lists follow. */
export function channelParams(spec: NetworkSpec, id: string, channels: 1 | 3): LayerParams | null {
  const layer = findLayer(spec, id);
  const shape = layer?.params.shape;
  if (!layer || !Array.isArray(shape) || shape.length !== 3) return null;
  const out: LayerParams = { shape: [shape[0]!, shape[1]!, channels] };
  for (const key of ['mean', 'std'] as const) {
    const v = layer.params[key];
    if (channels === 1 && Array.isArray(v) && v.length > 1) out[key] = [average(v)];
  }
  return out;
}

const n = (x: number) => String(Number(x.toFixed(4)));
const list = (xs: readonly number[]) => (xs.length === 1 ? n(xs[0]!) : `[${xs.map(n).join(', ')}]`);

/** "(255·v − [103.939, 116.779, 123.68]) ÷ 1": what happens to a pixel value v in [0, 1]. */
export function preprocessingFormula(p: Preprocessing): string {
  const scaled = p.scale === '0-255' ? '255·v' : p.scale === '-1-1' ? '2·v − 1' : 'v';
  const plainMean = p.mean.every((m) => m === 0);
  const plainStd = p.std.every((s) => s === 1);
  const centred = plainMean ? scaled : `${p.scale === '-1-1' ? `(${scaled})` : scaled} − ${list(p.mean)}`;
  return plainStd ? centred : `(${centred}) ÷ ${list(p.std)}`;
}

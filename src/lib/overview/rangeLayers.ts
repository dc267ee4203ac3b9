/**
 * Joins the overview's columns with one image's activations into what the colour-range
 * math needs: per-channel statistics, block, sign, and the input's fixed [0, 1] range.
 */
import type { TensorData } from '../tensor/types';
import { channelStats, type ChannelStats, type RangeLayer } from '../colour/ranges';
import type { SchemeName } from '../colour/lut';
import type { OverviewColumn } from './columns';
import { channelLights, readPreprocessing } from '../preprocess/preprocessing';

/** Input channels are drawn as the light they carry: R, G, B, or grey for other counts. */
export function inputScheme(channels: number, channel: number): SchemeName {
  if (channels !== 3) return 'grey';
  return channel === 0 ? 'red' : channel === 1 ? 'green' : 'blue';
}

/**
 * The input's fixed range per channel: black and full light after the net's own preprocessing
 * (so a normalised input is drawn over its real range, BGR channels in their own colours).
 */
export function inputLights(c: OverviewColumn, channels: number): NonNullable<RangeLayer['fixed']> {
  const read = readPreprocessing(c.params, c.shape);
  if (read.ok && read.value.channels === channels) return channelLights(read.value);
  return Array.from({ length: channels }, (_, i) => ({ lo: 0, hi: 1, scheme: inputScheme(channels, i) }));
}

/**
 * A layer's stats over `channels` channels: the ones that came with the data (the net worker's,
 * per channel of the last axis; folded into one for a layer drawn as one vector), else one pass.
 */
export function statsOf(t: TensorData, channels: number): ChannelStats {
  const given = t.stats;
  if (given && given.min.length === channels) return given;
  if (given && channels === 1 && given.min.length > 0) {
    let min = Infinity;
    let max = -Infinity;
    for (let c = 0; c < given.min.length; c++) {
      min = Math.min(min, given.min[c]!);
      max = Math.max(max, given.max[c]!);
    }
    return { min: Float32Array.of(min), max: Float32Array.of(max) };
  }
  return channelStats(t.data, channels);
}

export function rangeLayers(
  columns: readonly OverviewColumn[],
  activations: ReadonlyMap<string, TensorData>,
): RangeLayer[] {
  const out: RangeLayer[] = [];
  for (const c of columns) {
    const t = activations.get(c.id);
    if (!t || c.kind === 'output' || c.kind === 'hidden') continue;
    const channels = c.kind === 'maps' ? (c.shape[c.shape.length - 1] ?? 1) : 1;
    out.push({
      id: c.id,
      block: c.block,
      signed: c.signed,
      perNeuron: c.kind === 'maps',
      stats: statsOf(t, channels),
      fixed: c.isInput ? inputLights(c, channels) : undefined,
    });
  }
  return out;
}

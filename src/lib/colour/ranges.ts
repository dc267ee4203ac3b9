/**
 * Colour ranges for activation maps: which values the ends of the colour scale stand for.
 * A range can be one map's own (per neuron), shared by a layer, by a block (the layers
 * between two poolings) or by the whole network. Shared ranges make maps comparable; a
 * map's own range shows its pattern even when its values are small.
 */
import type { SchemeName } from './lut';

export type RangeMode = 'neuron' | 'layer' | 'block' | 'network';

export const RANGE_MODES: readonly RangeMode[] = ['neuron', 'layer', 'block', 'network'];

export interface Domain {
  lo: number;
  hi: number;
  scheme: SchemeName;
}

/** Smallest and largest finite value of each channel (the last axis). */
export interface ChannelStats {
  min: Float32Array;
  max: Float32Array;
}

export interface RangeLayer {
  id: string;
  /** Block number; layers sharing it share a range in `block` mode. */
  block: number;
  /** The layer can produce negative values (from the spec); data with negatives also counts. */
  signed: boolean;
  /** Maps whose own range means something; vector layers keep their layer's range. */
  perNeuron: boolean;
  stats: ChannelStats;
  /** Ranges that never change, one per channel (the input image's [0, 1] in R, G, B). */
  fixed?: Domain[];
}

/** One pass over HWC (or any channels-last) data; NaN and ±Infinity are left out. */
export function channelStats(data: Float32Array, channels: number): ChannelStats {
  const min = new Float32Array(channels).fill(Infinity);
  const max = new Float32Array(channels).fill(-Infinity);
  for (let i = 0, c = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min[c]! && v > -Infinity) min[c] = v;
    if (v > max[c]! && v < Infinity) max[c] = v;
    if (++c === channels) c = 0;
  }
  for (let c = 0; c < channels; c++)
    if (min[c]! > max[c]!) {
      // A channel with no finite value at all.
      min[c] = 0;
      max[c] = 0;
    }
  return { min, max };
}

function magnitude(stats: ChannelStats, channel?: number): number {
  let m = 0;
  const from = channel ?? 0;
  const to = channel === undefined ? stats.min.length : channel + 1;
  for (let c = from; c < to; c++) m = Math.max(m, Math.abs(stats.min[c]!), Math.abs(stats.max[c]!));
  return m;
}

export function hasNegatives(stats: ChannelStats): boolean {
  return stats.min.some((v) => v < 0);
}

/** Keeps an all-zero map from dividing by zero: it is drawn with the colour of 0. */
const TINY = 1e-6;

function domainOf(signed: boolean, m: number): Domain {
  const mag = Math.max(m, TINY);
  return signed ? { lo: -mag, hi: mag, scheme: 'diverging' } : { lo: 0, hi: mag, scheme: 'sequential' };
}

/**
 * One domain per channel of every layer. Signed layers get a range centred on 0 (so white
 * is always 0); non-negative ones [0, max]. A shared range uses the largest magnitude in
 * its group for both kinds, so the same value has the same colour everywhere in the group.
 */
export function computeDomains(layers: readonly RangeLayer[], mode: RangeMode): Map<string, Domain[]> {
  const groupMagnitude = new Map<string, number>();
  const groupOf = (l: RangeLayer): string =>
    mode === 'network' ? 'all' : mode === 'block' ? `b${l.block}` : `l${l.id}`;
  for (const l of layers) {
    if (l.fixed) continue;
    const key = groupOf(l);
    groupMagnitude.set(key, Math.max(groupMagnitude.get(key) ?? 0, magnitude(l.stats)));
  }
  const out = new Map<string, Domain[]>();
  for (const l of layers) {
    const channels = l.stats.min.length;
    if (l.fixed) {
      out.set(l.id, l.fixed);
      continue;
    }
    const signed = l.signed || hasNegatives(l.stats);
    if (mode === 'neuron' && l.perNeuron) {
      out.set(
        l.id,
        Array.from({ length: channels }, (_, c) => domainOf(signed, magnitude(l.stats, c))),
      );
    } else {
      const key = mode === 'neuron' ? `l${l.id}` : groupOf(l);
      const m = mode === 'neuron' ? magnitude(l.stats) : (groupMagnitude.get(key) ?? 0);
      const d = domainOf(signed, m);
      out.set(
        l.id,
        Array.from({ length: channels }, () => d),
      );
    }
  }
  return out;
}

/** Where a value falls on the scale, as a LUT index 0..255 (clamped). */
export function lutIndex(value: number, domain: Domain): number {
  const t = (value - domain.lo) / (domain.hi - domain.lo);
  if (!(t > 0)) return 0;
  if (t >= 1) return 255;
  return Math.round(t * 255);
}

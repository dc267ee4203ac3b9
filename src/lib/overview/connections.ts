/**
 * Which input neurons a neuron reads, worked out from shapes and weight shapes alone: a
 * kernel ending in [in, out] mixes every input channel; a weightless layer with as many
 * channels out as in works per channel; concatenation picks the input holding the channel.
 */
import type { Shape } from '../spec/types';
import type { OverviewColumn } from './columns';

export interface Link {
  /** The input layer's id. */
  from: string;
  /** The input's neurons this neuron reads: all of them, or these channels. */
  channels: 'all' | number[];
}

const last = (s: readonly number[]): number => s[s.length - 1] ?? 0;

function mixesChannels(weightShapes: readonly Shape[], inChannels: number, outChannels: number): boolean {
  return weightShapes.some((w) => w.length >= 2 && w[w.length - 2] === inChannels && last(w) === outChannels);
}

export function inputLinks(column: OverviewColumn, channel: number): Link[] {
  const out = last(column.shape);
  const ins = column.inputShapes.map(last);
  const sameRank = column.inputShapes.every((s) => s.length === column.shape.length);
  const all = (): Link[] => column.inputs.map((from) => ({ from, channels: 'all' }));
  if (column.inputs.length === 0) return [];
  if (!sameRank) return all();
  if (column.inputs.length === 1) {
    const inC = ins[0] ?? 0;
    if (mixesChannels(column.weightShapes, inC, out)) return all();
    if (inC === out) return [{ from: column.inputs[0]!, channels: [channel] }];
    // Depthwise with a multiplier: each input channel feeds `out / in` outputs in a row.
    if (inC > 0 && out % inC === 0)
      return [{ from: column.inputs[0]!, channels: [Math.floor(channel / (out / inC))] }];
    return all();
  }
  if (ins.every((c) => c === out)) return column.inputs.map((from) => ({ from, channels: [channel] }));
  if (ins.reduce((a, b) => a + b, 0) === out) {
    let start = 0;
    for (let i = 0; i < ins.length; i++) {
      const n = ins[i] ?? 0;
      if (channel < start + n) return [{ from: column.inputs[i]!, channels: [channel - start] }];
      start += n;
    }
  }
  return all();
}

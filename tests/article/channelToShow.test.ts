import { describe, expect, it } from 'vitest';
import { channelToShow } from '../../src/lib/article/channelToShow';

/** An H×W×C tensor whose channel c holds `values[c]` at every position. */
function maps(h: number, w: number, values: number[]) {
  const c = values.length;
  const data = new Float32Array(h * w * c);
  for (let i = 0; i < data.length; i++) data[i] = values[i % c]!;
  return { data, shape: [h, w, c] };
}

describe('channelToShow', () => {
  it('passes over a dead channel 0 for the one reaching furthest from 0', () => {
    expect(channelToShow(maps(3, 3, [0, 0.2, 1.5, 0.7]))).toBe(2);
  });

  it('counts negative values by their size (a convolution’s maps)', () => {
    expect(channelToShow(maps(2, 2, [0.5, -2, 1]))).toBe(1);
  });

  it('finds a channel alive at one position only', () => {
    const t = maps(4, 4, [0, 0, 0]);
    t.data[5 * 3 + 1] = 0.01;
    expect(channelToShow(t)).toBe(1);
  });

  it('reads the per-channel extremes a big net brings, not its values', () => {
    const t = {
      data: new Float32Array(0),
      shape: [56, 56, 3],
      stats: { min: new Float32Array([0, -4, 0]), max: new Float32Array([1, 2, 3]) },
    };
    expect(channelToShow(t)).toBe(1);
  });

  it('keeps channel 0 when all are dead, for a non-spatial layer, and with nothing to read', () => {
    expect(channelToShow(maps(2, 2, [0, 0, 0]))).toBe(0);
    expect(channelToShow({ data: new Float32Array([0, 9, 1]), shape: [3] })).toBe(0);
    expect(channelToShow(undefined)).toBe(0);
  });

  it('never picks a channel of NaNs', () => {
    expect(channelToShow(maps(2, 2, [0.1, NaN, 0.05]))).toBe(0);
  });
});

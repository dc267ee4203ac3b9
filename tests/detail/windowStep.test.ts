import { describe, expect, it } from 'vitest';
import { planWindow } from '../../src/lib/tensor/window';
import { hwcValueAt, windowBoxAt } from '../../src/views/detail/grid/windowStep';
import { kernelTaps } from '../../src/views/detail/grid/kernelTaps';

describe('windowBoxAt', () => {
  it('covers the dilated kernel from the step’s top-left tap, padding included', () => {
    const plan = planWindow(7, 7, { kernel: [3, 2], strides: [1, 1], dilation: [2, 3], padding: 'same' });
    const box = windowBoxAt({ outRow: 0, outCol: 0, top: -2, left: -1 }, plan);
    expect(box).toEqual({ top: -2, left: -1, rows: 5, cols: 4 });
  });
});

describe('hwcValueAt', () => {
  // A 2×3 map with 2 channels: value = 100·row + 10·col + channel.
  const data = Float32Array.from({ length: 12 }, (_, i) => {
    const channel = i % 2;
    const col = Math.floor(i / 2) % 3;
    const row = Math.floor(i / 6);
    return 100 * row + 10 * col + channel;
  });
  const map = { data, shape: [2, 3, 2] };

  it('reads row, column and channel in NHWC order', () => {
    expect(hwcValueAt(map, 1, 2, 1)).toBe(121);
    expect(hwcValueAt(map, 0, 1, 0)).toBe(10);
  });

  it('is undefined without a map', () => {
    expect(hwcValueAt(undefined, 0, 0, 0)).toBeUndefined();
  });
});

describe('kernelTaps', () => {
  it('slices kernel[:, :, a, b] row-major out of a [kh, kw, A, B] kernel', () => {
    // value = 1000·ky + 100·kx + 10·a + b, laid out [2, 2, 3, 2].
    const shape = [2, 2, 3, 2];
    const data = new Float32Array(24);
    for (let ky = 0; ky < 2; ky++)
      for (let kx = 0; kx < 2; kx++)
        for (let a = 0; a < 3; a++)
          for (let b = 0; b < 2; b++)
            data[((ky * 2 + kx) * 3 + a) * 2 + b] = 1000 * ky + 100 * kx + 10 * a + b;
    expect(Array.from(kernelTaps({ data, shape }, 2, 1))).toEqual([21, 121, 1021, 1121]);
  });
});

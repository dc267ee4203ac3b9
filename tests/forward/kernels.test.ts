/** The WebAssembly Conv2D against the JavaScript one, over random geometries (both against tfjs: tests/layers). */
import { describe, expect, it } from 'vitest';
import { conv2d } from '../../src/lib/tensor/kernels';
import { conv2dWasm } from '../../src/lib/tensor/wasmConv';
import { planWindow, type WindowGeometry } from '../../src/lib/tensor/window';
import { createRng, randomInt } from '../../src/lib/random';

describe('Conv2D in WebAssembly', () => {
  it('gives the JavaScript kernel’s values for strides, dilation, same padding, zeros and no bias', () => {
    const rng = createRng(42);
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const [h, w, c, o] = [
        randomInt(rng, 1, 12),
        randomInt(rng, 1, 12),
        randomInt(rng, 1, 5),
        randomInt(rng, 1, 7),
      ];
      const dilated = rng() < 0.3;
      const geometry: WindowGeometry = {
        kernel: [randomInt(rng, 1, 4), randomInt(rng, 1, 4)],
        strides: dilated ? [1, 1] : [randomInt(rng, 1, 3), randomInt(rng, 1, 3)],
        dilation: dilated ? [randomInt(rng, 1, 3), randomInt(rng, 1, 3)] : [1, 1],
        padding: rng() < 0.5 ? 'same' : 'valid',
      };
      let plan;
      try {
        plan = planWindow(h, w, geometry);
      } catch {
        continue; // the window does not fit: nothing to compare
      }
      // Every third input value 0, as after a ReLU.
      const x = {
        data: Float32Array.from({ length: h * w * c }, (_, i) => (i % 3 ? rng() * 2 - 1 : 0)),
        shape: [h, w, c],
      };
      const k = {
        data: Float32Array.from(
          { length: geometry.kernel[0] * geometry.kernel[1] * c * o },
          () => rng() - 0.5,
        ),
        shape: [...geometry.kernel, c, o],
      };
      const b = rng() < 0.7 ? { data: Float32Array.from({ length: o }, () => rng()), shape: [o] } : undefined;
      const fast = conv2dWasm(x, k, b, plan);
      const slow = conv2d(x, k, b, geometry, { wasm: false });
      expect(fast?.shape).toEqual(slow.shape);
      const worst = slow.data.reduce((m, v, i) => Math.max(m, Math.abs(v - (fast?.data[i] ?? NaN))), 0);
      expect(worst, JSON.stringify({ h, w, c, o, geometry })).toBeLessThan(1e-5);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('grows its memory for a large layer and keeps working for small ones after', () => {
    const big = { data: new Float32Array(128 * 128 * 16).fill(1), shape: [128, 128, 16] };
    const k = { data: new Float32Array(3 * 3 * 16 * 8).fill(0.5), shape: [3, 3, 16, 8] };
    const g: WindowGeometry = { kernel: [3, 3], strides: [1, 1], dilation: [1, 1], padding: 'same' };
    const out = conv2dWasm(big, k, undefined, planWindow(128, 128, g));
    // The centre sees 9 taps × 16 channels × 0.5; a corner 4 taps.
    expect(out?.data[(64 * 128 + 64) * 8]).toBe(72);
    expect(out?.data[0]).toBe(32);
    const small = conv2dWasm(
      { data: Float32Array.of(2), shape: [1, 1, 1] },
      { data: Float32Array.of(3), shape: [1, 1, 1, 1] },
      { data: Float32Array.of(1), shape: [1] },
      planWindow(1, 1, { ...g, kernel: [1, 1] }),
    );
    expect([...(small?.data ?? [])]).toEqual([7]);
  });
});

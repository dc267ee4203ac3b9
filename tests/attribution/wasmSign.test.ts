/** FGSM on the wasm backend, whose own Sign kernel rounds tiny values to 0 (sign(1e-10) is 0 there). */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { exactSign } from '../../src/lib/engine/attribution/fgsm';

beforeAll(async () => {
  expect(await initBackend({ order: ['wasm'] })).toBe('wasm');
});

describe('exact sign on wasm', () => {
  it('is −1, 0 or 1 for every value, however small', () => {
    const values = [1e-10, -1e-10, 1e-30, -3e-38, 0, 0.5, -7, 1e-6];
    const before = tensorCount();
    const ours = tf.tidy(() => Array.from(exactSign(tf.tensor1d(values)).dataSync()));
    expect(ours).toEqual(values.map(Math.sign).map((v) => v + 0)); // + 0: −0 is 0
    expect(tensorCount()).toBe(before);
  });
});

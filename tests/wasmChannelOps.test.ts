import { describe, expect, it } from 'vitest';
import { tf } from '../src/lib/engine/tf';
import { initBackend } from '../src/lib/engine/backend';
import { createRng } from '../src/lib/random';

type Op = 'mul' | 'add' | 'sub';
interface Case {
  op: Op;
  a: number[];
  b: number[];
}

// Maps of ≥ 4096 values take the depthwise path; the others are wasm's own kernels.
const cases: Case[] = [
  { op: 'mul', a: [4, 8, 8, 32], b: [32] },
  { op: 'mul', a: [1, 1, 1, 32], b: [4, 8, 8, 32] },
  { op: 'mul', a: [4, 8, 8, 32], b: [] },
  { op: 'add', a: [4, 8, 8, 32], b: [1, 1, 1, 32] },
  { op: 'add', a: [], b: [4, 8, 8, 32] },
  { op: 'sub', a: [4, 8, 8, 32], b: [32] },
  { op: 'sub', a: [32], b: [4, 8, 8, 32] },
  { op: 'sub', a: [4, 8, 8, 32], b: [1] },
  { op: 'sub', a: [], b: [64, 100] },
  // Not per channel (SE's per-example gates), equal shapes, and a small map: wasm's kernels.
  { op: 'mul', a: [4, 8, 8, 32], b: [4, 1, 1, 32] },
  { op: 'add', a: [4, 8, 8, 32], b: [4, 8, 8, 32] },
  { op: 'sub', a: [2, 3, 4], b: [4] },
];

function run(c: Case, a: Float32Array, b: Float32Array): { values: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const ta = tf.tensor(a, c.a);
    const tb = tf.tensor(b, c.b);
    const r = c.op === 'mul' ? tf.mul(ta, tb) : c.op === 'add' ? tf.add(ta, tb) : tf.sub(ta, tb);
    return { values: r.dataSync() as Float32Array, shape: r.shape };
  });
}

describe('wasm per-channel multiply, add and subtract', () => {
  it.each(cases)('match the cpu backend exactly for %o', async (c) => {
    const rng = createRng(c.a.length * 7 + c.b.length * 13 + c.op.length);
    const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
    const a = Float32Array.from({ length: size(c.a) }, () => rng() * 4 - 2);
    const b = Float32Array.from({ length: size(c.b) }, () => rng() * 4 - 2);
    await initBackend({ order: ['cpu'] });
    const ref = run(c, a, b);
    await initBackend({ order: ['wasm'] });
    const before = tf.memory().numTensors;
    const got = run(c, a, b);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.shape).toEqual(ref.shape);
    // One rounding per value on both backends: the same bits, not merely close.
    expect(Array.from(got.values)).toEqual(Array.from(ref.values));
  });
});

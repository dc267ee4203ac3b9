/**
 * Reading a .caffemodel is linear in its size: four times the layers or four times the blob
 * bytes take about four times as long, not sixteen (ratios, not timings: see ../timing.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseCaffeModel } from '../../../src/lib/formats/caffe/caffeModelImport';
import { growthOf4x, LINEAR_GROWTH_4X } from '../timing';
import { blob, layer, net, sub, u } from './caffeModelWriter';

/** data → ReLU → ReLU → … (`count` layers), a training net whose data layer is TRAIN-only. */
function chain(count: number): Uint8Array {
  const layers = Array.from({ length: count }, (_, k) =>
    layer({ name: `r${k}`, type: 'ReLU', bottom: [k === 0 ? 'data' : `r${k - 1}`], top: [`r${k}`] }),
  );
  return net('chain', [
    layer({
      name: 'data',
      type: 'Input',
      top: ['data'],
      params: [sub(143, [sub(1, [{ n: 1, bytes: Uint8Array.of(1, 4) }])])],
    }),
    ...layers,
  ]);
}

/** One InnerProduct of c×32×32 inputs and 4 outputs. */
function wide(c: number): Uint8Array {
  const n = c * 1024;
  const w = new Float32Array(4 * n).fill(0.5);
  return net(
    'wide',
    [
      layer({
        name: 'fc',
        type: 'InnerProduct',
        bottom: ['data'],
        top: ['fc'],
        blobs: [blob([4, n], w), blob([4], new Float32Array(4))],
        params: [sub(117, [u(1, 4)])],
      }),
    ],
    { name: 'data', dims: [1, c, 32, 32] },
  );
}

describe('.caffemodel reading is linear', () => {
  it('4× the layers take about 4× as long, not 16×', { timeout: 120_000 }, () => {
    const small = chain(2000);
    const large = chain(8000);
    expect(parseCaffeModel(large).spec.layers).toHaveLength(8001);
    expect(
      growthOf4x(
        () => parseCaffeModel(small),
        () => parseCaffeModel(large),
      ),
    ).toBeLessThan(LINEAR_GROWTH_4X);
  });

  it('4× the blob bytes take about 4× as long, and every value is read', { timeout: 120_000 }, () => {
    const small = wide(50);
    const large = wide(200);
    const kernel = parseCaffeModel(large).weights?.get('fc/kernel');
    expect(kernel?.length).toBe(4 * 200 * 1024);
    expect(kernel?.every((v) => v === 0.5)).toBe(true);
    expect(
      growthOf4x(
        () => parseCaffeModel(small),
        () => parseCaffeModel(large),
      ),
    ).toBeLessThan(LINEAR_GROWTH_4X);
  });
});

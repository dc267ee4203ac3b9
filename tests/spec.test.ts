import { describe, expect, it } from 'vitest';
import { inferShapes, totals } from '../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../src/lib/spec/types';

function withLayer(spec: NetworkSpec, id: string, params: Record<string, unknown>): NetworkSpec {
  return {
    ...spec,
    layers: spec.layers.map((l) =>
      l.id === id ? { ...l, params: { ...l.params, ...params } as typeof l.params } : l,
    ),
  };
}

describe('inferShapes', () => {
  it('gives TinyVGG the shapes and parameter counts of CNN Explainer', () => {
    const table = inferShapes(tinyVggSpec());
    const shape = (id: string) => {
      const info = table.layers.get(id);
      return info?.status === 'ok' ? info.shape : null;
    };
    expect(shape('conv_1_1')).toEqual([62, 62, 10]);
    expect(shape('max_pool_1')).toEqual([30, 30, 10]);
    expect(shape('conv_2_2')).toEqual([26, 26, 10]);
    expect(shape('max_pool_2')).toEqual([13, 13, 10]);
    expect(shape('flatten')).toEqual([1690]);
    expect(shape('output')).toEqual([10]);
    // 3·3·3·10+10 + 3·(3·3·10·10+10) + 1690·10+10
    expect(totals(table)).toMatchObject({ params: 280 + 3 * 910 + 16910, valid: true });
  });

  it('names the layer and the problem when a kernel does not fit, and blocks the layers after it', () => {
    const spec = withLayer(tinyVggSpec(10, 16), 'conv_2_1', { kernelSize: [5, 5] });
    // 16 → 14 → 12 → pool 6 → a 5×5 kernel still fits; shrink further to force the error.
    const small = withLayer(spec, 'max_pool_1', { poolSize: [4, 4], strides: [4, 4] });
    const table = inferShapes(small);
    const bad = table.layers.get('conv_2_1');
    expect(bad).toEqual({
      status: 'error',
      error: expect.objectContaining({ en: 'conv_2_1: a 5×5 kernel does not fit a 3×3 input' }),
    });
    expect(table.layers.get('relu_2_1')).toEqual({ status: 'blocked', by: 'conv_2_1' });
    expect(table.layers.get('output')).toEqual({ status: 'blocked', by: 'conv_2_1' });
    expect(table.layers.get('conv_1_2')?.status).toBe('ok');
    expect(totals(table).valid).toBe(false);
  });

  it('refuses out-of-range and mistyped parameters with a sentence', () => {
    const table = inferShapes(withLayer(tinyVggSpec(), 'conv_1_1', { filters: 0 }));
    const info = table.layers.get('conv_1_1');
    expect(info?.status === 'error' && info.error.en).toBe(
      'conv_1_1: Filters must be between 1 and 4096, not 0',
    );
    const t2 = inferShapes(withLayer(tinyVggSpec(), 'max_pool_1', { padding: 'full' }));
    const i2 = t2.layers.get('max_pool_1');
    expect(i2?.status === 'error' && i2.error.en).toMatch(/^max_pool_1: Padding must be one of valid, same/);
    expect(i2?.status === 'error' && i2.error.zh).toMatch(/^max_pool_1：/);
  });

  it('reports unknown types, missing inputs, duplicate names and cycles without throwing', () => {
    const spec: NetworkSpec = {
      name: 'broken',
      layers: [
        { id: 'in', type: 'Input', params: { shape: [8, 8, 1] }, inputs: [] },
        { id: 'mystery', type: 'Frobnicate', params: {}, inputs: ['in'] },
        { id: 'orphan', type: 'Flatten', params: {}, inputs: ['nowhere'] },
        { id: 'a', type: 'Flatten', params: {}, inputs: ['b'] },
        { id: 'b', type: 'Flatten', params: {}, inputs: ['a'] },
        { id: 'in', type: 'Flatten', params: {}, inputs: [] },
      ],
    };
    const table = inferShapes(spec);
    const err = (id: string) => {
      const i = table.layers.get(id);
      return i?.status === 'error' ? i.error.en : i?.status;
    };
    expect(err('mystery')).toBe('mystery: unknown layer type "Frobnicate"');
    expect(err('orphan')).toBe('orphan: input "nowhere" does not exist');
    expect(err('a')).toMatch(/cycle/);
    expect(err('b')).toMatch(/cycle/);
  });

  it('computes same padding and strides as ⌈in / stride⌉', () => {
    const spec = withLayer(tinyVggSpec(), 'conv_1_1', { padding: 'same', strides: [2, 2] });
    const info = inferShapes(spec).layers.get('conv_1_1');
    expect(info?.status === 'ok' && info.shape).toEqual([32, 32, 10]);
  });
});

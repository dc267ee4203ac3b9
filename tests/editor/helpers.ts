/** Small specs for the editor tests: a chain, a residual block and a net with two inputs. */
import type { LayerSpec, NetworkSpec } from '../../src/lib/spec/types';

export function conv(id: string, input: string, filters = 4, kernel = 3, padding = 'valid'): LayerSpec {
  return {
    id,
    type: 'Conv2D',
    params: {
      filters,
      kernelSize: [kernel, kernel],
      strides: [1, 1],
      padding,
      dilation: [1, 1],
      activation: 'relu',
      useBias: true,
    },
    inputs: [input],
  };
}

export function input(id = 'input', shape = [16, 16, 3]): LayerSpec {
  return { id, type: 'Input', params: { shape }, inputs: [] };
}

export function chain(): NetworkSpec {
  return {
    name: 'chain',
    layers: [
      input(),
      conv('c1', 'input'),
      conv('c2', 'c1'),
      { id: 'flat', type: 'Flatten', params: {}, inputs: ['c2'] },
      {
        id: 'out',
        type: 'Dense',
        params: { units: 10, activation: 'softmax', useBias: true },
        inputs: ['flat'],
      },
    ],
  };
}

/** input → a → b → add(a, b): a residual block whose skip starts at `a`. */
export function residual(): NetworkSpec {
  return {
    name: 'residual',
    layers: [
      input(),
      conv('a', 'input', 4, 3, 'same'),
      conv('b', 'a', 4, 3, 'same'),
      { id: 'sum', type: 'Add', params: {}, inputs: ['a', 'b'] },
    ],
  };
}

export function ids(spec: NetworkSpec): string[] {
  return spec.layers.map((l) => l.id);
}

export function inputsOf(spec: NetworkSpec, id: string): string[] {
  const l = spec.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l.inputs;
}

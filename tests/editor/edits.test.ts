import { describe, expect, it } from 'vitest';
import {
  addLayer,
  connect,
  deleteLayer,
  disconnect,
  insertBetween,
  renameLayer,
  type EditResult,
} from '../../src/lib/editor/edits';
import { setParam } from '../../src/lib/editor/setParam';
import { baseIdFor, idProblem, uniqueId } from '../../src/lib/editor/ids';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { chain, ids, input, inputsOf, residual } from './helpers';

function ok(r: EditResult): { spec: NetworkSpec; focus: string | null } {
  if (!r.ok) throw new Error(`edit refused: ${r.error.en}`);
  return r;
}

function refused(r: EditResult): string {
  if (r.ok) throw new Error('edit was accepted');
  expect(r.error.zh.length).toBeGreaterThan(0);
  return r.error.en;
}

function allOk(spec: NetworkSpec): boolean {
  return [...inferShapes(spec).layers.values()].every((i) => i.status === 'ok');
}

describe('ids', () => {
  it('derives snake-case bases from type names', () => {
    expect(baseIdFor('Conv2D')).toBe('conv2d');
    expect(baseIdFor('MaxPooling2D')).toBe('max_pooling2d');
    expect(baseIdFor('LeakyReLU')).toBe('leaky_relu');
    expect(baseIdFor('Conv2DTranspose')).toBe('conv2d_transpose');
    expect(baseIdFor('GlobalAveragePooling2D')).toBe('global_average_pooling2d');
  });

  it('numbers a base past every taken name', () => {
    expect(uniqueId(new Set(), 'conv2d')).toBe('conv2d_1');
    expect(uniqueId(new Set(['conv2d_1', 'conv2d_2']), 'conv2d')).toBe('conv2d_3');
  });

  it('refuses empty, clashing and slash-containing names', () => {
    expect(idProblem('', new Set())?.en).toMatch(/empty/);
    expect(idProblem('a/b', new Set())?.en).toMatch(/letters, digits/);
    expect(idProblem('c1', new Set(['c1']))?.en).toMatch(/already called "c1"/);
    expect(idProblem('conv_1.a-b', new Set())).toBeNull();
  });
});

describe('adding layers', () => {
  it('builds a valid chain from an empty canvas, each new layer after the last', () => {
    let spec: NetworkSpec = { name: 'new', layers: [] };
    let last: string | null = null;
    for (const type of ['Input', 'Conv2D', 'ReLU', 'MaxPooling2D', 'Flatten', 'Dense']) {
      const r = ok(addLayer(spec, type, last));
      spec = r.spec;
      last = r.focus;
    }
    expect(ids(spec)).toEqual(['input_1', 'conv2d_1', 'relu_1', 'max_pooling2d_1', 'flatten_1', 'dense_1']);
    expect(inputsOf(spec, 'dense_1')).toEqual(['flatten_1']);
    expect(allOk(spec)).toBe(true);
  });

  it('adding after a middle layer takes over its consumers, keeping the chain', () => {
    const { spec, focus } = ok(addLayer(chain(), 'ReLU', 'c1'));
    expect(focus).toBe('relu_1');
    expect(inputsOf(spec, 'relu_1')).toEqual(['c1']);
    expect(inputsOf(spec, 'c2')).toEqual(['relu_1']);
    expect(ids(spec).indexOf('relu_1')).toBe(ids(spec).indexOf('c1') + 1);
    expect(allOk(spec)).toBe(true);
  });

  it('adding after a layer with two consumers rewires both (residual skip included)', () => {
    const { spec } = ok(addLayer(residual(), 'BatchNormalization', 'a'));
    expect(inputsOf(spec, 'b')).toEqual(['batch_normalization_1']);
    expect(inputsOf(spec, 'sum')).toEqual(['batch_normalization_1', 'b']);
  });

  it('an unconnected layer is added at the end and reported by shape inference', () => {
    const { spec } = ok(addLayer(chain(), 'Dense'));
    expect(inputsOf(spec, 'dense_1')).toEqual([]);
    const info = inferShapes(spec).layers.get('dense_1');
    expect(info?.status === 'error' && info.error.en).toMatch(/dense_1: takes 1 input\(s\), has 0/);
  });

  it('refuses unknown types and unknown anchors', () => {
    expect(refused(addLayer(chain(), 'Nope'))).toMatch(/unknown layer type "Nope"/);
    expect(refused(addLayer(chain(), 'ReLU', 'ghost'))).toMatch(/no layer "ghost"/);
  });
});

describe('insert between', () => {
  it('puts a layer on one connection of a residual block without touching the skip', () => {
    const { spec, focus } = ok(insertBetween(residual(), 'b', 'sum', 'ReLU'));
    expect(focus).toBe('relu_1');
    expect(inputsOf(spec, 'sum')).toEqual(['a', 'relu_1']);
    expect(inputsOf(spec, 'relu_1')).toEqual(['b']);
    expect(allOk(spec)).toBe(true);
  });

  it('uses the given slot when the same layer feeds twice', () => {
    const twice: NetworkSpec = {
      name: 't',
      layers: [input(), { id: 's', type: 'Add', params: {}, inputs: ['input', 'input'] }],
    };
    const { spec } = ok(insertBetween(twice, 'input', 's', 'ReLU', 1));
    expect(inputsOf(spec, 's')).toEqual(['input', 'relu_1']);
  });

  it('refuses a connection that does not exist and input layers on a wire', () => {
    expect(refused(insertBetween(chain(), 'c1', 'out', 'ReLU'))).toMatch(/"c1" does not feed "out"/);
    expect(refused(insertBetween(chain(), 'c1', 'c2', 'Input'))).toMatch(/takes no inputs/);
  });
});

describe('connecting', () => {
  it('adds a second input to a merge layer and keeps the order', () => {
    const spec0: NetworkSpec = {
      name: 'two',
      layers: [
        input('x'),
        input('y'),
        { id: 'cat', type: 'Concatenate', params: { axis: -1 }, inputs: ['x'] },
      ],
    };
    const { spec } = ok(connect(spec0, 'y', 'cat'));
    expect(inputsOf(spec, 'cat')).toEqual(['x', 'y']);
    expect(allOk(spec)).toBe(true);
  });

  it('replaces the input of a single-input layer', () => {
    const { spec } = ok(connect(chain(), 'input', 'c2'));
    expect(inputsOf(spec, 'c2')).toEqual(['input']);
  });

  it('refuses cycles, self loops and inputs into Input layers, leaving the spec alone', () => {
    const before = chain();
    expect(refused(connect(before, 'c2', 'c1'))).toMatch(/would make a cycle/);
    expect(refused(connect(before, 'c1', 'c1'))).toMatch(/own output/);
    expect(refused(connect(before, 'c1', 'input'))).toMatch(/input layer/);
    expect(before).toEqual(chain());
  });

  it('reorders layers so a new connection reads from an earlier layer', () => {
    const spec0: NetworkSpec = {
      name: 'x',
      layers: [
        { ...input(), id: 'i' },
        { id: 'r', type: 'ReLU', params: {}, inputs: [] },
        { id: 'late', type: 'ReLU', params: {}, inputs: ['i'] },
      ],
    };
    const { spec } = ok(connect(spec0, 'late', 'r'));
    expect(ids(spec)).toEqual(['i', 'late', 'r']);
  });

  it('disconnects one slot', () => {
    const { spec } = ok(disconnect(residual(), 'a', 'sum'));
    expect(inputsOf(spec, 'sum')).toEqual(['b']);
  });
});

describe('deleting and renaming', () => {
  it('deleting from the middle of a chain bridges its input to its consumers', () => {
    const { spec, focus } = ok(deleteLayer(chain(), 'c2'));
    expect(ids(spec)).not.toContain('c2');
    expect(inputsOf(spec, 'flat')).toEqual(['c1']);
    expect(focus).toBe('c1');
    expect(allOk(spec)).toBe(true);
  });

  it('deleting a layer with two inputs drops the wires from its consumers', () => {
    const base = residual();
    const withOut = {
      ...base,
      layers: [...base.layers, { id: 'after', type: 'ReLU', params: {}, inputs: ['sum'] }],
    };
    const { spec } = ok(deleteLayer(withOut, 'sum'));
    expect(inputsOf(spec, 'after')).toEqual([]);
  });

  it('renames a layer and every reference to it, refusing clashes', () => {
    const { spec } = ok(renameLayer(residual(), 'a', 'stem'));
    expect(inputsOf(spec, 'b')).toEqual(['stem']);
    expect(inputsOf(spec, 'sum')).toEqual(['stem', 'b']);
    expect(refused(renameLayer(residual(), 'a', 'b'))).toMatch(/already called "b"/);
  });
});

describe('setting parameters', () => {
  it('applies a valid value and refuses an out-of-range one with the registry sentence', () => {
    const { spec } = ok(setParam(chain(), 'c1', 'kernelSize', [5, 5]));
    expect(spec.layers[1]?.params.kernelSize).toEqual([5, 5]);
    expect(refused(setParam(chain(), 'c1', 'filters', 0))).toMatch(
      /Filters must be between 1 and 4096, not 0/,
    );
    expect(refused(setParam(chain(), 'c1', 'filters', 2.5))).toMatch(/whole number/);
    expect(refused(setParam(chain(), 'c1', 'padding', 'full'))).toMatch(/one of valid, same/);
    expect(refused(setParam(chain(), 'c1', 'nope', 1))).toMatch(/no parameter "nope"/);
  });

  it('a kernel larger than its input passes the range check but inference names the layer', () => {
    const { spec } = ok(setParam(chain(), 'c2', 'kernelSize', [15, 15]));
    const info = inferShapes(spec).layers.get('c2');
    expect(info?.status).toBe('error');
    expect(info?.status === 'error' && info.error.en).toMatch(/^c2: /);
    expect(inferShapes(spec).layers.get('out')).toEqual({ status: 'blocked', by: 'c2' });
  });

  it("switching a wrapper to another wrapped layer swaps in that layer's parameters", () => {
    const { spec: withBi } = ok(
      addLayer({ name: 'n', layers: [input('seq', [12, 8])] }, 'Bidirectional', 'seq'),
    );
    const bi = withBi.layers.find((l) => l.type === 'Bidirectional');
    if (!bi) throw new Error('no Bidirectional');
    const other = ['LSTM', 'GRU', 'SimpleRNN'].find((t) => t !== bi.params.layer) as string;
    const { spec } = ok(setParam(withBi, bi.id, 'layer', other));
    const after = spec.layers.find((l) => l.id === bi.id);
    expect(after?.params.layer).toBe(other);
    expect(Object.keys(after?.params ?? {}).some((k) => k.startsWith('layer.'))).toBe(true);
    expect(allOk(spec)).toBe(true);
  });
});

/**
 * GraphDef patterns on small graphs written in the test: a Conv2D over a share of the
 * channels (grouped), EXPLICIT padding, batch norm saved in training mode with its moving
 * averages named, post-processing after the output, and the size budget.
 */
import { describe, expect, it } from 'vitest';
import { parsePbtxt, PBTXT_MAX_CHARS, TfFormatError } from '../../src/lib/formats/tensorflow/pbtxtImport';
import { inferShapes, totals } from '../../src/lib/spec/inferShapes';
import type { NetworkSpec } from '../../src/lib/spec/types';

const outline = (spec: NetworkSpec) => spec.layers.map((l) => `${l.id}<${l.type}<${l.inputs.join(',')}`);
const paramsOf = (spec: NetworkSpec) => totals(inferShapes(spec)).params;

/** A small graph: an 8×8×3 input `x` and the given nodes. */
const withInput = (
  nodes: string,
) => `node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } }
  attr { key: "shape" value { shape { dim { size: -1 } dim { size: 8 } dim { size: 8 } dim { size: 3 } } } } }
${nodes}`;
const variable = (name: string, dims: number[]) =>
  `node { name: "${name}" op: "VariableV2" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "shape" value { shape { ${dims.map((d) => `dim { size: ${d} }`).join(' ')} } } } }`;
const conv = (name: string, input: string, filter: string, extra = '') =>
  `node { name: "${name}" op: "Conv2D" input: "${input}" input: "${filter}" attr { key: "strides" value { list { i: 1 i: 1 i: 1 i: 1 } } } ${extra} }`;

describe('GraphDef patterns', () => {
  it('a Conv2D whose filter sees a share of the channels is a grouped convolution', () => {
    const r = parsePbtxt(
      withInput(
        `${variable('w', [3, 3, 1, 6])}\n${conv('g/Conv2D', 'x', 'w', 'attr { key: "padding" value { s: "SAME" } }')}`,
      ),
    );
    expect(r.spec.layers[1]).toMatchObject({
      id: 'g',
      type: 'GroupedConv2D',
      params: { groups: 3, filters: 6 },
    });
  });

  it('Split → a Conv2D per part with its own filter → ConcatV2 is one grouped convolution, filters joined', () => {
    const kernel = (g: number) =>
      `node { name: "g/w${g}" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape { dim { size: 1 } dim { size: 1 } dim { size: 1 } dim { size: 2 } } float_val: ${g * 10 + 1} float_val: ${g * 10 + 2} } } } }`;
    const axis = (name: string, value: number) =>
      `node { name: "${name}" op: "Const" attr { key: "dtype" value { type: DT_INT32 } } attr { key: "value" value { tensor { dtype: DT_INT32 tensor_shape { } int_val: ${value} } } } }`;
    const parts = [0, 1, 2].map(
      (g) =>
        `${kernel(g)}\n${conv(g === 0 ? 'g/Conv2D' : `g/Conv2D_${g}`, `g/split:${g}`, `g/w${g}`, 'attr { key: "padding" value { s: "VALID" } }')}`,
    );
    const r = parsePbtxt(
      withInput(`${axis('g/split/split_dim', 3)}
node { name: "g/split" op: "Split" input: "g/split/split_dim" input: "x" attr { key: "num_split" value { i: 3 } } }
${parts.join('\n')}
${axis('g/concat/axis', 3)}
node { name: "g/concat" op: "ConcatV2" input: "g/Conv2D" input: "g/Conv2D_1" input: "g/Conv2D_2" input: "g/concat/axis" }`),
    );
    expect(outline(r.spec)).toEqual(['x<Input<', 'g<GroupedConv2D<x']);
    expect(r.spec.layers[1]?.params).toMatchObject({ groups: 3, filters: 6, kernelSize: [1, 1] });
    expect(Array.from(r.weights?.get('g/kernel') ?? [])).toEqual([1, 2, 11, 12, 21, 22]);
  });

  it('EXPLICIT padding becomes a ZeroPadding2D before a valid convolution', () => {
    const r = parsePbtxt(
      withInput(
        `${variable('w', [3, 3, 3, 4])}\n${conv('c/Conv2D', 'x', 'w', 'attr { key: "padding" value { s: "EXPLICIT" } } attr { key: "explicit_paddings" value { list { i: 0 i: 0 i: 1 i: 2 i: 1 i: 2 i: 0 i: 0 } } }')}`,
      ),
    );
    expect(outline(r.spec)).toEqual(['x<Input<', 'c_pad<ZeroPadding2D<x', 'c<Conv2D<c_pad']);
    expect(r.spec.layers[1]?.params).toEqual({ padding: [1, 2, 1, 2] });
    expect(r.spec.layers[2]?.params).toMatchObject({ padding: 'valid' });
  });

  it('batch norm saved in training mode finds its moving averages by name and says so', () => {
    const bn = ['gamma', 'beta', 'moving_mean', 'moving_variance']
      .map((v) => variable(`bn/${v}`, [3]))
      .join('\n');
    const empty =
      'node { name: "bn/Const" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape { dim { size: 0 } } } } } }';
    const r = parsePbtxt(
      withInput(`${bn}\n${empty}\nnode { name: "bn/FusedBatchNorm" op: "FusedBatchNorm" input: "x" input: "bn/gamma" input: "bn/beta" input: "bn/Const" input: "bn/Const" attr { key: "epsilon" value { f: 0.001 } } }
node { name: "bn/Sub" op: "Sub" input: "bn/moving_mean" input: "bn/FusedBatchNorm:1" }
node { name: "bn/AssignMovingAvg" op: "AssignSub" input: "bn/moving_mean" input: "bn/Sub" }`),
    );
    expect(outline(r.spec)).toEqual(['x<Input<', 'bn<BatchNormalization<x']);
    expect(paramsOf(r.spec)).toBe(12);
    expect(
      r.notes.some((n) =>
        n.en.startsWith('bn/FusedBatchNorm: batch normalisation is saved in training mode'),
      ),
    ).toBe(true);
  });

  it('post-processing after the output (ArgMax, TopKV2) is left out, and named', () => {
    const r = parsePbtxt(
      withInput(`node { name: "out" op: "Softmax" input: "x" }
node { name: "k" op: "Const" attr { key: "dtype" value { type: DT_INT32 } } attr { key: "value" value { tensor { dtype: DT_INT32 tensor_shape { } int_val: 5 } } } }
node { name: "top" op: "TopKV2" input: "out" input: "k" }`),
    );
    expect(outline(r.spec)).toEqual(['x<Input<', 'out<Activation<x']);
    expect(r.notes.map((n) => n.en)).toContain(
      "Left out 1 nodes after the network's output that have no layer: top (TopKV2).",
    );
  });

  it('a tf.cond on a training placeholder fed at run time is read in inference, with a note', () => {
    const r = parsePbtxt(
      withInput(`node { name: "is_training" op: "Placeholder" attr { key: "dtype" value { type: DT_BOOL } } attr { key: "shape" value { shape { } } } }
node { name: "cond/Switch" op: "Switch" input: "x" input: "is_training" }
node { name: "cond/Relu" op: "Relu" input: "cond/Switch:1" }
node { name: "cond/Sigmoid" op: "Sigmoid" input: "cond/Switch" }
node { name: "cond/Merge" op: "Merge" input: "cond/Relu" input: "cond/Sigmoid" }
node { name: "out" op: "Tanh" input: "cond/Merge" }`),
    );
    expect(outline(r.spec)).toEqual(['x<Input<', 'cond<Activation<x', 'out<Activation<cond']);
    expect(r.notes.map((n) => n.en)).toContain(
      'cond/Switch: the branch is chosen by the placeholder "is_training", fed when the graph runs; CNN Studio reads the graph as it runs in inference (is_training = false).',
    );
  });

  it('a file over the budget is refused with its size and the budget, before reading', () => {
    const e = (() => {
      try {
        parsePbtxt(' '.repeat(PBTXT_MAX_CHARS + 1));
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(TfFormatError);
    expect((e as TfFormatError).text.en).toBe(
      'the file is 160.0 MB, more than the 160.0 MB of GraphDef text CNN Studio reads',
    );
  });
});

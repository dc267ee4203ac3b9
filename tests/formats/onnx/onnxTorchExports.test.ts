/**
 * Graph patterns torch.onnx.export (PyTorch 1.13) writes that our own fixtures had not had,
 * found by exporting real models (scripts/check/torchExports.py) and rebuilt here node for
 * node by our test code: F.pad's pads arithmetic at opset 11+, Reshape's allowzero (opset 14+),
 * an input normalised inside forward(), F.relu6 at opset 9 (Relu, then Clip with only a max), and
 * torch.cat of a one-tensor list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { int64Tensor } from '../../../src/lib/formats/onnx/onnxTensor';
import { toOursOrder } from '../../../src/lib/formats/onnx/onnxValues';
import { TestGraph, int, ints, type Attr } from './onnxTestGraph';
import { engineActivations, expectMatch, randomInput, runOrt, typesOf } from './onnxCompare';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const close = (diffs: Map<string, number>) => {
  expect(diffs.size).toBeGreaterThan(0);
  for (const [name, d] of diffs) expect(d, name).toBeLessThan(1e-4);
};

/**
 * F.pad(x, (left, right, top, bottom)) as PyTorch 1.13 exports it at opset ≥ 11: the pads list
 * padded with zeros by ConstantOfShape, paired by Reshape [-1, 2], the pairs reversed by a Slice
 * with step −1, Transpose [1, 0] into begins/ends, Reshape [-1], Cast to int64, then Pad.
 */
function torchPad(opset: number, lrtb: number[]): TestGraph {
  const g = new TestGraph(opset);
  const x = g.input('x', ['batch', 2, 5, 4]);
  const zeros = g.node('ConstantOfShape', [g.ints('zeros_shape', [4])], {
    value: { t: int64Tensor('value', [1], [0]) },
  });
  const list = g.node('Concat', [g.ints('lrtb', lrtb), zeros], { axis: int(0) });
  const allowzero: Record<string, Attr> = opset >= 14 ? { allowzero: int(0) } : {};
  const pairs = g.node('Reshape', [list, g.ints('pairs_shape', [-1, 2])], allowzero);
  const reversed = g.node('Slice', [
    pairs,
    g.ints('starts', [-1]),
    g.ints('ends', [-(2 ** 53)]),
    g.ints('axes', [0]),
    g.ints('steps', [-1]),
  ]);
  const beginsEnds = g.node('Transpose', [reversed], { perm: ints([1, 0]) });
  const flat = g.node('Reshape', [beginsEnds, g.ints('flat_shape', [-1])], allowzero);
  const pads = g.node('Cast', [flat], { to: int(7) });
  g.output(g.node('Pad', [x, pads], { mode: { s: 'constant' } }));
  return g;
}

describe('what torch.onnx.export writes', () => {
  it('F.pad at opsets 11, 13 and 17: ConstantOfShape, N-d Reshape, Slice with step −1 and Transpose of constants fold into one ZeroPadding2D', async () => {
    for (const opset of [11, 13, 17]) {
      const im = await expectMatch(torchPad(opset, [0, 1, 2, 0]), close);
      expect(typesOf(im)).toEqual(['ZeroPadding2D']);
      // [top, bottom, left, right]
      expect(im.spec.layers[1]?.params.padding).toEqual([2, 0, 0, 1]);
    }
    const im = await expectMatch(torchPad(13, [3, 0, 1, 2]), close);
    expect(im.spec.layers[1]?.params.padding).toEqual([1, 2, 3, 0]);
  });

  it('Reshape with allowzero 0 (opset 14+) flattens as before; allowzero 1 with a 0 in the shape is refused by name', async () => {
    const flatten = (allowzero: number, shape: number[]) => {
      const g = new TestGraph(14);
      const x = g.input('x', [1, 2, 3, 3]);
      g.output(g.node('Reshape', [x, g.ints('shape', shape)], { allowzero: int(allowzero) }, 1, 'flat'));
      return g;
    };
    expect(typesOf(await expectMatch(flatten(0, [0, -1]), close))).toContain('Flatten');
    expect(() => parseOnnx(flatten(1, [0, -1]).encode())).toThrow(
      /node "flat" \(Reshape, opset 14\).*allowzero = 1/,
    );
  });

  it('(x − mean) / std written in forward() becomes the Input’s mean and std, not a layer, and the net computes what onnxruntime does', async () => {
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    const g = new TestGraph(13);
    const x = g.input('input', ['batch', 3, 5, 5]);
    const centred = g.node('Sub', [x, g.weight('mean', [1, 3, 1, 1], mean)]);
    const scaled = g.node('Div', [centred, g.weight('std', [1, 3, 1, 1], std)]);
    const conv = g.node('Conv', [scaled, g.weight('w', [2, 3, 3, 3]), g.weight('b', [2])], {
      pads: ints([1, 1, 1, 1]),
    });
    g.output(conv);
    const bytes = g.encode();
    const im = parseOnnx(bytes);
    expect(typesOf(im)).toEqual(['Conv2D']);
    const params = im.spec.layers[0]?.params;
    (params?.mean as number[]).forEach((m, c) => expect(m).toBeCloseTo(mean[c] ?? 0, 6));
    (params?.std as number[]).forEach((s, c) => expect(s).toBeCloseTo(std[c] ?? 0, 6));
    expect(im.notes.map((n) => n.en).join(' ')).toMatch(/normalises its input itself/);
    // The engine is fed what the app's Input gives it: the image after that mean and std.
    const raw = randomInput([1, 3, 5, 5]);
    const want = (await runOrt(bytes, { input: { data: raw, dims: [1, 3, 5, 5] } }, [conv])).get(conv);
    const inAct = im.tensors.get('input');
    const outAct = im.tensors.get(conv);
    if (!want || !inAct || !outAct) throw new Error('not mapped');
    const fed = toOursOrder(inAct, raw).map((v, i) => (v - (mean[i % 3] ?? 0)) / (std[i % 3] ?? 1));
    const got = (await engineActivations(im, fed)).get(outAct.layer) ?? new Float32Array();
    const ours = toOursOrder(outAct, want);
    expect(got.length).toBe(ours.length);
    ours.forEach((v, i) => expect(Math.abs(v - (got[i] ?? 0))).toBeLessThan(1e-4));
  });

  it('a Sub of the input that another node reads too stays refused: the other reader needs the raw values', () => {
    const g = new TestGraph(13);
    const x = g.input('input', [1, 3, 4, 4]);
    const centred = g.node('Sub', [x, g.weight('mean', [1, 3, 1, 1])], {}, 1, 'centre');
    g.output(g.node('Add', [centred, x]));
    expect(() => parseOnnx(g.encode())).toThrow(/node "centre" \(Sub, opset 13\).*constant/);
  });

  it('F.relu6 at opset 9 (Relu, then Clip with max 6 and no min) is ReLU6; a Clip with no min after a Conv stays refused', async () => {
    const net = (relu: boolean) => {
      const g = new TestGraph(9);
      const x = g.input('x', [1, 2, 4, 4]);
      let y = g.node('Conv', [x, g.weight('w', [3, 2, 3, 3], undefined, 3)], { pads: ints([1, 1, 1, 1]) });
      if (relu) y = g.node('Relu', [y]);
      g.output(g.node('Clip', [y], { max: { f: 6 } }, 1, 'clip'));
      return g;
    };
    expect(typesOf(await expectMatch(net(true), close))).toEqual(['Conv2D', 'ReLU', 'ReLU6']);
    expect(() => parseOnnx(net(false).encode())).toThrow(
      /node "clip" \(Clip, opset 9\): clips to \[-Infinity, 6\]/,
    );
  });

  it('torch.cat of a one-tensor list (DenseNet, first layer of each block) is the tensor itself, not a one-input Concatenate the engine refuses', async () => {
    const g = new TestGraph(13);
    const x = g.input('x', ['batch', 3, 5, 5]);
    const c = g.node('Conv', [x, g.weight('w', [4, 3, 1, 1])]);
    const joined = g.node('Concat', [c], { axis: int(1) });
    g.output(g.node('Relu', [joined]));
    const im = await expectMatch(g, close);
    expect(typesOf(im)).toEqual(['Conv2D', 'ReLU']);
  });

  it('a DenseNet-121 block joins 25 maps in one Concat: one Concatenate the engine runs', async () => {
    const g = new TestGraph(13);
    const x = g.input('x', ['batch', 2, 3, 3]);
    const maps = Array.from({ length: 25 }, (_, k) => g.node('Conv', [x, g.weight(`w${k}`, [1, 2, 1, 1])]));
    g.output(g.node('Concat', maps, { axis: int(1) }));
    const im = await expectMatch(g, close);
    expect(typesOf(im).filter((t) => t === 'Concatenate')).toHaveLength(1);
  });
});

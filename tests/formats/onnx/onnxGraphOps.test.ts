/**
 * ONNX element-wise, dense and shape operators against onnxruntime, across the opsets where
 * they differ: activations (Clip as attributes and as inputs, PRelu slopes), BatchNorm,
 * residual Add, squeeze-and-excitation Mul, Concat, Gemm (transB, alpha, beta), MatMul + Add,
 * Flatten of NCHW maps (weights reordered, or a Permute when no Dense reads it), the
 * `x.view(x.size(0), -1)` chain, Softmax, Dropout, Identity and NHWC inputs via Transpose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { TestGraph, float, int, ints } from './onnxTestGraph';
import { expectMatch, typesOf } from './onnxCompare';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const close = (diffs: Map<string, number>) => {
  expect(diffs.size).toBeGreaterThan(0);
  for (const [name, d] of diffs) expect(d, name).toBeLessThan(1e-4);
};

/** Input → Conv 3×3 (so values are signed and mixed) → `body` → output. */
function around(opset: number, body: (g: TestGraph, x: string) => string, channels = 4) {
  const g = new TestGraph(opset, opset);
  const x = g.input('x', ['batch', 3, 6, 6]);
  const c = g.node(
    'Conv',
    [x, g.weight('cw', [channels, 3, 3, 3], undefined, 1), g.weight('cb', [channels])],
    { pads: ints([1, 1, 1, 1]) },
  );
  g.output(body(g, c));
  return g;
}

describe('activations', () => {
  it('Relu, LeakyRelu, Sigmoid, Tanh, Elu, Softplus, Softsign, Selu, HardSigmoid', async () => {
    const ops: [string, Record<string, ReturnType<typeof float>>, string][] = [
      ['Relu', {}, 'ReLU'],
      ['LeakyRelu', { alpha: float(0.1) }, 'LeakyReLU'],
      ['Sigmoid', {}, 'Sigmoid'],
      ['Tanh', {}, 'Tanh'],
      ['Elu', { alpha: float(1) }, 'ELU'],
      ['Softplus', {}, 'Softplus'],
      ['Softsign', {}, 'Softsign'],
      ['Selu', {}, 'SELU'],
      ['HardSigmoid', {}, 'HardSigmoid'],
    ];
    for (const [op, attrs, type] of ops) {
      const im = await expectMatch(
        around(13, (g, c) => g.node(op, [c], attrs)),
        close,
      );
      expect(typesOf(im)[1], op).toBe(type);
    }
  });

  it('Clip(0, 6) is ReLU6: min/max attributes in opset 7, inputs in opsets 11 and 13; Clip(0) a ReLU', async () => {
    const attr = await expectMatch(
      around(7, (g, c) => g.node('Clip', [c], { min: float(0), max: float(6) })),
      close,
    );
    expect(typesOf(attr)[1]).toBe('ReLU6');
    for (const opset of [11, 13]) {
      const im = await expectMatch(
        around(opset, (g, c) => g.node('Clip', [c, g.weight('lo', [], [0]), g.weight('hi', [], [6])])),
        close,
      );
      expect(typesOf(im)[1]).toBe('ReLU6');
    }
    const relu = await expectMatch(
      around(13, (g, c) => g.node('Clip', [c, g.weight('lo', [], [0])])),
      close,
    );
    expect(typesOf(relu)[1]).toBe('ReLU');
  });

  it('PRelu with one slope per channel [C, 1, 1], one shared slope [1] and one per value [C, H, W]', async () => {
    for (const dims of [[4, 1, 1], [1], [4, 6, 6]]) {
      const im = await expectMatch(
        around(9, (g, c) => g.node('PRelu', [c, g.weight('slope', dims)])),
        close,
      );
      expect(typesOf(im)[1]).toBe('PReLU');
    }
  });
});

describe('normalisation and merges', () => {
  it('BatchNormalization in opsets 7 (spatial), 9 and 15', async () => {
    for (const opset of [7, 9, 15]) {
      const im = await expectMatch(
        around(opset, (g, c) =>
          g.node(
            'BatchNormalization',
            [c, g.weight('s', [4]), g.weight('b', [4]), g.weight('m', [4]), g.positive('v', [4])],
            { epsilon: float(1e-3), ...(opset < 9 ? { spatial: int(1) } : {}) },
          ),
        ),
        close,
      );
      expect(typesOf(im)[1]).toBe('BatchNormalization');
    }
  });

  it('a residual block: Conv → BN → Relu → Conv → Add(shortcut) → Relu', async () => {
    const im = await expectMatch(
      around(13, (g, c) => {
        let y = g.node('Conv', [c, g.weight('w1', [4, 4, 3, 3]), g.weight('b1', [4])], {
          pads: ints([1, 1, 1, 1]),
        });
        y = g.node('Relu', [y]);
        y = g.node('Conv', [y, g.weight('w2', [4, 4, 3, 3]), g.weight('b2', [4])], {
          pads: ints([1, 1, 1, 1]),
        });
        return g.node('Relu', [g.node('Add', [y, c])]);
      }),
      close,
    );
    expect(typesOf(im)).toContain('Add');
  });

  it('squeeze-and-excitation: GlobalAveragePool → 1×1 Conv → Relu → 1×1 Conv → Sigmoid → Mul with the map; Sub of two maps', async () => {
    const im = await expectMatch(
      around(13, (g, c) => {
        let s = g.node('GlobalAveragePool', [c]);
        s = g.node('Relu', [g.node('Conv', [s, g.weight('se1', [2, 4, 1, 1]), g.weight('se1b', [2])])]);
        s = g.node('Sigmoid', [g.node('Conv', [s, g.weight('se2', [4, 2, 1, 1]), g.weight('se2b', [4])])]);
        return g.node('Mul', [c, s]);
      }),
      close,
    );
    expect(typesOf(im)).toEqual([
      'Conv2D',
      'GlobalAveragePooling2D',
      'Reshape',
      'Conv2D',
      'ReLU',
      'Conv2D',
      'Sigmoid',
      'Multiply',
    ]);
  });

  it('Sub of two maps is a Subtract layer (shapes and counts only: tfjs 4.22 has none to run)', () => {
    const im = parseOnnx(around(13, (g, c) => g.node('Sub', [g.node('Relu', [c]), c])).encode());
    expect(typesOf(im)).toEqual(['Conv2D', 'ReLU', 'Subtract']);
    expect(im.spec.layers[3]?.inputs).toEqual([im.spec.layers[2]?.id, im.spec.layers[1]?.id]);
  });

  it('Concat of two branches along the channels', async () => {
    const im = await expectMatch(
      around(13, (g, c) => g.node('Concat', [g.node('Relu', [c]), g.node('Sigmoid', [c])], { axis: int(1) })),
      close,
    );
    expect(typesOf(im)).toContain('Concatenate');
  });
});

describe('dense layers and flattening', () => {
  it('Gemm with transB 0 and 1, alpha and beta, after Flatten of a 6×6 map (rows reordered to HWC)', async () => {
    for (const transB of [0, 1]) {
      const im = await expectMatch(
        around(13, (g, c) => {
          const f = g.node('Flatten', [c], { axis: int(1) });
          const w = g.weight('fc', transB ? [5, 144] : [144, 5]);
          return g.node('Gemm', [f, w, g.weight('fcb', [5])], {
            transB: int(transB),
            alpha: float(0.5),
            beta: float(2),
          });
        }),
        close,
      );
      expect(typesOf(im)).toEqual(['Conv2D', 'Flatten', 'Dense']);
    }
  });

  it('MatMul + Add is one Dense with a bias; a Flatten read by Softmax gets a Permute to keep ONNX order', async () => {
    const im = await expectMatch(
      around(13, (g, c) => {
        const f = g.node('Flatten', [g.node('Relu', [c])]);
        const d = g.node('Add', [g.node('MatMul', [f, g.weight('mm', [144, 6])]), g.weight('mb', [6])]);
        return g.node(
          'Concat',
          [g.node('Softmax', [d], { axis: int(1) }), g.node('Softmax', [f], { axis: int(1) })],
          { axis: int(1) },
        );
      }),
      close,
    );
    expect(typesOf(im)).toEqual([
      'Conv2D',
      'ReLU',
      'Permute',
      'Flatten',
      'Dense',
      'Softmax',
      'Softmax',
      'Concatenate',
    ]);
  });

  it('x.view(x.size(0), -1): Shape → Gather → Unsqueeze → Concat → Reshape (opset 9 axes attribute, opset 13 input)', async () => {
    for (const opset of [9, 13]) {
      const im = await expectMatch(
        around(opset, (g, c) => {
          const shape = g.node('Shape', [c]);
          const n = g.node('Gather', [shape, g.ints('zero', [0], [])], { axis: int(0) });
          const u =
            opset >= 13
              ? g.node('Unsqueeze', [n, g.ints('ax', [0])])
              : g.node('Unsqueeze', [n], { axes: ints([0]) });
          const target = g.node('Concat', [u, g.ints('minus1', [-1])], { axis: int(0) });
          const flat = g.node('Reshape', [c, target]);
          return g.node('Gemm', [flat, g.weight('fc', [3, 144]), g.weight('fcb', [3])], { transB: int(1) });
        }),
        close,
      );
      expect(typesOf(im)).toEqual(['Conv2D', 'Flatten', 'Dense']);
    }
  });

  it('Reshape to a constant [1, -1] and [0, -1]; Softmax with the opset 11 and 13 default axes; Dropout (ratio attribute, then input) and Identity', async () => {
    for (const [opset, shape] of [
      [11, [1, -1]],
      [13, [0, -1]],
    ] as const) {
      const im = await expectMatch(
        around(opset, (g, c) => {
          const flat = g.node('Reshape', [c, g.ints('shape', [...shape])]);
          const d = g.node('Gemm', [flat, g.weight('fc', [3, 144]), g.weight('fcb', [3])], {
            transB: int(1),
          });
          const drop =
            opset < 12
              ? g.node('Dropout', [d], { ratio: float(0.3) })
              : g.node('Dropout', [d, g.weight('r', [], [0.3])]);
          return g.node('Softmax', [g.node('Identity', [drop])]);
        }),
        close,
      );
      expect(typesOf(im)).toEqual(['Conv2D', 'Flatten', 'Dense', 'Dropout', 'Softmax']);
    }
  });

  it('an NHWC input read through Transpose [0, 3, 1, 2] (Keras via tf2onnx), flattened after a Transpose back: no reordering needed', async () => {
    const g = new TestGraph(13);
    const x = g.input('x', [1, 5, 5, 3]);
    const nchw = g.node('Transpose', [x], { perm: ints([0, 3, 1, 2]) });
    const c = g.node('Conv', [nchw, g.weight('w', [2, 3, 3, 3]), g.weight('b', [2])]);
    const nhwc = g.node('Transpose', [c], { perm: ints([0, 2, 3, 1]) });
    g.output(g.node('MatMul', [g.node('Flatten', [nhwc]), g.weight('fc', [18, 4])]));
    const im = await expectMatch(g, close);
    expect(im.spec.layers[0]?.params.shape).toEqual([5, 5, 3]);
    expect(typesOf(im)).toEqual(['Conv2D', 'Flatten', 'Dense']);
  });
});

describe('hard swish', () => {
  it('HardSwish (opset 14) and x · HardSigmoid(x, alpha 1/6) (older opsets) are a HardSwish layer computing what onnxruntime does', async () => {
    const { runOrt, randomInput } = await import('./onnxCompare');
    const { applyActivation } = await import('../../../src/lib/tensor/activations');
    for (const opset of [13, 14]) {
      const g = new TestGraph(opset);
      const x = g.input('x', [1, 2, 3, 3]);
      const y =
        opset >= 14
          ? g.node('HardSwish', [x])
          : g.node('Mul', [x, g.node('HardSigmoid', [x], { alpha: float(1 / 6), beta: float(0.5) })]);
      g.output(y);
      const im = parseOnnx(g.encode());
      expect(typesOf(im)).toEqual(['HardSwish']);
      const input = randomInput([1, 2, 3, 3]).map((v) => v * 5);
      const want =
        (await runOrt(g.encode(), { x: { data: input, dims: [1, 2, 3, 3] } }, [y])).get(y) ??
        new Float32Array();
      want.forEach((v, i) =>
        expect(Math.abs(v - applyActivation('hard_swish', input[i] ?? 0))).toBeLessThan(1e-5),
      );
    }
  });
});

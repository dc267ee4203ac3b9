/**
 * ONNX window operators against onnxruntime: Conv (groups, dilations, asymmetric pads,
 * auto_pad), ConvTranspose, MaxPool/AveragePool (ceil_mode, count_include_pad), Pad and
 * Resize/Upsample. Every activation the import maps to a layer must equal onnxruntime's
 * within 1e-4, and the layers must be the ones a learner expects.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { TestGraph, float, int, ints, str } from './onnxTestGraph';
import { expectMatch, typesOf } from './onnxCompare';
import type { Attr } from './onnxTestGraph';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const close = (diffs: Map<string, number>) => {
  expect(diffs.size).toBeGreaterThan(0);
  for (const [name, d] of diffs) expect(d, name).toBeLessThan(1e-4);
};

function convNet(
  attrs: Record<string, Attr>,
  opts: { size?: number; cin?: number; cout?: number; k?: number; group?: number; relu?: boolean } = {},
) {
  const { size = 9, cin = 3, cout = 4, k = 3, group = 1 } = opts;
  const g = new TestGraph(13);
  let x = g.input('x', ['N', cin, size, size]);
  if (opts.relu) x = g.node('Relu', [x]);
  const y = g.node('Conv', [x, g.weight('w', [cout, cin / group, k, k]), g.weight('b', [cout])], {
    ...attrs,
    group: int(group),
  });
  g.output(y);
  return g;
}

describe('Conv', () => {
  it('pads 1 around a 3×3 kernel at stride 1: Conv2D with same padding', async () => {
    const im = await expectMatch(convNet({ pads: ints([1, 1, 1, 1]) }), close);
    expect(typesOf(im)).toEqual(['Conv2D']);
    expect(im.spec.layers[1]?.params.padding).toBe('same');
  });

  it('pads 1 at stride 2 on an even map (PyTorch pads both sides, TensorFlow only the end): ZeroPadding2D + valid', async () => {
    const im = await expectMatch(
      convNet({ pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) }, { size: 8 }),
      close,
    );
    expect(typesOf(im)).toEqual(['ZeroPadding2D', 'Conv2D']);
  });

  it('asymmetric pads [0, 1, 2, 0]', async () => {
    const im = await expectMatch(convNet({ pads: ints([0, 1, 2, 0]) }), close);
    expect(im.spec.layers[1]?.params.padding).toEqual([0, 2, 1, 0]);
  });

  it('dilations 2 with pads 2 (same)', async () => {
    const im = await expectMatch(convNet({ pads: ints([2, 2, 2, 2]), dilations: ints([2, 2]) }), close);
    expect(im.spec.layers[1]?.params.dilation).toEqual([2, 2]);
  });

  it.each(['SAME_UPPER', 'SAME_LOWER', 'VALID'])('auto_pad %s at stride 2', async (mode) => {
    await expectMatch(convNet({ auto_pad: str(mode), strides: ints([2, 2]) }, { size: 8 }), close);
  });

  it('a 5×3 kernel and no bias', async () => {
    const g = new TestGraph(11);
    const x = g.input('x', [1, 2, 7, 6]);
    g.output(
      g.node('Conv', [x, g.weight('w', [3, 2, 5, 3])], {
        kernel_shape: ints([5, 3]),
        pads: ints([2, 1, 2, 1]),
      }),
    );
    const im = await expectMatch(g, close);
    expect(im.spec.layers[1]?.params.useBias).toBe(false);
  });

  it('group = channels: DepthwiseConv2D (multiplier 2)', async () => {
    const im = await expectMatch(convNet({ pads: ints([1, 1, 1, 1]) }, { cin: 4, cout: 8, group: 4 }), close);
    expect(typesOf(im)).toEqual(['DepthwiseConv2D']);
    expect(im.spec.layers[1]?.params.depthMultiplier).toBe(2);
  });

  it('group 2 of 4 channels: GroupedConv2D with the kernel in per-group layout', async () => {
    const g = convNet({}, { cin: 4, cout: 6, group: 2 });
    const { parseOnnx } = await import('../../../src/lib/formats/onnx/onnxImport');
    const im = parseOnnx(g.encode());
    expect(typesOf(im)).toEqual(['GroupedConv2D']);
    expect(im.weights?.get(`${im.spec.layers[1]?.id}/kernel`)?.length).toBe(3 * 3 * 2 * 6);
  });
});

describe('ConvTranspose', () => {
  const deconv = (attrs: Record<string, Attr>, k: number, size = 4) => {
    const g = new TestGraph(13);
    const x = g.input('x', [1, 3, size, size]);
    g.output(g.node('ConvTranspose', [x, g.weight('w', [3, 2, k, k]), g.weight('b', [2])], attrs));
    return g;
  };
  it('k4 s2 p1 (DCGAN, FCN): Conv2DTranspose same', async () => {
    const im = await expectMatch(deconv({ strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) }, 4), close);
    expect(typesOf(im)).toEqual(['Conv2DTranspose']);
    expect(im.spec.layers[1]?.params.padding).toBe('same');
  });
  it('k3 s2 p1 output_padding 1', async () => {
    await expectMatch(
      deconv({ strides: ints([2, 2]), pads: ints([1, 1, 1, 1]), output_padding: ints([1, 1]) }, 3),
      close,
    );
  });
  it('k2 s2 no pads (U-Net): valid', async () => {
    const im = await expectMatch(deconv({ strides: ints([2, 2]) }, 2), close);
    expect(typesOf(im)).toEqual(['Conv2DTranspose']);
  });
  it('k3 s1 p0, then cropping for pads [1, 0, 0, 1]', async () => {
    const im = await expectMatch(deconv({ pads: ints([1, 0, 0, 1]) }, 3), close);
    expect(typesOf(im)).toEqual(['Conv2DTranspose', 'Cropping2D']);
  });
  it('output_shape', async () => {
    await expectMatch(deconv({ strides: ints([2, 2]), output_shape: ints([9, 9]) }, 3), close);
  });
});

describe('pooling', () => {
  const poolNet = (op: string, attrs: Record<string, Attr>, relu: boolean, size = 8, opset = 13) => {
    const g = new TestGraph(opset);
    let x = g.input('x', [1, 2, size, size]);
    if (relu) x = g.node('Relu', [x]);
    g.output(g.node(op, [x], { kernel_shape: ints([3, 3]), ...attrs }));
    return g;
  };
  it('MaxPool k3 s2 p1 after ReLU (ResNet stem): zero padding, exact since the values are ≥ 0', async () => {
    const im = await expectMatch(
      poolNet('MaxPool', { strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) }, true, 8),
      close,
    );
    expect(typesOf(im)).toEqual(['ReLU', 'ZeroPadding2D', 'MaxPooling2D']);
  });
  it('MaxPool k3 s1 p1 of signed values: same (padding never wins a max)', async () => {
    const im = await expectMatch(poolNet('MaxPool', { pads: ints([1, 1, 1, 1]) }, false), close);
    expect(im.spec.layers[1]?.params.padding).toBe('same');
  });
  it('MaxPool ceil_mode 1 after ReLU (opset 10 and 13)', async () => {
    for (const opset of [10, 13])
      await expectMatch(
        poolNet('MaxPool', { strides: ints([2, 2]), ceil_mode: int(1) }, true, 8, opset),
        close,
      );
  });
  it('MaxPool of signed values whose pads TensorFlow cannot match is refused by name', async () => {
    const { parseOnnx } = await import('../../../src/lib/formats/onnx/onnxImport');
    expect(() =>
      parseOnnx(poolNet('MaxPool', { strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) }, false).encode()),
    ).toThrow(/node "MaxPool_0" \(MaxPool, opset 13\): its padding/);
  });
  it('AveragePool with pads counted (count_include_pad 1): zero padding + valid', async () => {
    const im = await expectMatch(
      poolNet(
        'AveragePool',
        { strides: ints([2, 2]), pads: ints([1, 1, 1, 1]), count_include_pad: int(1) },
        false,
      ),
      close,
    );
    expect(typesOf(im)).toEqual(['ZeroPadding2D', 'AveragePooling2D']);
  });
  it('AveragePool with pads left out of the count (count_include_pad 0): same', async () => {
    const im = await expectMatch(poolNet('AveragePool', { pads: ints([1, 1, 1, 1]) }, false, 7), close);
    expect(im.spec.layers[1]?.params.padding).toBe('same');
  });
  it('AveragePool 2×2 ceil_mode on an odd map (opset 10): same', async () => {
    const g = new TestGraph(10);
    const x = g.input('x', [1, 2, 7, 7]);
    g.output(
      g.node('AveragePool', [x], { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(1) }),
    );
    await expectMatch(g, close);
  });
  it('GlobalAveragePool, GlobalMaxPool and ReduceMean over H, W (opset 13 attribute, 18 input)', async () => {
    for (const [opset, op] of [
      [13, 'GlobalAveragePool'],
      [13, 'GlobalMaxPool'],
      [13, 'ReduceMean'],
      [18, 'ReduceMean'],
    ] as const) {
      const g = new TestGraph(opset);
      const x = g.input('x', [1, 3, 5, 5]);
      const attrs: Record<string, Attr> =
        op === 'ReduceMean' && opset < 18 ? { axes: ints([2, 3]), keepdims: int(0) } : {};
      const inputs = op === 'ReduceMean' && opset >= 18 ? [x, g.ints('axes', [-2, -1])] : [x];
      let y = g.node(op, inputs, attrs);
      if (!(op === 'ReduceMean' && opset < 18)) y = g.node('Flatten', [y]);
      g.output(g.node('Gemm', [y, g.weight('fc', [4, 3]), g.weight('fcb', [4])], { transB: int(1) }));
      const im = await expectMatch(g, close);
      expect(typesOf(im)[0]).toBe(op === 'GlobalMaxPool' ? 'GlobalMaxPooling2D' : 'GlobalAveragePooling2D');
    }
  });
});

describe('Pad and Resize', () => {
  it('Pad with zeros: attribute (opset 7 and 2 era) and input (opset 11, 13)', async () => {
    for (const opset of [7, 11, 13]) {
      const g = new TestGraph(opset);
      const x = g.input('x', [1, 2, 4, 5]);
      const pads = [0, 0, 1, 2, 0, 0, 3, 0];
      g.output(
        opset < 11 ? g.node('Pad', [x], { pads: ints(pads) }) : g.node('Pad', [x, g.ints('pads', pads)]),
      );
      const im = await expectMatch(g, close);
      expect(im.spec.layers[1]?.params.padding).toEqual([1, 3, 2, 0]);
    }
  });
  it('nearest upsampling by 2 (and 3×2): Upsample opset 7 and 9, Resize opset 10, 11 (sizes) and 13 (asymmetric and half_pixel)', async () => {
    const cases: [number, string, (g: TestGraph, x: string) => string][] = [
      [
        7,
        'Upsample attr',
        (g, x) => g.node('Upsample', [x], { scales: { floats: [1, 1, 2, 2] }, mode: str('nearest') }),
      ],
      [
        9,
        'Upsample input',
        (g, x) => g.node('Upsample', [x, g.weight('s', [4], [1, 1, 2, 2])], { mode: str('nearest') }),
      ],
      [
        10,
        'Resize scales',
        (g, x) => g.node('Resize', [x, g.weight('s', [4], [1, 1, 3, 2])], { mode: str('nearest') }),
      ],
      [
        11,
        'Resize sizes',
        (g, x) =>
          g.node(
            'Resize',
            [x, g.weight('roi', [0], []), g.weight('s', [0], []), g.ints('sz', [1, 2, 8, 10])],
            {
              mode: str('nearest'),
              coordinate_transformation_mode: str('asymmetric'),
              nearest_mode: str('floor'),
            },
          ),
      ],
      [
        13,
        'Resize half_pixel',
        (g, x) => g.node('Resize', [x, '', g.weight('s', [4], [1, 1, 2, 2])], { mode: str('nearest') }),
      ],
    ];
    for (const [opset, , make] of cases) {
      const g = new TestGraph(opset);
      const x = g.input('x', [1, 2, 4, 5]);
      g.output(make(g, x));
      const im = await expectMatch(g, close);
      expect(typesOf(im)).toEqual(['UpSampling2D']);
    }
  });
  it('linear resizing and align_corners nearest are refused with the attribute named', async () => {
    const { parseOnnx } = await import('../../../src/lib/formats/onnx/onnxImport');
    const g = new TestGraph(13);
    const x = g.input('x', [1, 2, 4, 4]);
    g.output(g.node('Resize', [x, '', g.weight('s', [4], [1, 1, 2, 2])], { mode: str('linear') }));
    expect(() => parseOnnx(g.encode())).toThrow(/Resize, opset 13\): mode "linear" is not supported/);
    const h = new TestGraph(13);
    const y = h.input('x', [1, 2, 4, 4]);
    h.output(
      h.node('Resize', [y, '', h.weight('s', [4], [1, 1, 2, 2])], {
        mode: str('nearest'),
        coordinate_transformation_mode: str('align_corners'),
        nearest_mode: str('floor'),
      }),
    );
    expect(() => parseOnnx(h.encode())).toThrow(/coordinate_transformation_mode "align_corners"/);
    void float;
  });
});

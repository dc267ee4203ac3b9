/**
 * Bad ONNX files: each ends in an OnnxFormatError whose message names what is wrong and
 * where (the node with its op type and opset, or the tensor and the field), never a crash
 * or a silent default.
 */
import { describe, expect, it } from 'vitest';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { checkBudget, detectOnnx, ONNX_BUDGET_BYTES } from '../../../src/lib/formats/onnx/onnxDecode';
import { OnnxFormatError } from '../../../src/lib/formats/onnx/onnxError';
import { floatTensor } from '../../../src/lib/formats/onnx/onnxTensor';
import { TestGraph, int, ints } from './onnxTestGraph';

function message(bytes: Uint8Array): string {
  try {
    parseOnnx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(OnnxFormatError);
    return (e as OnnxFormatError).message;
  }
  throw new Error('the file was read');
}

function smallNet(opset = 13): TestGraph {
  const g = new TestGraph(opset);
  const x = g.input('x', ['N', 3, 8, 8]);
  let y = g.node(
    'Conv',
    [x, g.weight('conv.weight', [4, 3, 3, 3]), g.weight('conv.bias', [4])],
    { pads: ints([1, 1, 1, 1]) },
    1,
    'conv',
  );
  y = g.node('Relu', [y], {}, 1, 'relu');
  y = g.node('GlobalAveragePool', [y], {}, 1, 'gap');
  y = g.node('Flatten', [y], {}, 1, 'flatten');
  g.output(
    g.node('Gemm', [y, g.weight('fc.weight', [3, 4]), g.weight('fc.bias', [3])], { transB: int(1) }, 1, 'fc'),
  );
  return g;
}

describe('damaged files', () => {
  const bytes = smallNet().encode();

  it('reads the good file', () => {
    expect(parseOnnx(bytes).spec.layers.map((l) => l.type)).toEqual([
      'Input',
      'Conv2D',
      'ReLU',
      'GlobalAveragePooling2D',
      'Dense',
    ]);
    expect(detectOnnx(bytes)).toBe(true);
  });

  it('a file cut short names the entry it ends in and the last complete one', () => {
    for (const cut of [0.3, 0.6, 0.95]) {
      const m = message(bytes.subarray(0, Math.floor(bytes.length * cut)));
      expect(m, String(cut)).toMatch(
        /^graph\.(node|initializer|input|output)\[\d+\]: the file is cut short: graph\.\w+\[\d+\] (\(after \w+ "[^"]+"\) )?needs \d+ bytes but only \d+ are left$/,
      );
    }
    expect(message(bytes.subarray(0, 3))).toMatch(/cut short|damaged/);
  });

  it('damaged bytes inside a node name the node entry and the node before it', () => {
    const g = smallNet();
    const good = g.encode();
    // The tag of the second node's op type "Relu", overwritten with field 15 of the invalid wire type 7.
    const at = Buffer.from(good).indexOf(Buffer.from('Relu')) - 2;
    const bad = good.slice();
    bad[at] = 0x7f;
    expect(message(bad)).toMatch(
      /^graph\.node\[1\]: the file is damaged or cut short in graph\.node\[1\] \(after node "conv"\): /,
    );
  });

  it('an empty file, a text file and random bytes', () => {
    expect(message(new Uint8Array())).toBe('the file is empty');
    expect(message(new TextEncoder().encode('layer { name: "x" }\n'))).toMatch(/damaged|no graph/);
    const noise = Uint8Array.from({ length: 500 }, (_, i) => (i * 7919) % 251);
    expect(message(noise)).toMatch(/damaged|cut short|no graph/);
  });

  it('a model over the memory budget is refused with its size and the budget', () => {
    expect(() => checkBudget(ONNX_BUDGET_BYTES + 1)).toThrow(
      'the model is 256.0 MB; CNN Studio reads ONNX files up to 256.0 MB',
    );
    const g = smallNet();
    g.initializers.push({ ...floatTensor('huge', [1], Float32Array.of(1)), dims: [100000, 100000] });
    expect(message(g.encode())).toBe(
      'graph.initializer[4].dims: initializer "huge": dims 100000×100000 make 10000000000 values, more than the memory budget holds',
    );
  });
});

describe('wrong tensors', () => {
  it('raw_data of the wrong size names the initializer, the field and both sizes', () => {
    const g = smallNet();
    const w = g.initializers[0];
    if (w?.rawData) w.rawData = w.rawData.subarray(0, 100);
    expect(message(g.encode())).toBe(
      'graph.initializer[0].raw_data: initializer "conv.weight": raw_data holds 100 bytes; dims 4×3×3×3 of float need 108 values (432 bytes)',
    );
  });

  it('float_data of the wrong length, weights stored outside the file, a bias of the wrong length', () => {
    const g = smallNet();
    g.initializers[1] = {
      ...floatTensor('conv.bias', [4], new Float32Array(4)),
      rawData: undefined,
      floatData: [1, 2, 3],
    };
    expect(message(g.encode())).toMatch(
      /initializer "conv.bias": float_data holds 3 values; dims 4 of float need 4 values/,
    );
    const e = smallNet();
    e.initializers[0] = {
      ...floatTensor('conv.weight', [4, 3, 3, 3], new Float32Array(0)),
      rawData: undefined,
      dataLocation: 1,
      externalData: [{ key: 'location', value: 'weights.bin' }],
    };
    expect(message(e.encode())).toMatch(
      /initializer "conv.weight": its values are in an external file \("weights.bin"\)/,
    );
    const b = smallNet();
    b.initializers[1] = floatTensor('conv.bias', [5], new Float32Array(5));
    expect(message(b.encode())).toBe(
      'graph.node[0]: node "conv" (Conv, opset 13): its bias has 5 values; 4 output channels need 4',
    );
  });

  it('a dense weight that does not fit its input', () => {
    const g = smallNet();
    g.initializers[2] = floatTensor('fc.weight', [3, 5], new Float32Array(15));
    expect(message(g.encode())).toBe(
      'graph.node[4]: node "fc" (Gemm, opset 13): its weights 3×5 do not fit an input of 4 features',
    );
  });
});

describe('unsupported graphs', () => {
  it('an unknown operator is named with the node, its op type and the opset', () => {
    const g = new TestGraph(11);
    const x = g.input('x', [1, 3, 4, 4]);
    g.output(g.node('Relu', [g.node('FancyOp', [x], {}, 1, 'my "fancy"\nop <b>')]));
    expect(message(g.encode())).toBe(
      'graph.node[0]: node "my "fancy" op <b>" (FancyOp, opset 11): this operator is not supported',
    );
  });

  it('an attribute CNN Studio does not know is refused by name, not ignored', () => {
    const g = new TestGraph(13);
    const x = g.input('x', [1, 3, 4, 4]);
    g.output(g.node('Relu', [x], { fancy: int(1) }, 1, 'r'));
    expect(message(g.encode())).toBe(
      'graph.node[0]: node "r" (Relu, opset 13): attribute "fancy" is not supported',
    );
  });

  it('another domain, a cycle, an input nobody produces, a symbolic image size', () => {
    const g = new TestGraph(13);
    const x = g.input('x', [1, 3, 4, 4]);
    g.output(g.node('Relu', [x], {}, 1, 'r'));
    (g.nodes[0] as { domain?: string }).domain = 'com.microsoft';
    expect(message(g.encode())).toBe(
      'graph.node[0]: node "r" (Relu, opset 13): operators of the domain "com.microsoft" are not supported',
    );

    const c = new TestGraph(13);
    const cx = c.input('x', [1, 3, 4, 4]);
    c.nodes.push({ opType: 'Add', name: 'a', input: [cx, 'b_out'], output: ['a_out'], attribute: [] });
    c.nodes.push({ opType: 'Relu', name: 'b', input: ['a_out'], output: ['b_out'], attribute: [] });
    c.output('b_out');
    expect(message(c.encode())).toBe(
      'graph.node[0]: node "a" (Add) is in a cycle: its inputs depend on its own output',
    );

    const m = new TestGraph(13);
    m.input('x', [1, 3, 4, 4]);
    m.output(m.node('Relu', ['ghost'], {}, 1, 'r'));
    expect(message(m.encode())).toBe(
      'graph.node[0].input: node "r" (Relu) reads "ghost", which no node, initializer or graph input produces',
    );

    const s = new TestGraph(13);
    s.output(s.node('Relu', [s.input('x', ['N', 3, 'height', 'width'])]));
    expect(message(s.encode())).toBe(
      'graph.input[0]: graph input "x" has no fixed size for axis 2 ("height"); CNN Studio needs a fixed size for every axis but the batch',
    );
  });

  it('constants where the image should be, and reshapes that mix axes', () => {
    const g = new TestGraph(13);
    // After a Relu: a scale of the graph input itself is preprocessing (onnxInputNorm.ts).
    const x = g.node('Relu', [g.input('x', [1, 3, 4, 4])]);
    g.output(g.node('Mul', [x, g.weight('k', [1], [2])], {}, 1, 'scale'));
    expect(message(g.encode())).toMatch(/node "scale" \(Mul, opset 13\): one of its inputs is a constant/);
    const r = new TestGraph(13);
    const rx = r.input('x', [1, 4, 4, 4]);
    r.output(r.node('Reshape', [rx, r.ints('s', [1, 2, 8, 4])], {}, 1, 'shuffle'));
    expect(message(r.encode())).toBe(
      'graph.node[0]: node "shuffle" (Reshape, opset 13): reshapes [1, 4, 4, 4] to [1, 2, 8, 4]; CNN Studio reads reshapes that flatten a feature map or add 1×1 axes',
    );
  });
});

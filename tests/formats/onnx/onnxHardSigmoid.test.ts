/**
 * ONNX HardSigmoid with any alpha and beta: PyTorch's Hardsigmoid (alpha 1/6, MobileNetV3's
 * squeeze-and-excitation gate), tfjs' and Keras 2's (alpha 0.2) and an arbitrary one. Each
 * imports as a HardSigmoid layer whose engine output equals onnxruntime's and the definition
 * clip(alpha·x + beta, 0, 1); the plain-TypeScript forward agrees; ONNX export writes the
 * attributes back; Keras export takes tfjs' and refuses the others by name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/lib/engine/backend';
import { tf } from '../../../src/lib/engine/tf';
import { buildModel } from '../../../src/lib/engine/build';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { serializeOnnx } from '../../../src/lib/formats/onnx/onnxExport';
import { ModelProtoType, type ModelProto } from '../../../src/lib/formats/onnx/onnxSchema';
import { checkKerasExport, serializeKerasJson } from '../../../src/lib/formats/keras/kerasJson';
import { serializePytorch } from '../../../src/lib/formats/pytorch/pytorchExport';
import { forwardPass } from '../../../src/lib/forward/forwardPass';
import type { NetworkSpec } from '../../../src/lib/spec/types';
import { TestGraph, float, ints } from './onnxTestGraph';
import { compareWithOrt, engineActivations, randomInput, runOrt, typesOf } from './onnxCompare';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const definition = (alpha: number, beta: number) => (x: number) => Math.min(Math.max(alpha * x + beta, 0), 1);

/** ONNX float attributes are float32: the definition with the values the file holds. */
const f32 = (v: number) => Math.fround(v);

const CASES: [string, number, number][] = [
  ['PyTorch (alpha 1/6, beta 0.5)', 1 / 6, 0.5],
  ['Keras 2 / tfjs (alpha 0.2, beta 0.5)', 0.2, 0.5],
  ['any other (alpha 0.3, beta -0.1)', 0.3, -0.1],
];

/** Input → Conv 3×3 with large weights (values well past both corners) → HardSigmoid. */
function hardSigmoidGraph(opset: number, alpha: number, beta: number) {
  const g = new TestGraph(opset, opset);
  const x = g.input('x', [1, 3, 6, 6]);
  const conv = g.node('Conv', [x, g.weight('cw', [4, 3, 3, 3], undefined, 3), g.weight('cb', [4])], {
    pads: ints([1, 1, 1, 1]),
  });
  const y = g.node('HardSigmoid', [conv], { alpha: float(alpha), beta: float(beta) });
  g.output(y);
  return { g, conv, y };
}

describe('ONNX HardSigmoid', () => {
  it.each(CASES)(
    '%s imports as HardSigmoid and runs as the definition at opsets 9, 13, 17',
    async (_n, alpha, beta) => {
      for (const opset of [9, 13, 17]) {
        const { g, conv, y } = hardSigmoidGraph(opset, alpha, beta);
        const { imported, diffs } = await compareWithOrt(g);
        expect(typesOf(imported)).toEqual(['Conv2D', 'HardSigmoid']);
        const layer = imported.spec.layers[2];
        if (alpha === 0.2) expect(layer?.params).toEqual({});
        else {
          expect(layer?.params.alpha).toBeCloseTo(alpha, 6);
          expect(layer?.params.beta).toBeCloseTo(beta, 6);
        }
        expect(diffs.size).toBe(2);
        for (const [name, d] of diffs) expect(d, `${name} at opset ${opset}`).toBeLessThan(1e-4);
        // onnxruntime itself against the definition, with values on both flat parts and the slope.
        const input = randomInput([1, 3, 6, 6]);
        const ort = await runOrt(g.encode([conv]), { x: { data: input, dims: [1, 3, 6, 6] } }, [conv, y]);
        const pre = ort.get(conv) ?? new Float32Array();
        const out = ort.get(y) ?? new Float32Array();
        const f = definition(f32(alpha), f32(beta));
        out.forEach((v, i) => expect(Math.abs(v - f(pre[i] ?? 0))).toBeLessThan(1e-4));
        expect(out.some((v) => v === 0)).toBe(true);
        expect(out.some((v) => v === 1)).toBe(true);
        expect(out.some((v) => v > 0.05 && v < 0.95)).toBe(true);
      }
    },
  );

  it.each(CASES)(
    '%s: the engine, the plain-TypeScript forward and the definition agree',
    async (_n, alpha, beta) => {
      const { g } = hardSigmoidGraph(13, alpha, beta);
      const imported = parseOnnx(g.encode());
      const input = randomInput([6, 6, 3], 3);
      const before = tf.memory().numTensors;
      const engine = await engineActivations(imported, input);
      expect(tf.memory().numTensors).toBe(before);
      const [, convLayer, gate] = imported.spec.layers;
      const weights = new Map(
        [convLayer!.id].map((id) => [
          id,
          ['kernel', 'bias'].map((name) => ({
            name,
            value: {
              data: imported.weights?.get(`${id}/${name}`) ?? new Float32Array(),
              shape: name === 'kernel' ? [3, 3, 3, 4] : [4],
            },
          })),
        ]),
      );
      const plain = forwardPass(imported.spec, weights, input);
      const pre = engine.get(convLayer!.id) ?? new Float32Array();
      const f = definition(f32(alpha), f32(beta));
      const got = engine.get(gate!.id) ?? new Float32Array();
      const ts = plain.activations.get(gate!.id)?.data ?? new Float32Array();
      expect(got.length).toBe(144);
      got.forEach((v, i) => {
        expect(Math.abs(v - f(pre[i] ?? 0))).toBeLessThan(1e-4);
        expect(Math.abs((ts[i] ?? 0) - v)).toBeLessThan(1e-4);
      });
    },
  );

  it('squeeze-and-excitation with a PyTorch gate: GlobalAveragePool → Conv → Relu → Conv → HardSigmoid → Mul', async () => {
    for (const opset of [13, 17]) {
      const g = new TestGraph(opset, opset);
      const x = g.input('x', [1, 3, 6, 6]);
      const c = g.node('Conv', [x, g.weight('cw', [4, 3, 3, 3], undefined, 1), g.weight('cb', [4])], {
        pads: ints([1, 1, 1, 1]),
      });
      let s = g.node('GlobalAveragePool', [c]);
      s = g.node('Relu', [
        g.node('Conv', [s, g.weight('se1', [2, 4, 1, 1], undefined, 2), g.weight('se1b', [2])]),
      ]);
      const pre = g.node('Conv', [
        s,
        g.weight('se2', [4, 2, 1, 1], undefined, 4),
        g.weight('se2b', [4], undefined, 4),
      ]);
      const gate = g.node('HardSigmoid', [pre], { alpha: float(1 / 6), beta: float(0.5) });
      g.output(g.node('Mul', [c, gate]));
      const { imported, diffs } = await compareWithOrt(g);
      expect(typesOf(imported)).toEqual([
        'Conv2D',
        'GlobalAveragePooling2D',
        'Reshape',
        'Conv2D',
        'ReLU',
        'Conv2D',
        'HardSigmoid',
        'Multiply',
      ]);
      for (const [name, d] of diffs) expect(d, `${name} at opset ${opset}`).toBeLessThan(1e-4);
      const ort = await runOrt(
        g.encode([pre, gate]),
        { x: { data: randomInput([1, 3, 6, 6]), dims: [1, 3, 6, 6] } },
        [pre, gate],
      );
      const f = definition(f32(1 / 6), 0.5);
      const gates = ort.get(gate) ?? new Float32Array();
      gates.forEach((v, i) => expect(Math.abs(v - f(ort.get(pre)?.[i] ?? 0))).toBeLessThan(1e-4));
    }
  });

  it('a PyTorch HardSigmoid gating another tensor than its input stays HardSigmoid, not hard swish', () => {
    const g = new TestGraph(13, 13);
    const x = g.input('x', [1, 2, 3, 3]);
    const gate = g.node('HardSigmoid', [x], { alpha: float(1 / 6), beta: float(0.5) });
    g.output(g.node('Mul', [g.node('Relu', [x]), gate]));
    expect(typesOf(parseOnnx(g.encode()))).toEqual(['HardSigmoid', 'ReLU', 'Multiply']);
  });
});

function gateSpec(params: Record<string, number>): NetworkSpec {
  return {
    name: 'gate',
    layers: [
      { id: 'in', type: 'Input', params: { shape: [4, 4, 2] }, inputs: [] },
      { id: 'gate', type: 'HardSigmoid', params, inputs: ['in'] },
    ],
  };
}

describe('HardSigmoid export', () => {
  it('ONNX export writes alpha and beta, and onnxruntime computes the definition', async () => {
    const bytes = serializeOnnx(gateSpec({ alpha: 1 / 6, beta: 0.5 }), new Map());
    const model = ModelProtoType.decode(bytes) as unknown as ModelProto;
    const node = model.graph?.node.find((n) => n.opType === 'HardSigmoid');
    const attrs = Object.fromEntries((node?.attribute ?? []).map((a) => [a.name, a.f]));
    expect(attrs.alpha).toBeCloseTo(1 / 6, 6);
    expect(attrs.beta).toBe(0.5);
    const input = randomInput([1, 2, 4, 4]).map((v) => v * 6);
    const inputName = model.graph?.input[0]?.name ?? '';
    const outputName = model.graph?.output[0]?.name ?? '';
    const out = (await runOrt(bytes, { [inputName]: { data: input, dims: [1, 2, 4, 4] } }, [outputName])).get(
      outputName,
    );
    const f = definition(1 / 6, 0.5);
    out?.forEach((v, i) => expect(Math.abs(v - f(input[i] ?? 0))).toBeLessThan(1e-4));
    // And the default, tfjs' 0.2 and 0.5, is written as such.
    const plain = ModelProtoType.decode(serializeOnnx(gateSpec({}), new Map())) as unknown as ModelProto;
    const attrsPlain = plain.graph?.node.find((n) => n.opType === 'HardSigmoid')?.attribute ?? [];
    expect(Object.fromEntries(attrsPlain.map((a) => [a.name, a.f]))).toEqual({
      alpha: Math.fround(0.2),
      beta: 0.5,
    });
  });

  it("Keras export writes tfjs' hard sigmoid as the activation and refuses any other by name", async () => {
    const json = JSON.parse(serializeKerasJson(gateSpec({})).json) as {
      modelTopology: {
        model_config?: unknown;
        config?: { layers: { class_name: string; config: unknown }[] };
      };
    };
    expect(JSON.stringify(json)).toContain('"activation":"hard_sigmoid"');
    expect(JSON.stringify(json)).not.toContain('"class_name":"HardSigmoid"');
    expect(() => checkKerasExport(gateSpec({ alpha: 1 / 6, beta: 0.5 }))).toThrow(
      /layer gate: HardSigmoid has no Keras \/ TensorFlow\.js equivalent \(tfjs' and Keras 2's hard_sigmoid is fixed at 0\.2·x \+ 0\.5, and this one is 0\.16/,
    );
  });

  it('the engine builds any alpha and beta on its own layer, without leaking tensors', async () => {
    const spec = gateSpec({ alpha: 0.3, beta: -0.1 });
    const model = await buildModel(spec);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'HardSigmoid']);
    const input = randomInput([1, 4, 4, 2], 5).map((v) => v * 5);
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => (model.predict(tf.tensor(input, [1, 4, 4, 2])) as tf.Tensor).dataSync());
    expect(tf.memory().numTensors).toBe(before);
    const f = definition(0.3, -0.1);
    out.forEach((v, i) => expect(Math.abs(v - f(input[i] ?? 0))).toBeLessThan(1e-6));
    // The model round-trips through tfjs' own serialisation (the training worker's path).
    const config = model.getConfig() as { layers: { class_name: string; config: Record<string, unknown> }[] };
    expect(config.layers[1]?.config).toMatchObject({ alpha: 0.3, beta: -0.1 });
    model.dispose();
    const tfjsDefault = await buildModel(gateSpec({}));
    expect(tfjsDefault.layers[1]?.getClassName()).toBe('Activation');
    tfjsDefault.dispose();
  });

  it("PyTorch export writes PyTorch's own Hardsigmoid as nn.Hardsigmoid and any other as hardtanh", () => {
    expect(serializePytorch(gateSpec({ alpha: 1 / 6, beta: 0.5 }))).toContain('nn.Hardsigmoid()');
    const other = serializePytorch(gateSpec({ alpha: 0.3, beta: -0.1 }));
    expect(other).toMatch(/F\.hardtanh\(0\.3 \* \w+ \+ -0\.1, 0\.0, 1\.0\)/);
    expect(serializePytorch(gateSpec({}))).toMatch(/F\.hardtanh\(0\.2 \* \w+ \+ 0\.5, 0\.0, 1\.0\)/);
  });
});

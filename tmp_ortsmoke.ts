import { ModelProtoType } from './src/lib/formats/onnx/onnxSchema';
import * as ort from 'onnxruntime-web';
const f32 = new Float32Array([1, -2, 3, -4]);
const model = {
  irVersion: 8,
  opsetImport: [{ domain: '', version: 13 }],
  producerName: 'test',
  graph: {
    name: 'g',
    node: [{ input: ['x', 'w'], output: ['y'], opType: 'Mul', name: 'mul' }, { input: ['y'], output: ['z'], opType: 'Relu', name: 'r' }],
    initializer: [{ name: 'w', dims: [4], dataType: 1, rawData: new Uint8Array(f32.buffer) }],
    input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 4 }] } } } }],
    output: [{ name: 'z', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 4 }] } } } }],
  },
};
const bytes = ModelProtoType.encode(ModelProtoType.fromObject(model)).finish();
console.log('bytes', bytes.length);
const sess = await ort.InferenceSession.create(bytes);
const out = await sess.run({ x: new ort.Tensor('float32', new Float32Array([1, 1, 1, 1]), [4]) });
console.log(out.z?.data);
const back = ModelProtoType.decode(bytes) as unknown as { irVersion: unknown; graph: { initializer: { dims: unknown[] }[] } };
console.log(typeof back.irVersion, back.irVersion, back.graph.initializer[0]?.dims);

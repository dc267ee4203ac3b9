/**
 * Runs a test model in onnxruntime-web (WebAssembly, in Node) and in our engine after
 * import, and compares every ONNX activation the import mapped to a layer with that layer's
 * output, transposed into our layout.
 */
import * as ort from 'onnxruntime-web';
import { tf } from '../../../src/lib/engine/tf';
import { buildModel } from '../../../src/lib/engine/build';
import { parseOnnx, type OnnxImported } from '../../../src/lib/formats/onnx/onnxImport';
import { toOursOrder } from '../../../src/lib/formats/onnx/onnxValues';
import { ModelProtoType, type GraphProto, type ModelProto } from '../../../src/lib/formats/onnx/onnxSchema';
import { createRng } from '../../../src/lib/random';
import type { TestGraph } from './onnxTestGraph';

ort.env.wasm.numThreads = 1;

export interface Comparison {
  imported: OnnxImported;
  /** Largest |onnxruntime − engine| per ONNX tensor. */
  diffs: Map<string, number>;
}

/** Random NCHW input values in [-1, 1] for an input of these dims (batch first). */
export function randomInput(dims: number[], seed = 7): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => rng() * 2 - 1);
}

export async function runOrt(
  bytes: Uint8Array,
  feeds: Record<string, { data: Float32Array; dims: number[] }>,
  outputs: string[],
): Promise<Map<string, Float32Array>> {
  const session = await ort.InferenceSession.create(bytes);
  const tensors = Object.fromEntries(
    Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor('float32', v.data, v.dims)]),
  );
  const result = await session.run(tensors, outputs);
  await session.release();
  return new Map(outputs.map((o) => [o, result[o]?.data as Float32Array]));
}

/** Every layer's output for one input (ours, HWC), from the engine's tfjs model. */
export async function engineActivations(
  imported: OnnxImported,
  input: Float32Array,
): Promise<Map<string, Float32Array>> {
  const model = await buildModel(imported.spec, imported.weights);
  const probe = tf.model({
    inputs: model.inputs,
    outputs: model.layers
      .filter((l) => l.getClassName() !== 'InputLayer')
      .map((l) => l.output as tf.SymbolicTensor),
  });
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  const out = tf.tidy(() => {
    const results = probe.predict(tf.tensor(input, [1, ...shape])) as tf.Tensor | tf.Tensor[];
    const list = Array.isArray(results) ? results : [results];
    return list.map((t) => t.dataSync() as Float32Array);
  });
  const names = model.layers.filter((l) => l.getClassName() !== 'InputLayer').map((l) => l.name);
  model.dispose();
  const map = new Map<string, Float32Array>(names.map((n, i) => [n, out[i] as Float32Array]));
  map.set(imported.spec.layers[0]?.id ?? '', input);
  return map;
}

/** The model with more graph outputs (float tensors of any shape), to read intermediate values. */
export function withOutputs(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const model = ModelProtoType.decode(bytes) as unknown as ModelProto;
  const graph = model.graph as GraphProto;
  const have = new Set(graph.output.map((o) => o.name));
  for (const name of names)
    if (!have.has(name)) graph.output.push({ name, type: { tensorType: { elemType: 1 } } });
  return ModelProtoType.encode(
    ModelProtoType.fromObject(model as unknown as Record<string, unknown>),
  ).finish();
}

/** Imports the model, runs it in onnxruntime and the engine, and returns the largest difference per mapped tensor. */
export async function compareBytes(bytes: Uint8Array, seed = 7): Promise<Comparison> {
  const imported = parseOnnx(bytes);
  const input = (ModelProtoType.decode(bytes) as unknown as ModelProto).graph?.input[0];
  const inputAct = imported.tensors.get(input?.name ?? '');
  if (!input?.name || !inputAct) throw new Error('the input was not mapped');
  const dims = inputAct.shape;
  const onnxInput = randomInput(dims, seed);
  const names = [...imported.tensors.keys()].filter((n) => n !== input.name);
  const ortValues = await runOrt(
    withOutputs(bytes, names),
    { [input.name]: { data: onnxInput, dims } },
    names,
  );
  const engine = await engineActivations(imported, toOursOrder(inputAct, onnxInput));
  const diffs = new Map<string, number>();
  for (const name of names) {
    const act = imported.tensors.get(name);
    const want = ortValues.get(name);
    const got = act ? engine.get(act.layer) : undefined;
    if (!act || !want || !got) throw new Error(`no value for ${name}`);
    const ours = toOursOrder(act, want);
    if (ours.length !== got.length)
      throw new Error(`${name}: ${ours.length} values from onnxruntime, ${got.length} from the engine`);
    let max = 0;
    for (let i = 0; i < ours.length; i++) max = Math.max(max, Math.abs((ours[i] ?? 0) - (got[i] ?? 0)));
    diffs.set(name, max);
  }
  return { imported, diffs };
}

export const compareWithOrt = (graph: TestGraph, seed = 7): Promise<Comparison> =>
  compareBytes(graph.encode(), seed);

/** Imports and compares; fails the test when any activation differs by 1e-4 or more. Returns the layer types. */
export async function expectMatch(
  graph: TestGraph,
  check: (diffs: Map<string, number>) => void,
): Promise<OnnxImported> {
  const { imported, diffs } = await compareWithOrt(graph);
  check(diffs);
  return imported;
}

/** Layer types of an import, in order, without the input. */
export function typesOf(imported: OnnxImported): string[] {
  return imported.spec.layers.filter((l) => l.type !== 'Input').map((l) => l.type);
}

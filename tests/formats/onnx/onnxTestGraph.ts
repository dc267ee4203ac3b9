/**
 * A small ONNX model builder for tests: nodes, initializers (seeded random values) and
 * inputs/outputs, encoded through our own schema. Every test model is made here, by our
 * code, so the suite needs no model files from elsewhere.
 */
import { ModelProtoType, type TensorProto } from '../../../src/lib/formats/onnx/onnxSchema';
import { floatTensor, int64Tensor } from '../../../src/lib/formats/onnx/onnxTensor';
import { createRng } from '../../../src/lib/random';

export type Attr =
  | { i: number }
  | { f: number }
  | { ints: number[] }
  | { floats: number[] }
  | { s: string }
  | { t: TensorProto };

const ATTR_TYPE = { f: 1, i: 2, s: 3, t: 4, floats: 6, ints: 7 } as const;

export const int = (i: number): Attr => ({ i });
export const ints = (v: number[]): Attr => ({ ints: v });
export const float = (f: number): Attr => ({ f });
export const floats = (v: number[]): Attr => ({ floats: v });
export const str = (s: string): Attr => ({ s });

function attribute(name: string, a: Attr): Record<string, unknown> {
  const key = Object.keys(a)[0] as keyof typeof ATTR_TYPE;
  const value = 's' in a ? new TextEncoder().encode(a.s) : (a as Record<string, unknown>)[key];
  return { name, type: ATTR_TYPE[key], [key]: value };
}

interface Node {
  opType: string;
  input: string[];
  output: string[];
  name: string;
  attribute: Record<string, unknown>[];
  domain?: string;
}

export class TestGraph {
  readonly nodes: Node[] = [];
  readonly initializers: TensorProto[] = [];
  readonly inputs: { name: string; dims: (number | string)[] }[] = [];
  readonly outputs: string[] = [];
  metadata: { key: string; value: string }[] = [];
  private count = 0;
  private readonly rng: () => number;

  constructor(
    readonly opset = 13,
    seed = 1,
  ) {
    this.rng = createRng(seed);
  }

  input(name: string, dims: (number | string)[]): string {
    this.inputs.push({ name, dims });
    return name;
  }

  /** A float initializer; random values in [-scale, scale] unless given. */
  weight(name: string, dims: number[], values?: number[] | Float32Array, scale = 0.5): string {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = values
      ? Float32Array.from(values)
      : Float32Array.from({ length: n }, () => (this.rng() * 2 - 1) * scale);
    this.initializers.push(floatTensor(name, dims, data));
    return name;
  }

  /** Positive values (variances). */
  positive(name: string, dims: number[]): string {
    const n = dims.reduce((a, b) => a * b, 1);
    return this.weight(
      name,
      dims,
      Float32Array.from({ length: n }, () => 0.5 + this.rng()),
    );
  }

  ints(name: string, values: number[], dims = [values.length]): string {
    this.initializers.push(int64Tensor(name, dims, values));
    return name;
  }

  node(
    opType: string,
    input: string[],
    attrs: Record<string, Attr> = {},
    outputs = 1,
    name?: string,
  ): string {
    const id = name ?? `${opType}_${this.count++}`;
    const output = Array.from({ length: outputs }, (_, k) => (k === 0 ? `${id}_out` : `${id}_out${k}`));
    this.nodes.push({
      opType,
      input,
      output,
      name: id,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return output[0] as string;
  }

  output(name: string): void {
    this.outputs.push(name);
  }

  /** The model; `extraOutputs` adds graph outputs (float tensors of any shape) to read intermediate values. */
  encode(extraOutputs: readonly string[] = []): Uint8Array {
    const value = (name: string, dims?: (number | string)[]) => ({
      name,
      type: {
        tensorType: {
          elemType: 1,
          ...(dims
            ? { shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } }
            : {}),
        },
      },
    });
    const model = {
      irVersion: this.opset >= 15 ? 8 : this.opset >= 9 ? 4 : 3,
      opsetImport: [{ domain: '', version: this.opset }],
      producerName: 'cnn-studio-tests',
      producerVersion: '1',
      metadataProps: this.metadata,
      graph: {
        name: 'test_graph',
        node: this.nodes,
        initializer: this.initializers,
        input: [
          ...this.inputs.map((i) => value(i.name, i.dims)),
          // Before IR 4 every initializer had to be listed as an input too.
          ...(this.opset < 9 ? this.initializers.map((t) => value(t.name ?? '', t.dims as number[])) : []),
        ],
        output: [...this.outputs, ...extraOutputs.filter((o) => !this.outputs.includes(o))].map((o) =>
          value(o),
        ),
      },
    };
    const bytes = ModelProtoType.encode(ModelProtoType.fromObject(model)).finish();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

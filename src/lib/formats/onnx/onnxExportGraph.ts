/**
 * The ONNX graph being written from a spec: nodes, initializers (named PyTorch-style,
 * `conv1.weight`), and per layer the ONNX tensor holding its output with its layout. Our
 * 3-D maps [H, W, C] are written as NCHW [N, C, H, W], vectors [F] as [N, F].
 */
import type { Localized } from '../../spec/types';
import { OnnxFormatError } from './onnxError';
import type { NodeProto, TensorProto } from './onnxSchema';
import { floatTensor, int64Tensor } from './onnxTensor';

/**
 * 'nchw': an NCHW map of our [H, W, C]; 'vector': [N, F]; 'chw': a Permute([3, 1, 2]) of a
 * map, which is the NCHW tensor as it is, waiting for the Flatten that reads it in ONNX's order.
 */
export type OutLayout = 'nchw' | 'vector' | 'chw';

export interface Written {
  tensor: string;
  layout: OutLayout;
  /** Our output shape. */
  shape: number[];
}

type AttrValue = number | number[] | string | { float: number } | { floats: number[] };

export class OnnxGraphWriter {
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly outputs = new Map<string, Written>();
  /** The highest opset an emitted operator needs. */
  opset = 13;
  private names = new Set<string>();

  fail(layer: string, en: string, zh: string): never {
    throw new OnnxFormatError({ en: `layer ${layer}: ${en}`, zh: `层 ${layer}：${zh}` } satisfies Localized);
  }

  fresh(base: string): string {
    let name = base;
    for (let k = 2; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  weight(name: string, dims: readonly number[], data: Float32Array): string {
    const n = this.fresh(name);
    this.initializers.push(floatTensor(n, dims, data));
    return n;
  }

  ints(name: string, values: readonly number[]): string {
    const n = this.fresh(name);
    this.initializers.push(int64Tensor(n, [values.length], values));
    return n;
  }

  scalar(name: string, value: number): string {
    const n = this.fresh(name);
    this.initializers.push(floatTensor(n, [], Float32Array.of(value)));
    return n;
  }

  /** Adds a node named `name` writing one new tensor (named like the node); returns that tensor. */
  node(opType: string, name: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    const n = this.fresh(name);
    this.nodes.push({
      opType,
      name: n,
      input: inputs,
      output: [n],
      attribute: Object.entries(attrs).map(([key, v]) => attribute(key, v)),
    });
    return n;
  }
}

function attribute(name: string, v: AttrValue): NodeProto['attribute'][number] {
  const base = { name, floats: [], ints: [], strings: [], tensors: [], graphs: [] };
  if (typeof v === 'number') return { ...base, type: 2, i: v };
  if (typeof v === 'string') return { ...base, type: 3, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { ...base, type: 7, ints: v };
  if ('float' in v) return { ...base, type: 1, f: v.float };
  return { ...base, type: 6, floats: v.floats };
}

/** TensorFlow's 'same' padding as ONNX pads [top, left, bottom, right] for a window over [h, w]. */
export function samePads(
  size: number[],
  kernel: number[],
  strides: number[],
  dilation: number[] = [1, 1],
): number[] {
  const begin: number[] = [];
  const end: number[] = [];
  for (const a of [0, 1]) {
    const s = strides[a] ?? 1;
    const reach = ((kernel[a] ?? 1) - 1) * (dilation[a] ?? 1) + 1;
    const total = Math.max((Math.ceil((size[a] ?? 0) / s) - 1) * s + reach - (size[a] ?? 0), 0);
    begin.push(Math.floor(total / 2));
    end.push(total - Math.floor(total / 2));
  }
  return [...begin, ...end];
}

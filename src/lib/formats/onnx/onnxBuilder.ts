/**
 * The spec being built from an ONNX graph, and the view one node's conversion has of it:
 * its inputs as values, its attributes, a way to add layers (named after the node, checked
 * by the registry as they are added, their weights checked against the registry's shapes)
 * and to say what its outputs are. Every problem is an OnnxFormatError naming the node, its
 * op type and the opset.
 */
import type { InputNorm } from './onnxInputNorm';
import type { LayerParams, LayerSpec, Localized } from '../../spec/types';
import { getLayerDef } from '../../layers/registry';
import { defaultLayerParams } from '../../layers/shared/params';
import { baseIdFor } from '../../editor/ids';
import { ShapeTracker, isShape } from '../shapeTracker';
import type { NamedWeights } from '../types';
import type { NodeProto } from './onnxSchema';
import { Attrs } from './onnxAttrs';
import { OnnxFormatError, nodeLabel, quoted } from './onnxError';
import type { Const } from './onnxTensor';
import { sizeOf, type Act, type Value } from './onnxValues';

const MAX_ID = 64;

/**
 * A layer id from an ONNX node name. PyTorch names nodes by module path
 * (`/layer1/layer1.0/conv1/Conv`): the last module (`layer1.0.conv1`) reads as PyTorch does.
 */
export function idFromNodeName(name: string, opType: string): string {
  const parts = name.split('/').filter((p) => p !== '');
  if (parts.length > 1 && parts[parts.length - 1]?.split('_')[0] === opType) parts.pop();
  const kept = parts.filter((p, i) => !parts[i + 1]?.startsWith(`${p}.`));
  let id = kept.join('.').replace(/[^A-Za-z0-9_.-]+/g, '_');
  if (id && !/^[A-Za-z]/.test(id)) id = `n${id}`;
  if (id.length > MAX_ID) id = id.slice(id.length - MAX_ID).replace(/^[^A-Za-z]+/, '');
  return id || baseIdFor(opType);
}

export class OnnxBuilder {
  readonly layers: LayerSpec[] = [];
  readonly weights: NamedWeights = new Map();
  readonly notes: Localized[] = [];
  /** ONNX tensor name → what it is on our side. */
  readonly values = new Map<string, Value>();
  /** Per layer id: the Reshape that gives a pooled vector back its 1×1 map, once made. */
  readonly asImage = new Map<string, string>();
  private readonly tracker = new ShapeTracker();
  private readonly ids = new Set<string>();
  private readonly byId = new Map<string, LayerSpec>();

  constructor(
    readonly opset: number,
    /** Per tensor name, the nodes that read it. */
    readonly consumers: ReadonlyMap<string, readonly NodeProto[]>,
    /** Names of the graph's outputs. */
    readonly graphOutputs: ReadonlySet<string>,
    /** Tensors known before any node runs: initializers and Constant nodes' outputs. */
    private readonly constants: ReadonlySet<string>,
  ) {}

  /** Nodes a conversion already took care of (an Add folded into the MatMul before it). */
  readonly absorbed = new Set<NodeProto>();
  /** Per Input layer id: the normalisation the graph applies to it first (onnxInputNorm.ts). */
  readonly inputNorm = new Map<string, InputNorm>();

  isConstant(name: string): boolean {
    return this.constants.has(name) || this.values.get(name)?.kind === 'const';
  }

  uniqueId(base: string): string {
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}_${k}`;
    this.ids.add(id);
    return id;
  }

  /** Adds a layer after checking its params, shape and weights; `fail` says why not. */
  addLayer(
    base: string,
    type: string,
    params: LayerParams,
    inputs: string[],
    weights: Record<string, Float32Array>,
    fail: (en: string, zh: string) => never,
  ): string {
    const def = getLayerDef(type);
    if (!def) return fail(`no layer type ${type}`, `没有层类型 ${type}`);
    const layer: LayerSpec = {
      id: this.uniqueId(base),
      type,
      params: { ...defaultLayerParams(def), ...params },
      inputs,
    };
    const shape = this.tracker.add(layer);
    if (!isShape(shape)) return fail(`as a ${type} layer: ${shape.en}`, `作为 ${type} 层：${shape.zh}`);
    const inputShapes = inputs.map((id) => this.tracker.get(id) ?? []);
    for (const w of def.weights(layer.params, inputShapes)) {
      const values = weights[w.name];
      const want = sizeOf(w.shape);
      if (!values || values.length !== want)
        fail(
          `${type} weight ${w.name} needs ${want} values (${w.shape.join('×')}), the node gives ${values?.length ?? 0}`,
          `${type} 的权重 ${w.name} 需要 ${want} 个值（${w.shape.join('×')}），该节点给出 ${values?.length ?? 0} 个`,
        );
      this.weights.set(`${layer.id}/${w.name}`, values as Float32Array);
    }
    this.layers.push(layer);
    this.byId.set(layer.id, layer);
    return layer.id;
  }

  layer(id: string): LayerSpec | undefined {
    return this.byId.get(id);
  }

  /** Records an Input layer pushed directly (graph inputs are not nodes). */
  registerInput(layer: LayerSpec): void {
    const shape = this.tracker.add(layer);
    if (!isShape(shape))
      throw new OnnxFormatError({
        en: `input ${quoted(layer.id)}: ${shape.en}`,
        zh: `输入 ${quoted(layer.id)}：${shape.zh}`,
      });
    this.byId.set(layer.id, layer);
  }

  shapeOf(id: string): number[] {
    return this.tracker.get(id) ?? [];
  }
}

export class NodeContext {
  readonly attrs: Attrs;
  readonly label: Localized;
  readonly path: string;
  readonly opType: string;
  private readonly base: string;

  constructor(
    readonly b: OnnxBuilder,
    readonly node: NodeProto,
    index: number,
  ) {
    this.opType = node.opType ?? '';
    this.label = nodeLabel(node.name, this.opType, b.opset);
    this.path = `graph.node[${index}]`;
    this.attrs = new Attrs(node.attribute, (en, zh) => this.fail(en, zh));
    this.base = idFromNodeName(node.name ?? '', this.opType);
  }

  get opset(): number {
    return this.b.opset;
  }

  fail(en: string, zh: string): never {
    throw new OnnxFormatError({ en: `${this.label.en}: ${en}`, zh: `${this.label.zh}：${zh}` }, this.path);
  }

  /** Input `i`, or undefined when the node leaves it out (absent or named ""). */
  value(i: number): Value | undefined {
    const name = this.node.input[i];
    if (!name) return undefined;
    const v = this.b.values.get(name);
    if (!v) this.fail(`input ${quoted(name)} has no value`, `输入 ${quoted(name)} 没有值`);
    return v;
  }

  /** Input `i` as an activation computed by the net (not a constant). */
  act(i: number): Act {
    const v = this.value(i);
    if (!v) return this.fail(`input ${i + 1} is missing`, `缺少第 ${i + 1} 个输入`);
    if (v.kind !== 'act')
      return this.fail(
        `input ${i + 1} (${quoted(this.node.input[i])}) is a constant; CNN Studio needs it to be computed from the image`,
        `第 ${i + 1} 个输入（${quoted(this.node.input[i])}）是常量；CNN Studio 需要它由图像计算得到`,
      );
    return v;
  }

  /** Input `i` as a constant (an initializer, a Constant node, folded shape arithmetic). */
  constant(i: number, what: string): Const | undefined {
    const v = this.value(i);
    if (!v) return undefined;
    if (v.kind !== 'const')
      return this.fail(
        `its ${what} (input ${i + 1}, ${quoted(this.node.input[i])}) is computed from the image; CNN Studio reads it only as a constant`,
        `它的 ${what}（第 ${i + 1} 个输入，${quoted(this.node.input[i])}）由图像计算而来；CNN Studio 只能把它作为常量读取`,
      );
    return v.value;
  }

  /** Integer values of an optional constant input. */
  ints(i: number, what: string): number[] | null {
    const c = this.constant(i, what);
    return c ? Array.from(c.data) : null;
  }

  output(i: number, v: Value): void {
    const name = this.node.output[i];
    if (name) this.b.values.set(name, v);
  }

  /** The nodes reading output `i`. */
  readers(i = 0): readonly NodeProto[] {
    return this.b.consumers.get(this.node.output[i] ?? '') ?? [];
  }

  /** Adds a layer named after the node (`suffix` for the extra layers a node needs). */
  add(
    type: string,
    params: LayerParams,
    inputs: string[],
    weights: Record<string, Float32Array> = {},
    suffix = '',
  ): string {
    return this.b.addLayer(
      suffix ? `${this.base}_${suffix}` : this.base,
      type,
      params,
      inputs,
      weights,
      (en, zh) => this.fail(en, zh),
    );
  }
}

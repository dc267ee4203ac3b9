/**
 * The state of a GraphDef import: which layer (or half-read pattern) each tensor is, the
 * layers made so far with the variables they claim, and the context each op's converter
 * works through. Layers are named after the name scope of the node that starts them
 * (`conv1/Conv2D` → `conv1`), as tf.layers, slim and Keras scope a layer's nodes (see layerIdOf).
 */
import type { LayerParams, LayerSpec, Localized, Shape } from '../../spec/types';
import type { TextPos } from '../formatError';
import { ShapeTracker, isShape } from '../shapeTracker';
import { getLayerDef } from '../../layers/registry';
import { defaultLayerParams } from '../../layers/shared/params';
import { TfFormatError, type AttrValue, type TfNode } from './graphDef';
import { refKey, type TfGraph, type TfRef } from './tfGraph';
import type { Roles } from './tfRoles';
import { TfValues, type Source, type Value } from './tfValues';

/** Our exporter's attr with a layer's id, for ids that are not valid TensorFlow names. */
export const LAYER_ATTR = '_cnn_studio_layer';

/** A value that is not a layer yet: the start of a pattern a later op completes. */
export type Pending =
  /** x · by (or x / by): batch normalisation's scale, or dropout's 1/(1 − rate). */
  | { kind: 'scale'; x: string; by: TfRef; divide: boolean; node: TfNode }
  /** One part of a Split along the channels: a grouped convolution's input. */
  | { kind: 'split'; x: string; index: number; count: number; node: TfNode }
  /** A Conv2D over one part of a Split, waiting for the ConcatV2 that joins the groups. */
  | { kind: 'group'; x: string; index: number; count: number; kernel: Source; node: TfNode; split: TfNode };

export interface LayerRecord {
  spec: LayerSpec;
  node: TfNode;
  /** Weight name (`kernel`, `bias`, …) → the variable or constant holding it. */
  claims: Map<string, Source>;
  /** The tensor that currently is this layer's output (a folded op moves it on). */
  out: string;
}

export interface OpContext {
  node: TfNode;
  graph: TfGraph;
  /** The layer id of data input k; a half-read pattern there is an error. */
  data(k: number): string;
  isData(k: number): boolean;
  pending(k: number): Pending | null;
  source(k: number, role: string): Source;
  value(k: number): Value;
  ref(k: number): TfRef;
  attr(key: string): AttrValue | undefined;
  /** Where attr `key` is written (the node's place when it is not). */
  attrPos(key: string): TextPos;
  ints(key: string, dflt?: number[]): number[];
  num(key: string, dflt: number): number;
  text(key: string, dflt: string): string;
  flag(key: string, dflt: boolean): boolean;
  shapeOf(id: string): Shape;
  /**
   * The layer input k comes straight from when this node is that tensor's only reader
   * (so the node may be folded into it), or null.
   */
  foldable(k: number): LayerRecord | null;
  /** Makes this node part of `layer`: its output is now the layer's. */
  fold(layer: LayerRecord): void;
  /**
   * Adds a layer named after this node's scope (with `suffix` for an extra layer the node
   * needs, such as explicit padding); params the registry has and these leave out take
   * its defaults.
   */
  add(
    type: string,
    params: LayerParams,
    inputs: string[],
    claims?: Record<string, Source>,
    suffix?: string,
  ): string;
  /** Where input k's value comes from, past Identity-like ops. */
  through(k: number): TfNode;
  /** The same for any tensor of the graph (patterns that span several nodes). */
  behind(ref: TfRef): TfNode;
  inputsOf(node: TfNode): TfRef[];
  sourceOf(ref: TfRef, role: string): Source;
  valueOf(ref: TfRef): Value;
  /** True when a random op lies behind input k (dropout's mask). */
  isRandom(k: number): boolean;
  /** The context of another node (the first convolution of a group, read at its ConcatV2). */
  other(node: TfNode): OpContext;
  alias(id: string, output?: number): void;
  pend(p: Pending, output?: number): void;
  /** Marks an output of this node as a branch that does not run (a tf.cond's other side). */
  kill(output: number): void;
  isDead(k: number): boolean;
  note(text: Localized): void;
  fail(en: string, zh: string, pos?: TextPos): never;
}

export type Converter = (ctx: OpContext) => void;

export const scopeOf = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf('/')));

/** Scopes that tf.nn.batch_normalization and tf.cond add inside a layer's own. */
const INNER_SCOPES = new Set(['batchnorm', 'cond']);

/** Node names that say only which op a layer's scope used (`conv1/Conv2D`, `conv2d_1/convolution`). */
const GENERIC =
  /^(convolution|depthwise|BiasAdd|MatMul|add|mul|sub|concat|split|Reshape|Squeeze|Mean|Max|Pad|Identity|Tensordot)(_\d+)?$/;

/**
 * The layer a node starts, by its name: its name scope when the node's own name only names
 * its op (`conv1/Conv2D` → `conv1`), without the inner scopes tf.nn functions add
 * (`bn/cond/batchnorm/add_1` → `bn`, `dropout/dropout/Mul_1` → `dropout`); the whole name when
 * it is a name of its own (`MyNet/SpatialSqueeze`, `softmax_tensor`).
 */
export function layerIdOf(name: string, op: string): string {
  const parts = name.split('/');
  const last = parts.pop() ?? name;
  if (parts.length === 0 || (last.replace(/_\d+$/, '') !== op && !GENERIC.test(last))) return name;
  while (parts.length > 1 && (INNER_SCOPES.has(parts.at(-1) ?? '') || parts.at(-1) === parts.at(-2)))
    parts.pop();
  return parts.join('/');
}

export class TfBuilder {
  readonly layers: LayerRecord[] = [];
  readonly byId = new Map<string, LayerRecord>();
  readonly notes: Localized[] = [];
  readonly produced = new Map<string, { layer: string } | { pending: Pending }>();
  readonly tracker = new ShapeTracker();
  readonly values: TfValues;
  /** Nodes on a branch of a tf.cond that does not run in inference, and single dead outputs. */
  readonly deadNodes = new Set<string>();
  private readonly deadOutputs = new Set<string>();

  constructor(
    readonly graph: TfGraph,
    readonly roles: Roles,
  ) {
    this.values = new TfValues(graph, (ref) => {
      const p = this.produced.get(refKey(ref));
      return p && 'layer' in p ? (this.tracker.get(p.layer) ?? null) : null;
    });
  }

  private idFor(node: TfNode, suffix: string): string {
    const given = node.attrs.get(LAYER_ATTR)?.value;
    const wanted = `${given?.kind === 's' ? given.value : layerIdOf(node.name, node.op)}${suffix}`;
    if (!this.byId.has(wanted)) return wanted;
    if (given?.kind !== 's' && !suffix && !this.byId.has(node.name)) return node.name;
    let k = 2;
    while (this.byId.has(`${wanted}_${k}`)) k++;
    return `${wanted}_${k}`;
  }

  isDead(ref: TfRef): boolean {
    return this.deadNodes.has(ref.node) || this.deadOutputs.has(refKey(ref));
  }

  /** The data consumers of a tensor: what reads it on the way to the network's output. */
  readers(ref: TfRef): number {
    return this.graph.consumers(ref.node, ref.output).filter((c) => this.roles.role(c.node.name) === 'data')
      .length;
  }

  context(node: TfNode): OpContext {
    const refs = this.graph.inputs(node);
    const where = `node "${node.name}" (${node.op})`;
    const whereZh = `节点 “${node.name}”（${node.op}）`;
    const fail = (en: string, zh: string, pos: TextPos = node.pos): never => {
      throw new TfFormatError(`${where}: ${en}`, `${whereZh}：${zh}`, pos);
    };
    const ref = (k: number): TfRef =>
      refs[k] ??
      fail(
        `needs an input ${k + 1}, has ${refs.length}`,
        `需要第 ${k + 1} 个输入，实际只有 ${refs.length} 个`,
      );
    const produced = (k: number) => this.produced.get(refKey(ref(k)));
    const attrOf = (key: string, kind: AttrValue['kind'], want: Localized): AttrValue | undefined => {
      const a = node.attrs.get(key);
      if (a && a.value.kind !== kind)
        fail(`attr ${key} must be ${want.en}`, `属性 ${key} 必须是${want.zh}`, a.pos);
      return a?.value;
    };
    const ctx: OpContext = {
      node,
      graph: this.graph,
      ref,
      isData: (k) => this.roles.role(ref(k).node) === 'data',
      pending: (k) => {
        const p = produced(k);
        return p && 'pending' in p ? p.pending : null;
      },
      data: (k) => {
        const r = ref(k);
        if (this.roles.role(r.node) !== 'data')
          fail(
            `its input "${refKey(r)}" is not computed from the network's input`,
            `它的输入 “${refKey(r)}” 不是由网络输入计算得到的`,
          );
        const p = produced(k);
        if (!p) return fail(`its input "${refKey(r)}" has no layer`, `它的输入 “${refKey(r)}” 没有对应的层`);
        if ('pending' in p) return this.failPending(p.pending);
        return p.layer;
      },
      source: (k, role) => this.values.source(ref(k), node, role),
      value: (k) => this.values.value(ref(k), node),
      attr: (key) => node.attrs.get(key)?.value,
      attrPos: (key) => node.attrs.get(key)?.pos ?? node.pos,
      ints: (key, dflt) => {
        const a = attrOf(key, 'list', { en: 'a list of integers', zh: '整数列表' });
        if (a?.kind === 'list') return a.value.i;
        return dflt ?? fail(`attr ${key} is missing`, `缺少属性 ${key}`);
      },
      num: (key, dflt) => {
        const a = node.attrs.get(key);
        if (a && a.value.kind !== 'i' && a.value.kind !== 'f')
          fail(`attr ${key} must be a number`, `属性 ${key} 必须是数字`, a.pos);
        return a?.value.kind === 'i' || a?.value.kind === 'f' ? a.value.value : dflt;
      },
      text: (key, dflt) => {
        const a = attrOf(key, 's', { en: 'a string', zh: '字符串' });
        return a?.kind === 's' ? a.value : dflt;
      },
      flag: (key, dflt) => {
        const a = attrOf(key, 'b', { en: 'true or false', zh: ' true 或 false' });
        return a?.kind === 'b' ? a.value : dflt;
      },
      shapeOf: (id) => this.tracker.get(id) ?? [],
      foldable: (k) => {
        const r = ref(k);
        const p = produced(k);
        if (!p || !('layer' in p)) return null;
        const layer = this.byId.get(p.layer);
        return layer && layer.out === refKey(r) && this.readers(r) === 1 ? layer : null;
      },
      fold: (layer) => {
        layer.out = node.name;
        this.produced.set(node.name, { layer: layer.spec.id });
      },
      add: (type, params, inputs, claims = {}, suffix = '') => {
        const id = this.idFor(node, suffix);
        const def = getLayerDef(type);
        const spec: LayerSpec = {
          id,
          type,
          params: { ...(def ? defaultLayerParams(def) : {}), ...params },
          inputs,
        };
        const shape = this.tracker.add(spec);
        if (!isShape(shape)) fail(`as ${type} "${id}": ${shape.en}`, `作为 ${type} “${id}”：${shape.zh}`);
        const record = { spec, node, claims: new Map(Object.entries(claims)), out: node.name };
        this.layers.push(record);
        this.byId.set(id, record);
        this.produced.set(node.name, { layer: id });
        return id;
      },
      through: (k) => this.values.through(ref(k)).node,
      behind: (r) => this.values.through(r).node,
      inputsOf: (n) => this.graph.inputs(n),
      sourceOf: (r, role) => this.values.source(r, node, role),
      valueOf: (r) => this.values.value(r, node),
      isRandom: (k) => this.values.isRandom(ref(k)),
      other: (n) => this.context(n),
      alias: (id, output = 0) => this.produced.set(refKey({ node: node.name, output }), { layer: id }),
      pend: (p, output = 0) => this.produced.set(refKey({ node: node.name, output }), { pending: p }),
      kill: (output) => this.deadOutputs.add(refKey({ node: node.name, output })),
      isDead: (k) => this.isDead(ref(k)),
      note: (text) => this.notes.push(text),
      fail,
    };
    return ctx;
  }

  /** A half-read pattern that something other than its completion reads. */
  failPending(p: Pending): never {
    const what: Record<Pending['kind'], Localized> = {
      scale: {
        en: 'scales by a constant, which has a layer only as part of batch normalisation (x · scale + shift) or dropout',
        zh: '乘以一个常量；只有作为批归一化（x · scale + shift）或 Dropout 的一部分时才有对应的层',
      },
      split: {
        en: 'splits the channels, which has a layer only as the input of a grouped convolution (Split → Conv2D per part → ConcatV2)',
        zh: '拆分通道；只有作为分组卷积的输入（Split → 每部分一个 Conv2D → ConcatV2）时才有对应的层',
      },
      group: {
        en: 'convolves one part of a Split, which has a layer only when a ConcatV2 joins all the parts',
        zh: '对 Split 的一部分做卷积；只有当 ConcatV2 把所有部分拼接起来时才有对应的层',
      },
    };
    const n = p.node;
    throw new TfFormatError(
      `node "${n.name}" (${n.op}) ${what[p.kind].en}`,
      `节点 “${n.name}”（${n.op}）${what[p.kind].zh}`,
      n.pos,
    );
  }
}

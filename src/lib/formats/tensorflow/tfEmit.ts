/**
 * What a layer's emitter writes its nodes through: node names in the layer's name scope,
 * weights as tf.layers keeps them (VariableV2 with an initialiser, an Assign and a `/read`
 * Identity) or, with values, as a frozen graph keeps them (a Const and its `/read`), and
 * the small int32 constants shapes and axes need.
 */
import type { LayerSpec, Shape } from '../../spec/types';
import { str } from '../../layers/shared/params';
import { LAYER_ATTR } from './tfBuild';
import type { Attr, NodeText } from './tfWriter';

export const FLOAT: Attr = { type: 'DT_FLOAT' };
/** An NHWC list attr from its spatial values: [1, …, 1]. */
export const around = (values: number[]): number[] => [1, ...values, 1];
export const paddingOf = (ctx: EmitContext): string =>
  str(ctx.layer.params, 'padding') === 'same' ? 'SAME' : 'VALID';
export const INT32: Attr = { type: 'DT_INT32' };

export type Initializer = 'glorot' | 'zeros' | 'ones';

export interface EmitContext {
  layer: LayerSpec;
  /** The layer's name scope: its id, made a valid TensorFlow node name. */
  scope: string;
  /** The tensor name of input k. */
  input(k: number): string;
  inputShape(k: number): Shape;
  outputShape: Shape;
  /**
   * Adds `scope/suffix` (or the scope itself for suffix '') and returns its name. `anchor`
   * marks the node the importer starts the layer at: it carries the layer's id when the
   * scope alone would not give it back.
   */
  node(suffix: string, op: string, inputs: string[], attrs?: Record<string, Attr>, anchor?: boolean): string;
  /** A weight of the layer; returns the tensor its ops read (`…/read`). */
  weight(name: string, shape: Shape, init: Initializer): string;
  int32(suffix: string, values: number[], shape?: number[]): string;
  float(suffix: string, value: number): string;
  fail(en: string, zh: string): never;
}

/** Glorot-uniform bound as tf.layers computes it: fans from the last two axes times the window. */
function glorotLimit(shape: Shape): number {
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const fanIn = (shape[shape.length - 2] ?? 1) * receptive;
  const fanOut = (shape[shape.length - 1] ?? 1) * receptive;
  return Math.sqrt(6 / (fanIn + fanOut));
}

export interface WeightWriter {
  values(name: string): Float32Array | undefined;
}

/** The nodes of one weight: a frozen Const, or a variable with its initialiser subgraph. */
export function weightNodes(
  name: string,
  shape: Shape,
  init: Initializer,
  values: Float32Array | undefined,
): NodeText[] {
  const read: NodeText = { name: `${name}/read`, op: 'Identity', inputs: [name], attrs: { T: FLOAT } };
  if (values)
    return [
      {
        name,
        op: 'Const',
        inputs: [],
        attrs: { dtype: FLOAT, value: { tensor: { dtype: 'DT_FLOAT', shape, values } } },
      },
      read,
    ];
  const variable: NodeText = {
    name,
    op: 'VariableV2',
    inputs: [],
    attrs: { dtype: FLOAT, shape: { shape }, container: { s: '' }, shared_name: { s: '' } },
  };
  const constant = (n: string, dtype: 'DT_FLOAT' | 'DT_INT32', s: number[], v: number[]): NodeText => ({
    name: n,
    op: 'Const',
    inputs: [],
    attrs: { dtype: dtype === 'DT_FLOAT' ? FLOAT : INT32, value: { tensor: { dtype, shape: s, values: v } } },
  });
  const nodes: NodeText[] = [variable];
  let initial: string;
  if (init === 'glorot') {
    const at = `${name}/Initializer/random_uniform`;
    const limit = glorotLimit(shape);
    nodes.push(
      constant(`${at}/shape`, 'DT_INT32', [shape.length], shape),
      constant(`${at}/min`, 'DT_FLOAT', [], [-limit]),
      constant(`${at}/max`, 'DT_FLOAT', [], [limit]),
      {
        name: `${at}/RandomUniform`,
        op: 'RandomUniform',
        inputs: [`${at}/shape`],
        attrs: { T: INT32, dtype: FLOAT, seed: { i: 0 }, seed2: { i: 0 } },
      },
      { name: `${at}/sub`, op: 'Sub', inputs: [`${at}/max`, `${at}/min`], attrs: { T: FLOAT } },
      { name: `${at}/mul`, op: 'Mul', inputs: [`${at}/RandomUniform`, `${at}/sub`], attrs: { T: FLOAT } },
      { name: at, op: 'Add', inputs: [`${at}/mul`, `${at}/min`], attrs: { T: FLOAT } },
    );
    initial = at;
  } else {
    initial = `${name}/Initializer/${init}`;
    nodes.push(constant(initial, 'DT_FLOAT', shape, [init === 'ones' ? 1 : 0]));
  }
  nodes.push(
    {
      name: `${name}/Assign`,
      op: 'Assign',
      inputs: [name, initial],
      attrs: { T: FLOAT, validate_shape: { b: true }, use_locking: { b: true } },
    },
    read,
  );
  return nodes;
}

/** A node name TensorFlow accepts ([A-Za-z0-9.][A-Za-z0-9_.\-/]*, no empty scope parts) for a layer id. */
export function scopeFor(id: string): string {
  const parts = id
    .replace(/[^A-Za-z0-9_.\-/]/g, '_')
    .split('/')
    .filter((p) => p !== '');
  const name = parts.join('/') || 'layer';
  return /^[A-Za-z0-9.]/.test(name) ? name : `x${name}`;
}

export { LAYER_ATTR };

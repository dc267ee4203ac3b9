/**
 * Spec → TensorFlow GraphDef text: a Placeholder per input and each layer's ops in a name
 * scope of its own, weights as tf.layers keeps them (VariableV2, an initialiser, Assign and
 * a `/read` Identity) or, given their values, as a frozen graph (Const and `/read`).
 * Scopes are valid TensorFlow names; where a layer id is not one, the layer's first node
 * carries the id in a `_cnn_studio_layer` attr (TensorFlow keeps attrs starting with `_`
 * as they are), so our importer gives back the same spec. What TensorFlow cannot express
 * is an error naming the layer.
 */
import type { NetworkSpec, Shape } from '../../spec/types';
import { inferShapes } from '../../spec/inferShapes';
import { layersInOrder } from '../../spec/order';
import { getLayerDef } from '../../layers/registry';
import { prototxtString } from '../escape';
import { TfFormatError } from './graphDef';
import { FLOAT, INT32, LAYER_ATTR, scopeFor, weightNodes, type EmitContext } from './tfEmit';
import { layerIdOf } from './tfBuild';
import { EMITTERS } from './tfEmitTable';
import { NAME_COMMENT } from './pbtxtImport';
import { nodeText, type Attr, type NodeText } from './tfWriter';

/** versions.producer written: a GraphDef version of TensorFlow 2 (older ones read it too). */
const PRODUCER = 808;

function fail(en: string, zh: string): never {
  throw new TfFormatError(en, zh);
}

/** Checks the weights cover every layer with the right sizes before anything is written. */
function checkWeights(spec: NetworkSpec, weights: ReadonlyMap<string, Float32Array>): void {
  const table = inferShapes(spec);
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    const def = getLayerDef(layer.type);
    if (!def || info?.status !== 'ok') continue;
    for (const w of def.weights(layer.params, info.inputShapes)) {
      const name = `${layer.id}/${w.name}`;
      const size = w.shape.reduce((a, b) => a * b, 1);
      const values = weights.get(name);
      if (!values)
        fail(`layer ${layer.id}: no values for ${w.name}`, `层 ${layer.id}：没有 ${w.name} 的数值`);
      if (values?.length !== size)
        fail(
          `layer ${layer.id}: ${w.name} has ${values?.length ?? 0} values, its shape ${w.shape.join('×')} needs ${size}`,
          `层 ${layer.id}：${w.name} 有 ${values?.length ?? 0} 个数值，而形状 ${w.shape.join('×')} 需要 ${size} 个`,
        );
    }
  }
}

/** The GraphDef text of a net; with `weights` (named `layer/kernel`), they are written as constants. */
export function serializePbtxt(spec: NetworkSpec, weights?: ReadonlyMap<string, Float32Array>): string {
  const table = inferShapes(spec);
  const shapes = new Map<string, { out: Shape; inputs: Shape[] }>();
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    if (!info || info.status !== 'ok')
      fail(
        `layer ${layer.id} has a problem (${info?.status === 'error' ? info.error.en : 'an earlier layer has one'}); fix it before exporting`,
        `层 ${layer.id} 有问题（${info?.status === 'error' ? info.error.zh : '之前的某层有问题'}）；请先修正再导出`,
      );
    shapes.set(layer.id, { out: info.shape, inputs: info.inputShapes });
  }
  if (weights) checkWeights(spec, weights);
  const taken = new Set<string>();
  const tensors = new Map<string, string>();
  const blocks: string[] = [];
  for (const layer of layersInOrder(spec, table)) {
    const at = shapes.get(layer.id) ?? { out: [], inputs: [] };
    const layerFail = (en: string, zh: string): never =>
      fail(`layer ${layer.id} (${layer.type}): ${en}`, `层 ${layer.id}（${layer.type}）：${zh}`);
    const emit =
      layer.type === 'Input'
        ? null
        : (EMITTERS[layer.type] ??
          layerFail('TensorFlow graphs have no such layer here', 'TensorFlow 图中没有这种层'));
    // A scope whose nodes clash with names already written moves to the next free suffix.
    for (let k = 1; ; k++) {
      const base = scopeFor(layer.id);
      const scope = k === 1 ? base : `${base}_${k}`;
      const nodes: NodeText[] = [];
      const name = (suffix: string) => (suffix ? `${scope}/${suffix}` : scope);
      const ctx: EmitContext = {
        layer,
        scope,
        input: (i) => tensors.get(layer.inputs[i] ?? '') ?? '',
        inputShape: (i) => at.inputs[i] ?? [],
        outputShape: at.out,
        node: (suffix, op, inputs, attrs = {}, anchor = false) => {
          const full = name(suffix);
          const all: Record<string, Attr> = { ...attrs };
          if (anchor && layerIdOf(full, op) !== layer.id) all[LAYER_ATTR] = { s: layer.id };
          nodes.push({ name: full, op, inputs, attrs: all });
          return full;
        },
        weight: (w, shape, init) => {
          nodes.push(...weightNodes(name(w), shape, init, weights?.get(`${layer.id}/${w}`)));
          return `${name(w)}/read`;
        },
        int32: (suffix, values, shape = [values.length]) =>
          ctx.node(suffix, 'Const', [], {
            dtype: INT32,
            value: { tensor: { dtype: 'DT_INT32', shape, values } },
          }),
        float: (suffix, value) =>
          ctx.node(suffix, 'Const', [], {
            dtype: FLOAT,
            value: { tensor: { dtype: 'DT_FLOAT', shape: [], values: [value] } },
          }),
        fail: layerFail,
      };
      const out = emit
        ? emit(ctx)
        : ctx.node('', 'Placeholder', [], { dtype: FLOAT, shape: { shape: [-1, ...at.out] } }, true);
      if (nodes.some((n) => taken.has(n.name))) continue;
      for (const n of nodes) {
        taken.add(n.name);
        blocks.push(nodeText(n));
      }
      tensors.set(layer.id, out);
      break;
    }
  }
  return `${NAME_COMMENT}${prototxtString(spec.name)}\n${blocks.join('')}versions {\n  producer: ${PRODUCER}\n}\n`;
}

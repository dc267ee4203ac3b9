/**
 * The variables and constants the layers claimed, checked against the weights our layer
 * registry gives each layer (same shapes, so the parameter totals are the variables'
 * element counts), and turned into the model's weights when every one of them is a
 * constant with values (a frozen graph). Variables that no layer reads are counted in a note.
 */
import type { Localized } from '../../spec/types';
import { getLayerDef } from '../../layers/registry';
import type { ShapeTracker } from '../shapeTracker';
import type { NamedWeights } from '../types';
import { TfFormatError } from './graphDef';
import type { LayerRecord } from './tfBuild';
import type { TfGraph } from './tfGraph';
import { VARIABLE_OPS } from './tfValues';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export interface GraphWeights {
  weights?: NamedWeights;
  notes: Localized[];
  /** Element count of every claimed variable and constant. */
  parameters: number;
}

export function collectWeights(
  layers: readonly LayerRecord[],
  tracker: ShapeTracker,
  graph: TfGraph,
): GraphWeights {
  const weights: NamedWeights = new Map();
  const claimed = new Set<string>();
  let withValues = 0;
  let total = 0;
  let parameters = 0;
  for (const layer of layers) {
    const { spec } = layer;
    const def = getLayerDef(spec.type);
    const inputs = spec.inputs.map((id) => tracker.get(id) ?? []);
    const expected = def ? def.weights(spec.params, inputs) : [];
    const fail = (en: string, zh: string): never => {
      throw new TfFormatError(
        `layer "${spec.id}" (${spec.type}): ${en}`,
        `层 “${spec.id}”（${spec.type}）：${zh}`,
        layer.node.pos,
      );
    };
    for (const w of expected) {
      const source = layer.claims.get(w.name);
      if (!source) return fail(`the graph gives no ${w.name}`, `图中没有给出 ${w.name}`);
      if (source.shape.join('×') !== w.shape.join('×'))
        fail(
          `"${source.node.name}" is ${source.shape.join('×')}, but its ${w.name} must be ${w.shape.join('×')}`,
          `“${source.node.name}” 的形状为 ${source.shape.join('×')}，但它的 ${w.name} 必须是 ${w.shape.join('×')}`,
        );
      for (const n of source.parts ?? [source.node]) claimed.add(n.name);
      parameters += size(w.shape);
      total++;
      const values = source.values();
      if (values) {
        withValues++;
        weights.set(`${spec.id}/${w.name}`, values);
      }
    }
    for (const name of layer.claims.keys())
      if (!expected.some((w) => w.name === name))
        fail(
          `"${layer.claims.get(name)?.node.name ?? name}" has no place in this layer`,
          `“${layer.claims.get(name)?.node.name ?? name}” 在这一层中没有位置`,
        );
  }
  const notes: Localized[] = [];
  const unused = graph.nodes.filter((n) => VARIABLE_OPS.has(n.op) && !claimed.has(n.name)).map((n) => n.name);
  if (unused.length > 0) {
    const shown = unused
      .slice(0, 3)
      .map((n) => `"${n}"`)
      .join(', ');
    const more = unused.length > 3 ? ', …' : '';
    notes.push({
      en: `${unused.length} variable(s) are not read by any layer and are not counted: ${shown}${more} (optimiser slots, step counters).`,
      zh: `有 ${unused.length} 个变量没有被任何层读取，不计入参数：${shown}${more}（优化器的槽变量、步数计数器）。`,
    });
  }
  if (total > 0 && withValues === total) return { weights, notes, parameters };
  if (withValues > 0)
    notes.push({
      en: `Only ${withValues} of the ${total} weight tensors are constants with values; the rest are variables, so none are used.`,
      zh: `${total} 个权重张量中只有 ${withValues} 个是带值的常量，其余是变量，因此都不使用。`,
    });
  else if (total > 0)
    notes.push({
      en: "The graph's variables hold no values: they live in a TensorFlow checkpoint, which CNN Studio does not read (a frozen graph, with the variables turned into constants, carries them).",
      zh: '图中的变量不含数值：数值保存在 TensorFlow 检查点中，CNN Studio 不读取检查点（冻结的图把变量变成常量，会带上数值）。',
    });
  return { notes, parameters };
}

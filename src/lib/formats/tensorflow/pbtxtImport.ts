/**
 * TensorFlow GraphDef text (.pbtxt) → spec. The nodes are grouped back into layers by
 * dataflow and name scope (a Conv2D, its BiasAdd and its Relu in one scope are one Conv2D
 * layer with a bias and a ReLU); variables become the layers' weights and are checked
 * against the registry's shapes; constants' values become the model's weights. The loss,
 * training and saving parts of a graph are left out with a note.
 */
import type { NetworkSpec } from '../../spec/types';
import type { Imported } from '../types';
import type { TextPos } from '../formatError';
import { parseProtoText } from '../protoText';
import { readGraphDef, TfFormatError, type TfNode } from './graphDef';
import { TfBuilder } from './tfBuild';
import { TfGraph } from './tfGraph';
import { CONVERTERS, hasConverter, isLayerOp } from './tfOpTable';
import { assignRoles } from './tfRoles';
import { collectWeights } from './tfWeights';

export { TfFormatError };

/** Largest GraphDef text read, in characters (a frozen MobileNet is about 40 MB). */
export const PBTXT_MAX_CHARS = 160 * 1024 * 1024;

/** The first line our exporter writes, with the network's name as a quoted string. */
export const NAME_COMMENT = '# CNN Studio network: ';

/** Looks for the marks of a GraphDef: `node {` blocks with an `op:`, or a MetaGraphDef's `graph_def {`. */
export function detectPbtxt(text: string): boolean {
  const head = text.slice(0, 20000);
  if (/^\s*[{[]/.test(head)) return false;
  return (
    (/(^|\n)\s*node\s*\{/.test(head) && /(^|\n)\s*op\s*:\s*["']/.test(head)) ||
    /(^|\n)\s*(graph_def|meta_graphs)\s*\{/.test(head)
  );
}

function networkName(text: string): string {
  if (!text.startsWith(NAME_COMMENT)) return 'TensorFlow graph';
  const end = text.indexOf('\n');
  const line = text.slice(NAME_COMMENT.length, end < 0 ? text.length : end);
  try {
    const [field] = parseProtoText(`name: ${line}`, {
      error: (en, zh, pos) => new TfFormatError(en, zh, pos),
    }).fields;
    return field?.value.kind === 'string' ? field.value.value : 'TensorFlow graph';
  } catch {
    return 'TensorFlow graph';
  }
}

const mb = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`;

function unsupported(n: TfNode): never {
  const [en, zh] = /PartitionedCall/.test(n.op)
    ? [
        'calls a tf.function; freeze the graph first (convert_variables_to_constants_v2 inlines the call)',
        '调用了 tf.function；请先冻结图（convert_variables_to_constants_v2 会把调用内联）',
      ]
    : [
        `CNN Studio has no layer for the TensorFlow op "${n.op}"`,
        `CNN Studio 没有与 TensorFlow 运算 “${n.op}” 对应的层`,
      ];
  throw new TfFormatError(`node "${n.name}" (${n.op}): ${en}`, `节点 “${n.name}”（${n.op}）：${zh}`, n.pos);
}

export function parsePbtxt(text: string): Imported {
  if (text.length > PBTXT_MAX_CHARS)
    throw new TfFormatError(
      `the file is ${mb(text.length)}, more than the ${mb(PBTXT_MAX_CHARS)} of GraphDef text CNN Studio reads`,
      `文件有 ${mb(text.length)}，超过了 CNN Studio 能读取的 ${mb(PBTXT_MAX_CHARS)} GraphDef 文本`,
      { line: 1, column: 1 },
    );
  const def = readGraphDef(text);
  if (def.nodes.length === 0)
    throw new TfFormatError('the file holds no nodes', '文件中没有任何节点', { line: 1, column: 1 });
  const graph = new TfGraph(def.nodes);
  const roles = assignRoles(graph, isLayerOp, hasConverter);
  const b = new TfBuilder(graph, roles);
  for (const n of graph.order) {
    if (roles.role(n.name) !== 'data') continue;
    // What reads a branch of a tf.cond that does not run is on that branch too.
    if (n.op !== 'Merge' && graph.inputs(n).some((r) => b.isDead(r))) {
      b.deadNodes.add(n.name);
      continue;
    }
    const convert = CONVERTERS[n.op] ?? unsupported(n);
    convert(b.context(n));
  }
  // A pattern begun at the network's end and never completed (x · constant as the output).
  for (const [key, p] of b.produced)
    if ('pending' in p) {
      const [node = key, out = '0'] = key.split(/:(?=\d+$)/);
      if (b.readers({ node, output: Number(out) }) === 0) b.failPending(p.pending);
    }
  const found = collectWeights(b.layers, b.tracker, graph);
  const layerPos = new Map<string, TextPos>(b.layers.map((l) => [l.spec.id, l.node.pos]));
  const spec: NetworkSpec = { name: networkName(text), layers: b.layers.map((l) => l.spec) };
  const notes = [...roles.notes, ...b.notes, ...found.notes];
  return { spec, notes, layerPos, ...(found.weights ? { weights: found.weights } : {}) };
}

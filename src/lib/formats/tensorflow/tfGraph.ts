/**
 * A GraphDef as a graph: nodes by name, each input resolved to the node and output it
 * reads (`conv1/split:1`), who consumes what, and one topological order over the data
 * edges. A missing input, a name used twice or a cycle is an error naming the nodes.
 */
import type { TfNode } from './graphDef';
import { TfFormatError } from './graphDef';
import { IndexHeap } from '../../spec/indexHeap';

export interface TfRef {
  node: string;
  output: number;
}

export const refKey = (r: TfRef): string => (r.output === 0 ? r.node : `${r.node}:${r.output}`);

/** `name`, `name:2` or `^name` (a control input, which carries no data). */
export function parseRef(text: string): { ref: TfRef; control: boolean } {
  if (text.startsWith('^')) return { ref: { node: text.slice(1), output: 0 }, control: true };
  const m = /^(.*):(\d+)$/.exec(text);
  return m
    ? { ref: { node: m[1] ?? '', output: Number(m[2]) }, control: false }
    : { ref: { node: text, output: 0 }, control: false };
}

export interface Consumer {
  node: TfNode;
  /** Which of its data inputs reads the value. */
  index: number;
  output: number;
}

/** Ops that are loops: a cycle through them is a tf.while_loop, which has no layer. */
const LOOP_OPS = new Set(['Merge', 'NextIteration', 'Enter', 'Exit', 'LoopCond', 'Switch']);

export class TfGraph {
  readonly byName = new Map<string, TfNode>();
  /** Data inputs of each node, in order. */
  private readonly data = new Map<string, TfRef[]>();
  private readonly users = new Map<string, Consumer[]>();
  /** Every node, each after the nodes it reads (data edges). */
  readonly order: TfNode[];

  constructor(readonly nodes: readonly TfNode[]) {
    for (const n of nodes) {
      if (this.byName.has(n.name))
        throw new TfFormatError(
          `two nodes are named "${n.name}"; node names must be unique`,
          `有两个节点都名为 “${n.name}”；节点名称必须唯一`,
          n.pos,
        );
      this.byName.set(n.name, n);
    }
    for (const n of nodes) {
      const refs: TfRef[] = [];
      for (const text of n.inputs) {
        const { ref, control } = parseRef(text);
        if (!this.byName.has(ref.node))
          throw new TfFormatError(
            `node "${n.name}" (${n.op}): input "${text}" is not a node of the graph`,
            `节点 “${n.name}”（${n.op}）：输入 “${text}” 不是图中的节点`,
            n.pos,
          );
        if (control) continue;
        const list = this.users.get(ref.node);
        const use = { node: n, index: refs.length, output: ref.output };
        if (list) list.push(use);
        else this.users.set(ref.node, [use]);
        refs.push(ref);
      }
      this.data.set(n.name, refs);
    }
    this.order = this.sort();
  }

  node(name: string): TfNode {
    const n = this.byName.get(name);
    if (!n) throw new Error(`no node ${name}`);
    return n;
  }

  inputs(n: TfNode): TfRef[] {
    return this.data.get(n.name) ?? [];
  }

  consumers(name: string, output?: number): Consumer[] {
    const all = this.users.get(name) ?? [];
    return output === undefined ? all : all.filter((c) => c.output === output);
  }

  /**
   * Kahn's algorithm taking the earliest ready node in file order each time, so a file
   * already in order keeps its order (and so do the layers made from it); what is left
   * over lies on or behind a cycle.
   */
  private sort(): TfNode[] {
    const index = new Map(this.nodes.map((n, k) => [n.name, k]));
    const waiting = new Map<string, number>();
    for (const n of this.nodes) waiting.set(n.name, this.inputs(n).length);
    const ready = new IndexHeap();
    this.nodes.forEach((n, k) => {
      if (waiting.get(n.name) === 0) ready.push(k);
    });
    const order: TfNode[] = [];
    while (ready.size > 0) {
      const n = this.nodes[ready.pop()] as TfNode;
      order.push(n);
      for (const c of this.consumers(n.name)) {
        const left = (waiting.get(c.node.name) ?? 0) - 1;
        waiting.set(c.node.name, left);
        if (left === 0) ready.push(index.get(c.node.name) ?? 0);
      }
    }
    if (order.length < this.nodes.length) this.failCycle(waiting);
    return order;
  }

  /** Walks back from a node still waiting until a node repeats, and names that loop. */
  private failCycle(waiting: Map<string, number>): never {
    const stuck = this.nodes.find((n) => (waiting.get(n.name) ?? 0) > 0) as TfNode;
    const seenAt = new Map<string, number>();
    const path: TfNode[] = [];
    let at: TfNode = stuck;
    while (!seenAt.has(at.name)) {
      seenAt.set(at.name, path.length);
      path.push(at);
      const back = this.inputs(at).find((r) => (waiting.get(r.node) ?? 0) > 0);
      at = back ? this.node(back.node) : at;
      if (!back) break;
    }
    const loop = path.slice(seenAt.get(at.name) ?? 0).reverse();
    const shown = loop.length > 6 ? [...loop.slice(0, 5), null] : loop;
    const names = [...shown.map((n) => (n ? `"${n.name}"` : '…')), `"${loop[0]?.name ?? ''}"`].join(' → ');
    const isLoop = loop.some((n) => LOOP_OPS.has(n.op));
    throw new TfFormatError(
      `the graph has a cycle: ${names}${isLoop ? ' (a tf.while_loop; CNN Studio reads feed-forward networks)' : ''}`,
      `图中有环：${names}${isLoop ? '（这是 tf.while_loop；CNN Studio 只读取前馈网络）' : ''}`,
      (loop[0] ?? stuck).pos,
    );
  }
}

/**
 * The values a layer reads besides its input: weights (a variable or a constant, reached
 * through its `/read` Identity or ReadVariableOp) and small integer tensors worked out from
 * constants and shapes (a Reshape's target, a Mean's axes, Keras' flatten arithmetic
 * Shape → StridedSlice → Prod → Pack). The batch size is unknown: it is NaN here.
 */
import { TfFormatError, type TfNode } from './graphDef';
import { readTensor } from './tensorProto';
import { refKey, type TfGraph, type TfRef } from './tfGraph';
import { evalOp, PASS_OPS, type Value } from './tfEval';

export { PASS_OPS };

export type { Value };

export interface Source {
  node: TfNode;
  kind: 'variable' | 'constant';
  shape: number[];
  /** A constant's values; null for a variable, whose values live in a checkpoint. */
  values(): Float32Array | null;
  /** For a weight joined from several (a grouped convolution's kernels): the nodes it is made of. */
  parts?: TfNode[];
}

export const VARIABLE_OPS = new Set(['Variable', 'VariableV2', 'VarHandleOp', 'TemporaryVariable']);

/** Longest chain of nodes followed to work out one value. */
const MAX_CHAIN = 400;

export class TfValues {
  private readonly cache = new Map<string, Value>();

  /** @param dataShape the shape (batch left out) of a data tensor, when a layer gives it one. */
  constructor(
    private readonly graph: TfGraph,
    private readonly dataShape: (ref: TfRef) => number[] | null,
  ) {}

  /** The node a value comes from, past Identity-like ops and tf.cond's Switch. */
  through(ref: TfRef): { node: TfNode; ref: TfRef } {
    let r = ref;
    for (let k = 0; k < MAX_CHAIN; k++) {
      const n = this.graph.node(r.node);
      const next = this.graph.inputs(n)[n.op === 'IdentityN' ? r.output : 0];
      // A Switch hands its input to whichever branch runs.
      if ((!PASS_OPS.has(n.op) && n.op !== 'Switch') || !next) return { node: n, ref: r };
      r = next;
    }
    throw this.tooLong(ref);
  }

  private tooLong(ref: TfRef): TfFormatError {
    const n = this.graph.node(ref.node);
    return new TfFormatError(
      `node "${n.name}": more than ${MAX_CHAIN} nodes in a row lead to this value`,
      `节点 “${n.name}”：这个值前面连着超过 ${MAX_CHAIN} 个节点`,
      n.pos,
    );
  }

  /** The variable or constant behind a weight input; `user` names the node reading it. */
  source(ref: TfRef, user: TfNode, role: string): Source {
    const { node } = this.through(ref);
    if (node.op === 'Const') {
      const attr = node.attrs.get('value')?.value;
      if (attr?.kind !== 'tensor')
        throw new TfFormatError(
          `constant "${node.name}" has no value attr`,
          `常量 “${node.name}” 没有 value 属性`,
          node.pos,
        );
      const tensor = readTensor(attr.value, `constant "${node.name}"`);
      const v = tensor.values;
      const floats = v instanceof Float32Array ? v : Float32Array.from(v);
      return { node, kind: 'constant', shape: tensor.shape, values: () => floats };
    }
    if (VARIABLE_OPS.has(node.op)) {
      const attr = node.attrs.get('shape')?.value;
      const dims = attr?.kind === 'shape' ? attr.value.dims : null;
      if (!dims || dims.some((d) => d < 0))
        throw new TfFormatError(
          `variable "${node.name}" (the ${role} of "${user.name}") has no fixed shape attr`,
          `变量 “${node.name}”（“${user.name}” 的 ${role}）没有固定的 shape 属性`,
          node.pos,
        );
      return { node, kind: 'variable', shape: dims, values: () => null };
    }
    throw new TfFormatError(
      `node "${user.name}" (${user.op}): its ${role} comes from "${node.name}" (${node.op}), not from a variable or a constant`,
      `节点 “${user.name}”（${user.op}）：它的 ${role} 来自 “${node.name}”（${node.op}），而不是变量或常量`,
      user.pos,
    );
  }

  /** A small tensor's value, worked out from constants, shapes and integer arithmetic. */
  value(ref: TfRef, user: TfNode): Value {
    const stack: { ref: TfRef; expanded: boolean }[] = [{ ref, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { ref: TfRef; expanded: boolean };
      const key = refKey(top.ref);
      if (this.cache.has(key)) {
        stack.pop();
        continue;
      }
      if (stack.length > MAX_CHAIN) throw this.tooLong(ref);
      const n = this.graph.node(top.ref.node);
      const ins = this.graph.inputs(n);
      const shape = n.op === 'Shape' ? this.dataShape(ins[0] ?? top.ref) : null;
      if (!top.expanded && n.op !== 'Const' && !(n.op === 'Shape' && shape)) {
        top.expanded = true;
        for (const r of ins) if (!this.cache.has(refKey(r))) stack.push({ ref: r, expanded: false });
        continue;
      }
      stack.pop();
      const args = ins.map((r) => this.cache.get(refKey(r)) as Value);
      const v = evalOp(n, args, shape, top.ref.output);
      if (!v)
        throw new TfFormatError(
          `node "${user.name}" (${user.op}) needs the value of "${n.name}" (${n.op}), which CNN Studio cannot work out before running the graph`,
          `节点 “${user.name}”（${user.op}）需要 “${n.name}”（${n.op}）的值，而 CNN Studio 不运行图就无法算出它`,
          n.pos,
        );
      this.cache.set(key, v);
    }
    return this.cache.get(refKey(ref)) as Value;
  }

  /** True when a random op lies behind this value (dropout's mask). */
  isRandom(ref: TfRef): boolean {
    const seen = new Set<string>();
    const todo = [ref.node];
    while (todo.length > 0 && seen.size < 200) {
      const name = todo.pop() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const n = this.graph.node(name);
      if (/^(RandomUniform|RandomStandardNormal|TruncatedNormal|StatelessRandom)/.test(n.op)) return true;
      for (const r of this.graph.inputs(n)) todo.push(r.node);
    }
    return false;
  }
}

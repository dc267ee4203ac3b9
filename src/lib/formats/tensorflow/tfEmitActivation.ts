/**
 * Activation layers as TensorFlow ops: one op per function (Relu, Relu6, Elu, Selu,
 * Sigmoid, Tanh, Softplus, Softsign, Softmax, LeakyRelu). Functions TensorFlow has no
 * single op for (swish, gelu, hard sigmoid) are refused naming the layer.
 */
import { num, str } from '../../layers/shared/params';
import { FLOAT, type EmitContext } from './tfEmit';
import type { Emitter } from './tfEmitTable';

/** Keras activation names → TensorFlow ops. */
export const ACTIVATION_TO_OP: Record<string, string> = {
  relu: 'Relu',
  relu6: 'Relu6',
  elu: 'Elu',
  selu: 'Selu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softplus: 'Softplus',
  softsign: 'Softsign',
  softmax: 'Softmax',
};

export function activationOp(ctx: EmitContext, name: string): string {
  return (
    ACTIVATION_TO_OP[name] ??
    ctx.fail(
      `TensorFlow has no single op for the ${name} activation; use relu, relu6, elu, selu, sigmoid, tanh, softplus, softsign or softmax`,
      `TensorFlow 没有与激活函数 ${name} 对应的单个运算；请使用 relu、relu6、elu、selu、sigmoid、tanh、softplus、softsign 或 softmax`,
    )
  );
}

export function unary(
  op: string,
  attrs: (ctx: EmitContext) => Record<string, { f: number }> = () => ({}),
): Emitter {
  return (ctx) => ctx.node(op, op, [ctx.input(0)], { T: FLOAT, ...attrs(ctx) }, true);
}

export const activation: Emitter = (ctx) => {
  const name = str(ctx.layer.params, 'activation');
  if (name === 'linear') return ctx.node('Identity', 'Identity', [ctx.input(0)], { T: FLOAT }, true);
  return unary(activationOp(ctx, name))(ctx);
};

export const reluLayer: Emitter = (ctx) => {
  const cap = num(ctx.layer.params, 'maxValue');
  if (cap !== 0 && cap !== 6)
    ctx.fail(
      `TensorFlow has Relu and Relu6 but no ReLU capped at ${cap}`,
      `TensorFlow 有 Relu 和 Relu6，但没有上限为 ${cap} 的 ReLU`,
    );
  return unary(cap === 6 ? 'Relu6' : 'Relu')(ctx);
};

export const elu: Emitter = (ctx) => {
  if (num(ctx.layer.params, 'alpha') !== 1)
    ctx.fail("TensorFlow's Elu has alpha 1 only", 'TensorFlow 的 Elu 只有 alpha = 1 一种');
  return unary('Elu')(ctx);
};

export const softmax: Emitter = (ctx) => {
  const axis = num(ctx.layer.params, 'axis');
  if (axis !== -1 && axis !== ctx.inputShape(0).length)
    ctx.fail(
      "TensorFlow's Softmax works along the last axis only",
      'TensorFlow 的 Softmax 只沿最后一个维度计算',
    );
  return unary('Softmax')(ctx);
};

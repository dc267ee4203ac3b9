/**
 * tf.cond as Keras and tf.layers use it to switch between training and inference
 * (K.in_train_phase on keras_learning_phase, training=is_training): a Switch sends its
 * input down the branch its predicate picks and a Merge takes the branch that ran. The
 * predicate is read from the graph (a constant, or a PlaceholderWithDefault's default);
 * a placeholder fed at run time is read as inference (false), with a note. The branch
 * that does not run is left out.
 */
import type { Converter, OpContext } from './tfBuild';

/** The predicate's value in inference, or null when the input decides it. */
function predicate(ctx: OpContext): boolean | null {
  const n = ctx.through(1);
  const constant = (ref = ctx.ref(1)) =>
    ctx.behind(ref).op === 'Const' ? ctx.valueOf(ref).values[0] !== 0 : null;
  if (n.op === 'Const') return constant();
  if (n.op === 'PlaceholderWithDefault') {
    const [dflt] = ctx.inputsOf(n);
    return dflt ? constant(dflt) : null;
  }
  if (n.op === 'Placeholder' || n.op === 'PlaceholderV2') {
    ctx.note({
      en: `${ctx.node.name}: the branch is chosen by the placeholder "${n.name}", fed when the graph runs; CNN Studio reads the graph as it runs in inference (${n.name} = false).`,
      zh: `${ctx.node.name}：分支由占位符 “${n.name}” 选择，它在运行图时才输入；CNN Studio 按推理时的运行方式读取该图（${n.name} = false）。`,
    });
    return false;
  }
  return null;
}

export const switchOp: Converter = (ctx) => {
  const x = ctx.data(0);
  const taken = predicate(ctx);
  if (taken === null)
    ctx.fail(
      'switches on a value the input decides; CNN Studio reads networks whose path does not depend on the image (tf.cond on a training flag is fine)',
      '根据由输入决定的值切换分支；CNN Studio 只读取路径不依赖图像的网络（基于训练标志的 tf.cond 可以）',
    );
  ctx.alias(x, taken ? 1 : 0);
  ctx.kill(taken ? 0 : 1);
};

export const mergeOp: Converter = (ctx) => {
  const count = ctx.inputsOf(ctx.node).length;
  const live = Array.from({ length: count }, (_, k) => k).filter((k) => !ctx.isDead(k));
  const [only] = live;
  if (only === undefined) return ctx.kill(0);
  if (live.length > 1)
    ctx.fail(
      `merges ${live.length} branches that all run; only a tf.cond, where one branch runs, is read`,
      `合并了 ${live.length} 个都会运行的分支；只读取 tf.cond（只运行其中一个分支）`,
    );
  ctx.alias(ctx.data(only));
};

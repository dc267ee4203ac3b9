/**
 * The attrs TensorFlow's windowed ops share (conv2d_ops, pooling_ops): strides, ksize and
 * dilations as NHWC lists with 1 for batch and channels, padding SAME / VALID / EXPLICIT,
 * and data_format. Channels-first graphs are refused: our layers are channels last.
 */
import type { OpContext } from './tfBuild';

/** The spatial entries of an NHWC list attr such as strides [1, 2, 2, 1]. */
export function spatial(ctx: OpContext, key: string, rank: number, dflt?: number): number[] {
  const full = ctx.ints(key, dflt === undefined ? undefined : new Array<number>(rank + 2).fill(dflt));
  const inner = full.slice(1, rank + 1);
  if (full.length !== rank + 2 || full[0] !== 1 || full[rank + 1] !== 1 || inner.some((v) => !(v >= 1)))
    ctx.fail(
      `${key} must list ${rank + 2} numbers with 1 for the batch and the channels, as [1, ${new Array<string>(rank).fill('n').join(', ')}, 1]; it is [${full.join(', ')}]`,
      `${key} 必须列出 ${rank + 2} 个数，批次和通道处为 1，形如 [1, ${new Array<string>(rank).fill('n').join(', ')}, 1]；实际为 [${full.join(', ')}]`,
      ctx.attrPos(key),
    );
  return inner;
}

export function requireChannelsLast(ctx: OpContext, rank: number): void {
  const last = rank === 3 ? 'NDHWC' : 'NHWC';
  const format = ctx.text('data_format', last);
  if (format === last) return;
  if (format === 'NCHW' || format === 'NCDHW')
    ctx.fail(
      `data_format "${format}" (channels first) is not supported: CNN Studio's layers keep the channels last, as tfjs runs them; build the graph with data_format "${last}" (channels_last)`,
      `不支持 data_format “${format}”（通道在前）：CNN Studio 的层把通道放在最后，与 tfjs 的运行方式一致；请用 data_format “${last}”（channels_last）构建图`,
      ctx.attrPos('data_format'),
    );
  ctx.fail(
    `data_format "${format}" is not one TensorFlow has for this op`,
    `data_format “${format}” 不是该运算支持的格式`,
    ctx.attrPos('data_format'),
  );
}

/** [top, bottom, left, right], or [rows, cols] when both sides agree, as ZeroPadding2D takes it. */
export function edgeParams(t: number, b: number, l: number, r: number): number[] {
  return t === b && l === r ? [t, l] : [t, b, l, r];
}

/**
 * The padding of a windowed op: 'same' or 'valid', or for EXPLICIT padding (Conv2D's
 * explicit_paddings) a ZeroPadding2D layer in front and 'valid'.
 */
export function paddedInput(
  ctx: OpContext,
  x: string,
  rank: number,
): { src: string; padding: 'same' | 'valid' } {
  const mode = ctx.text('padding', '');
  if (mode === 'SAME') return { src: x, padding: 'same' };
  if (mode === 'VALID') return { src: x, padding: 'valid' };
  if (mode === 'EXPLICIT' && rank === 2) {
    const p = ctx.ints('explicit_paddings', []);
    const [n0, n1, t = 0, b = 0, l = 0, r = 0, c0, c1] = p;
    if (p.length !== 8 || n0 !== 0 || n1 !== 0 || c0 !== 0 || c1 !== 0 || p.some((v) => v < 0))
      ctx.fail(
        `explicit_paddings must be 8 numbers ≥ 0 with 0 for the batch and the channels, not [${p.join(', ')}]`,
        `explicit_paddings 必须是 8 个 ≥ 0 的数，批次和通道处为 0，而不是 [${p.join(', ')}]`,
        ctx.attrPos('explicit_paddings'),
      );
    if (t + b + l + r === 0) return { src: x, padding: 'valid' };
    const src = ctx.add('ZeroPadding2D', { padding: edgeParams(t, b, l, r) }, [x], {}, '_pad');
    return { src, padding: 'valid' };
  }
  return ctx.fail(
    `padding must be "SAME" or "VALID"${rank === 2 ? ' (or "EXPLICIT")' : ''}, not "${mode}"`,
    `padding 必须是 “SAME” 或 “VALID”${rank === 2 ? '（或 “EXPLICIT”）' : ''}，而不是 “${mode}”`,
    ctx.attrPos('padding'),
  );
}

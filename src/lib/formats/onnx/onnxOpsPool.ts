/** MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, and ReduceMean/ReduceMax over H and W. */
import type { NodeContext } from './onnxBuilder';
import { choosePadding, readGeometry } from './onnxWindow';
import { imageInput, nchwAct, neverNegative, padded } from './onnxImage';
import { chw, type Act } from './onnxValues';

function pool(ctx: NodeContext, kind: 'max' | 'average'): void {
  const x = imageInput(ctx, 0);
  const [c, h, w] = chw(x);
  const kernel = ctx.attrs.ints('kernel_shape', null);
  if (!kernel) return ctx.fail('has no kernel_shape', '没有 kernel_shape');
  const ceil = ctx.attrs.int('ceil_mode', 0) === 1;
  const g = readGeometry(ctx, kernel, [h, w], ceil);
  if (g.dilations.some((d) => d !== 1))
    ctx.fail(
      `dilations [${g.dilations.join(', ')}] are not supported (tfjs pooling has none)`,
      `不支持 dilations [${g.dilations.join(', ')}]（tfjs 的池化没有膨胀）`,
    );
  if (kind === 'max') {
    // storage_order only orders the optional Indices output, which must go unused.
    ctx.attrs.int('storage_order', 0);
    if (ctx.node.output[1] && ctx.readers(1).length > 0)
      ctx.fail(
        'its Indices output is used; CNN Studio reads only the pooled values',
        '它的 Indices 输出被使用了；CNN Studio 只读取池化后的值',
      );
  }
  const includePad = kind === 'average' && ctx.attrs.int('count_include_pad', 0) === 1;
  const overhang = g.end.some((e, a) => e > (g.declaredEnd[a] ?? 0));
  const exact =
    kind === 'max'
      ? { same: true, zeros: neverNegative(ctx, x.layer) }
      : { same: !includePad, zeros: includePad && !overhang };
  const pad = choosePadding(ctx, g, [h, w], exact);
  const input = padded(ctx, x, pad);
  const type = kind === 'max' ? 'MaxPooling2D' : 'AveragePooling2D';
  const id = ctx.add(type, { poolSize: g.kernel, strides: g.strides, padding: pad.padding }, [input]);
  ctx.output(0, nchwAct(id, c, g.out[0], g.out[1]));
}

export const maxPoolNode = (ctx: NodeContext): void => pool(ctx, 'max');
export const averagePoolNode = (ctx: NodeContext): void => pool(ctx, 'average');

function globalPool(ctx: NodeContext, x: Act, kind: 'max' | 'average', keep: boolean): void {
  if (x.layout.kind !== 'image')
    ctx.fail(
      `expects a feature map [N, C, H, W]; its input is [${x.shape.join(', ')}]`,
      `需要特征图 [N, C, H, W]；它的输入是 [${x.shape.join(', ')}]`,
    );
  const [c] = chw(x);
  const order = x.layout.kind === 'image' ? x.layout.order : 'nchw';
  const id = ctx.add(kind === 'max' ? 'GlobalMaxPooling2D' : 'GlobalAveragePooling2D', {}, [x.layer]);
  ctx.output(
    0,
    keep
      ? {
          kind: 'act',
          layer: id,
          shape: order === 'nchw' ? [1, c, 1, 1] : [1, 1, 1, c],
          layout: { kind: 'pooled', order },
        }
      : { kind: 'act', layer: id, shape: [1, c], layout: { kind: 'vector' } },
  );
}

export const globalAveragePoolNode = (ctx: NodeContext): void => globalPool(ctx, ctx.act(0), 'average', true);
export const globalMaxPoolNode = (ctx: NodeContext): void => globalPool(ctx, ctx.act(0), 'max', true);

/** ReduceMean / ReduceMax over the spatial axes: global pooling (axes by attribute, from opset 18 by input). */
function reduce(ctx: NodeContext, kind: 'max' | 'average'): void {
  const x = ctx.act(0);
  const fromInput = ctx.opset >= 18;
  const axes = (fromInput ? ctx.ints(1, 'axes') : ctx.attrs.ints('axes', null)) ?? [];
  const keep = ctx.attrs.int('keepdims', 1) === 1;
  if (fromInput && ctx.attrs.int('noop_with_empty_axes', 0) === 1 && axes.length === 0) {
    ctx.output(0, x);
    return;
  }
  const rank = x.shape.length;
  const normal = axes
    .map((a) => (a < 0 ? a + rank : a))
    .sort((a, b) => a - b)
    .join(',');
  const spatial = x.layout.kind === 'image' ? (x.layout.order === 'nchw' ? '2,3' : '1,2') : '';
  if (normal !== spatial)
    ctx.fail(
      `reduces over axes [${axes.join(', ')}] of [${x.shape.join(', ')}]; CNN Studio reads a reduction over the height and width of a feature map (global pooling)`,
      `在 [${x.shape.join(', ')}] 的轴 [${axes.join(', ')}] 上归约；CNN Studio 只读取对特征图高和宽的归约（全局池化）`,
    );
  globalPool(ctx, x, kind, keep);
}

export const reduceMeanNode = (ctx: NodeContext): void => reduce(ctx, 'average');
export const reduceMaxNode = (ctx: NodeContext): void => reduce(ctx, 'max');

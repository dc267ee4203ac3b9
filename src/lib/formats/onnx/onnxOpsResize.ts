/**
 * Resize (opset 10+) and Upsample (opset 7–9) in nearest mode by whole factors: UpSampling2D,
 * which repeats each value. Every ONNX coordinate mode is worked through for each output
 * row and column; only when each picks the source pixel floor(x / factor), as UpSampling2D
 * does, is the node read.
 */
import type { NodeContext } from './onnxBuilder';
import { imageInput, nchwAct } from './onnxImage';
import { chw } from './onnxValues';

function sourceIndex(
  x: number,
  scale: number,
  inSize: number,
  outSize: number,
  coord: string,
  nearest: string,
): number {
  let s: number;
  switch (coord) {
    case 'half_pixel':
      s = (x + 0.5) / scale - 0.5;
      break;
    case 'pytorch_half_pixel':
      s = outSize > 1 ? (x + 0.5) / scale - 0.5 : 0;
      break;
    case 'align_corners':
      s = outSize > 1 ? (x * (inSize - 1)) / (outSize - 1) : 0;
      break;
    case 'tf_half_pixel_for_nn':
      s = (x + 0.5) / scale;
      break;
    default:
      s = x / scale;
  }
  const r =
    nearest === 'floor' || nearest === 'simple'
      ? Math.floor(s)
      : nearest === 'ceil'
        ? Math.ceil(s)
        : nearest === 'round_prefer_ceil'
          ? Math.floor(s + 0.5)
          : Math.ceil(s - 0.5);
  return Math.min(Math.max(r, 0), inSize - 1);
}

export function resizeNode(ctx: NodeContext): void {
  const x = imageInput(ctx, 0);
  const [c, h, w] = chw(x);
  const upsample = ctx.opType === 'Upsample';
  const mode = ctx.attrs.string('mode', 'nearest');
  let scales: number[] | null = null;
  let sizes: number[] | null = null;
  if (upsample) scales = ctx.opset >= 9 ? ctx.ints(1, 'scales') : ctx.attrs.floats('scales');
  else if (ctx.opset < 11) scales = ctx.ints(1, 'scales');
  else {
    if (ctx.node.input[1] && ctx.ints(1, 'roi')?.length) ctx.attrs.has('roi');
    scales = ctx.ints(2, 'scales');
    sizes = ctx.ints(3, 'sizes');
  }
  const coord =
    upsample || ctx.opset < 11
      ? 'asymmetric'
      : ctx.attrs.string('coordinate_transformation_mode', 'half_pixel');
  const nearest =
    upsample || ctx.opset < 11 ? 'simple' : ctx.attrs.string('nearest_mode', 'round_prefer_floor');
  if (!upsample && ctx.opset >= 11) {
    ctx.attrs.float('cubic_coeff_a', -0.75);
    if (ctx.attrs.int('exclude_outside', 0) !== 0)
      ctx.fail('exclude_outside 1 is not supported', '不支持 exclude_outside 1');
    ctx.attrs.float('extrapolation_value', 0);
  }
  if (ctx.opset >= 18) {
    if (ctx.attrs.int('antialias', 0) !== 0) ctx.fail('antialias 1 is not supported', '不支持 antialias 1');
    if (ctx.attrs.ints('axes', null)) ctx.fail('resizes only some axes (axes)', '只缩放部分轴（axes）');
    ctx.attrs.string('keep_aspect_ratio_policy', 'stretch');
  }
  if (mode !== 'nearest')
    ctx.fail(
      `mode "${mode}" is not supported; CNN Studio reads nearest-neighbour upsampling`,
      `不支持模式 “${mode}”；CNN Studio 只读取最近邻上采样`,
    );
  const outH = sizes && sizes.length === 4 ? (sizes[2] ?? 0) : Math.floor(h * (scales?.[2] ?? 0));
  const outW = sizes && sizes.length === 4 ? (sizes[3] ?? 0) : Math.floor(w * (scales?.[3] ?? 0));
  const batchAndChannels =
    sizes && sizes.length === 4
      ? sizes[0] === 1 && sizes[1] === c
      : scales?.length === 4 && scales[0] === 1 && scales[1] === 1;
  const factors = [outH / h, outW / w];
  if (!batchAndChannels || factors.some((f) => !Number.isInteger(f) || f < 1))
    return ctx.fail(
      `resizes [${x.shape.join(', ')}] by ${sizes ? `sizes [${sizes.join(', ')}]` : `scales [${(scales ?? []).join(', ')}]`}; CNN Studio reads enlarging height and width by whole factors`,
      `按 ${sizes ? `sizes [${sizes.join(', ')}]` : `scales [${(scales ?? []).join(', ')}]`} 缩放 [${x.shape.join(', ')}]；CNN Studio 只读取按整数倍放大高和宽`,
    );
  const [fh = 1, fw = 1] = factors;
  const scaleOf = (a: number) => (sizes ? (a === 0 ? fh : fw) : (scales?.[a + 2] ?? 1));
  for (const [a, inSize, outSize, f] of [
    [0, h, outH, fh],
    [1, w, outW, fw],
  ] as const)
    for (let i = 0; i < outSize; i++)
      if (sourceIndex(i, scaleOf(a), inSize, outSize, coord, nearest) !== Math.floor(i / f))
        return ctx.fail(
          `coordinate_transformation_mode "${coord}" with nearest_mode "${nearest}" picks other pixels than repeating each one ${f} times`,
          `coordinate_transformation_mode “${coord}” 与 nearest_mode “${nearest}” 选取的像素与把每个像素重复 ${f} 次不同`,
        );
  const id = ctx.add('UpSampling2D', { size: [fh, fw], interpolation: 'nearest' }, [x.layer]);
  ctx.output(0, nchwAct(id, c, outH, outW));
}

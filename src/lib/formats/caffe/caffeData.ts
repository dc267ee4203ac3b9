/**
 * Data layers (Input, Data, ImageData, MemoryData, DummyData, …) as an input shape. Only
 * the first top is data; the others (labels) have no layer of ours behind them.
 */
import type { LayerParams, Localized, Shape } from '../../spec/types';
import type { CaffeLayer } from './caffeNet';
import { bool, field, fields, float, int, ints, sub } from './caffeNet';
import { CaffeFormatError } from './prototxt';

const DATA_TYPES = new Set([
  'Input',
  'Data',
  'ImageData',
  'WindowData',
  'MemoryData',
  'DummyData',
  'HDF5Data',
  'Python',
]);

function nchwToShape(dims: number[]): Shape {
  const [, c = 1, ...spatial] = dims;
  return dims.length <= 2 ? dims.slice(1) : [...spatial, c];
}

export function dataShape(layer: CaffeLayer): { shape: Shape; note?: Localized } | null {
  if (!DATA_TYPES.has(layer.type)) return null;
  const m = layer.msg;
  const none = (): never => {
    throw new CaffeFormatError(
      `layer "${layer.name}" (${layer.type}) does not say how large its images are: add transform_param { crop_size: … } or use an Input layer with input_param { shape { dim: … } }`,
      `层 “${layer.name}”（${layer.type}）没有说明图像大小：请添加 transform_param { crop_size: … }，或改用带 input_param { shape { dim: … } } 的 Input 层`,
      layer.pos,
    );
  };
  if (layer.type === 'Input' || layer.type === 'DummyData') {
    const param = sub(m, layer.type === 'Input' ? 'input_param' : 'dummy_data_param');
    const shape = param ? sub(param, 'shape') : undefined;
    const dims = shape
      ? ints(shape, 'dim')
      : param
        ? [
            int(param, 'num', 1),
            int(param, 'channels', 0),
            int(param, 'height', 0),
            int(param, 'width', 0),
          ].filter((d) => d > 0)
        : [];
    return dims.length >= 2 ? { shape: nchwToShape(dims) } : none();
  }
  if (layer.type === 'MemoryData') {
    const p = sub(m, 'memory_data_param') ?? none();
    return { shape: [int(p, 'height', 1), int(p, 'width', 1), int(p, 'channels', 1)] };
  }
  const crop = int(sub(m, 'transform_param') ?? { fields: [], pos: layer.pos }, 'crop_size', 0);
  const image = layer.type === 'ImageData' ? sub(m, 'image_data_param') : undefined;
  const channels = image && !bool(image, 'is_color', true) ? 1 : 3;
  if (crop > 0)
    return {
      shape: [crop, crop, channels],
      note: {
        en: `${layer.name}: ${crop}×${crop} crops with ${channels} channels assumed.`,
        zh: `${layer.name}：按 ${crop}×${crop} 的裁剪和 ${channels} 个通道处理。`,
      },
    };
  if (image) {
    const h = int(image, 'new_height', 0);
    const w = int(image, 'new_width', 0);
    if (h > 0 && w > 0) return { shape: [h, w, channels] };
  }
  return none();
}

/**
 * What a data layer's `transform_param` says about preprocessing, as Input params: Caffe
 * feeds BGR pixels in 0–255, subtracts `mean_value` (one, or one per channel) and then
 * multiplies by `scale`, so std = 1 / scale. Nothing said: no params (plain RGB, as before).
 * A `mean_file` (a binary mean image) cannot be read from a prototxt; a note says so.
 */
export function dataPreprocessing(
  layer: CaffeLayer,
  channels: number,
): { params: LayerParams; note?: Localized } {
  const t = sub(layer.msg, 'transform_param');
  if (!t) return { params: {} };
  const means = fields(t, 'mean_value');
  const mean = means.map((f) => float({ fields: [f], pos: f.pos }, f.name, 0));
  const scaleField = field(t, 'scale');
  const scale = float(t, 'scale', 1);
  const note =
    field(t, 'mean_file') !== undefined
      ? {
          en: `${layer.name}: transform_param's mean_file is a binary mean image this prototxt does not hold; set the input's mean by hand (the Input panel offers the usual values).`,
          zh: `${layer.name}：transform_param 的 mean_file 是二进制均值图像，不在此 prototxt 中；请手动设置输入的均值（输入面板提供常用值）。`,
        }
      : undefined;
  if (mean.length === 0 && !scaleField) return { params: {}, note };
  if (mean.length > 0 && mean.length !== 1 && mean.length !== channels)
    throw new CaffeFormatError(
      `layer "${layer.name}": transform_param has ${mean.length} mean_value entries; give 1 or ${channels} (one per channel)`,
      `层 “${layer.name}”：transform_param 有 ${mean.length} 个 mean_value；应为 1 个或 ${channels} 个（每个通道一个）`,
      means[0]?.pos ?? layer.pos,
    );
  if (!(scale > 0))
    throw new CaffeFormatError(
      `layer "${layer.name}": transform_param scale must be above 0, not ${scale}`,
      `层 “${layer.name}”：transform_param 的 scale 必须大于 0，而不是 ${scale}`,
      scaleField?.pos ?? layer.pos,
    );
  const params: LayerParams = {
    channelOrder: 'bgr',
    valueScale: '0-255',
    mean: mean.length > 0 ? mean : [0],
    std: [1 / scale],
  };
  return { params, note };
}

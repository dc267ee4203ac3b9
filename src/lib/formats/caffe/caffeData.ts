/**
 * Data layers (Input, Data, ImageData, MemoryData, DummyData, …) as an input shape. Only
 * the first top is data; the others (labels) have no layer of ours behind them.
 */
import type { Localized, Shape } from '../../spec/types';
import type { CaffeLayer } from './caffeNet';
import { bool, int, ints, sub } from './caffeNet';
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

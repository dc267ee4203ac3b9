/** Helpers for nodes that work on feature maps: NCHW inputs, explicit zero padding, signs. */
import type { NodeContext } from './onnxBuilder';
import type { Padding } from './onnxWindow';
import { chw, type Act } from './onnxValues';

/**
 * Input `i` as an NCHW map. A pooled [N, C, 1, 1] vector (ours [C]) gets a Reshape to its
 * 1×1 map, made once per vector (squeeze-and-excitation convolves the pooled vector).
 */
export function imageInput(ctx: NodeContext, i: number): Act {
  const x = ctx.act(i);
  if (x.layout.kind === 'pooled' && x.layout.order === 'nchw') {
    const [c] = chw(x);
    let id = ctx.b.asImage.get(x.layer);
    if (!id) {
      id = ctx.add('Reshape', { targetShape: [1, 1, c] }, [x.layer], {}, 'map');
      ctx.b.asImage.set(x.layer, id);
    }
    return { kind: 'act', layer: id, shape: x.shape, layout: { kind: 'image', order: 'nchw' } };
  }
  if (x.layout.kind !== 'image' || x.layout.order !== 'nchw')
    ctx.fail(
      `expects a feature map in NCHW order [N, C, H, W]; its input is [${x.shape.join(', ')}]${x.layout.kind === 'image' ? ' in NHWC order' : ''}`,
      `需要 NCHW 顺序 [N, C, H, W] 的特征图；它的输入是 [${x.shape.join(', ')}]`,
    );
  return x;
}

/** The layer to read: the input itself, or a ZeroPadding2D in front of it. */
export function padded(ctx: NodeContext, x: Act, p: Padding): string {
  if (!('zeros' in p)) return x.layer;
  const z = p.zeros;
  if (z.top + z.bottom + z.left + z.right === 0) return x.layer;
  return ctx.add('ZeroPadding2D', { padding: [z.top, z.bottom, z.left, z.right] }, [x.layer], {}, 'pad');
}

const NON_NEGATIVE_ACTIVATIONS = new Set([
  'relu',
  'relu6',
  'sigmoid',
  'softmax',
  'hard_sigmoid',
  'softplus',
  'exponential',
]);

/** True when a layer's outputs are never negative, so zero padding cannot win a max. */
export function neverNegative(ctx: NodeContext, id: string, depth = 0): boolean {
  const layer = ctx.b.layer(id);
  if (!layer || depth > 50) return false;
  switch (layer.type) {
    case 'ReLU':
    case 'ReLU6':
    case 'Sigmoid':
    case 'Softmax':
    case 'HardSigmoid':
    case 'Softplus':
      return true;
    case 'Activation':
    case 'Conv2D':
    case 'Dense':
    case 'DepthwiseConv2D':
      return NON_NEGATIVE_ACTIVATIONS.has(String(layer.params.activation));
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'ZeroPadding2D':
    case 'Reshape':
    case 'Dropout':
    case 'Flatten':
    case 'UpSampling2D':
      return neverNegative(ctx, layer.inputs[0] ?? '', depth + 1);
    case 'Concatenate':
    case 'Add':
    case 'Multiply':
      return layer.inputs.every((i) => neverNegative(ctx, i, depth + 1));
    default:
      return false;
  }
}

/** An NCHW activation of the given layer and ONNX shape. */
export function nchwAct(layer: string, c: number, h: number, w: number): Act {
  return { kind: 'act', layer, shape: [1, c, h, w], layout: { kind: 'image', order: 'nchw' } };
}

/**
 * A grouped 2-D convolution as a tfjs layer (Caffe's `group`, PyTorch's `groups`, Keras 3's
 * `Conv2D(groups=…)`): tfjs 4.22's Conv2D has no groups, so AlexNet, ResNeXt and any imported
 * net with a grouped layer could be shaped but not run. The input's channels and the filters
 * are split into `groups` equal parts; part g of the filters convolves part g of the input;
 * the results are concatenated in order. One kernel [kh, kw, in / groups, filters] holds every
 * group's filters side by side, as Keras 3 and our importers lay it out. Its gradient comes
 * from the ops (split, conv2d, concat), so it trains like any layer.
 */
import { tf } from './tf';

type Padding = 'valid' | 'same';

/**
 * The layer's config as tfjs hands it over: the file's keys in camel case (tfjs converts
 * `kernel_size` to `kernelSize` before building, and back when it saves).
 */
interface GroupedConvConfig {
  name?: string;
  trainable?: boolean;
  filters: number;
  kernelSize: number | number[];
  strides?: number | number[];
  padding?: string;
  dilationRate?: number | number[];
  activation?: string;
  useBias?: boolean;
  groups: number;
}

function pair(v: unknown, name: string): [number, number] {
  const a = Array.isArray(v) ? v : [v, v];
  const [x, y] = a.map(Number);
  if (a.length !== 2 || !Number.isInteger(x) || !Number.isInteger(y) || x! < 1 || y! < 1)
    throw new Error(`GroupedConv2D: ${name} must be two positive whole numbers, got ${JSON.stringify(v)}`);
  return [x!, y!];
}

/** One output size along an axis, as tfjs' conv2d computes it. */
function outSize(size: number | null, kernel: number, stride: number, dilation: number, padding: Padding) {
  if (size === null) return null;
  const span = (kernel - 1) * dilation + 1;
  return padding === 'same' ? Math.ceil(size / stride) : Math.ceil((size - span + 1) / stride);
}

class GroupedConv2D extends tf.layers.Layer {
  static readonly className = 'GroupedConv2D';
  private readonly filters: number;
  private readonly kernelSize: [number, number];
  private readonly strides: [number, number];
  private readonly padding: Padding;
  private readonly dilation: [number, number];
  private readonly activationName: string;
  private readonly activation: tf.layers.Layer;
  private readonly useBias: boolean;
  private readonly groups: number;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(config: GroupedConvConfig) {
    super({ name: config.name, trainable: config.trainable });
    this.filters = config.filters;
    this.kernelSize = pair(config.kernelSize, 'kernel_size');
    this.strides = pair(config.strides ?? 1, 'strides');
    this.dilation = pair(config.dilationRate ?? 1, 'dilation_rate');
    this.padding = config.padding === 'same' ? 'same' : 'valid';
    this.activationName = config.activation ?? 'linear';
    this.activation = tf.layers.activation({ activation: this.activationName as 'linear' });
    this.useBias = config.useBias ?? true;
    this.groups = config.groups;
    if (!Number.isInteger(this.groups) || this.groups < 1 || this.filters % this.groups !== 0)
      throw new Error(`GroupedConv2D: ${this.filters} filters do not divide into ${this.groups} groups`);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[shape.length - 1];
    if (typeof channels !== 'number' || channels % this.groups !== 0)
      throw new Error(
        `GroupedConv2D: ${String(channels)} input channels do not divide into ${this.groups} groups`,
      );
    const [kh, kw] = this.kernelSize;
    this.kernel = this.addWeight(
      'kernel',
      [kh, kw, channels / this.groups, this.filters],
      'float32',
      tf.initializers.glorotUniform({}),
    );
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [n = null, h = null, w = null] = shape;
    return [
      n,
      outSize(h, this.kernelSize[0], this.strides[0], this.dilation[0], this.padding),
      outSize(w, this.kernelSize[1], this.strides[1], this.dilation[1], this.padding),
      this.filters,
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const kernel = this.kernel!.read() as tf.Tensor4D;
      const xs = tf.split(x, this.groups, 3);
      const ks = tf.split(kernel, this.groups, 3);
      const parts = xs.map((xg, g) =>
        tf.conv2d(xg as tf.Tensor4D, ks[g] as tf.Tensor4D, this.strides, this.padding, 'NHWC', this.dilation),
      );
      let y: tf.Tensor = this.groups === 1 ? parts[0]! : tf.concat(parts, 3);
      if (this.bias) y = tf.add(y, this.bias.read());
      return this.activation.apply(y) as tf.Tensor;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      dilationRate: this.dilation,
      activation: this.activationName,
      useBias: this.useBias,
      groups: this.groups,
    };
  }
}

let registered = false;

/** Makes `GroupedConv2D` known to tfjs-layers; safe to call more than once. */
export function registerGroupedConv(): void {
  if (registered) return;
  registered = true;
  tf.serialization.registerClass(GroupedConv2D);
}

/**
 * A Keras topology with Keras 3's grouped convolutions (`Conv2D` with `groups` > 1) renamed to
 * the layer above, so tfjs, whose Conv2D has no groups, can load the file. Other layers and
 * the weight manifest are untouched (the kernel keeps its name and shape).
 */
export function groupedForTfjs(topology: unknown): unknown {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const o = node as Record<string, unknown>;
    const config = o.config as Record<string, unknown> | undefined;
    const grouped =
      o.class_name === 'Conv2D' && typeof config === 'object' && config !== null && Number(config.groups) > 1;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = visit(v);
    if (grouped) out.class_name = 'GroupedConv2D';
    return out;
  };
  return visit(topology);
}

/**
 * What one layer type is: everything the editor, the shape table, the formats and the
 * engine need to know about it lives in one `LayerDef` in one module.
 */
import type { LayerParams, Localized, ParamValue, Shape } from '../spec/types';
import type { LayerWeights, TensorData } from '../tensor/types';

export type LayerCategory =
  | 'Data'
  | 'Vision'
  | 'Recurrent'
  | 'Utility'
  | 'Activation'
  | 'Normalization'
  | 'Common'
  | 'Noise'
  | 'Loss'
  | 'Wrapper';

interface ParamBase {
  name: string;
  label: Localized;
  help: Localized;
  /**
   * Added after files were written without it: absent means its default (so older files load
   * unchanged); present, it must fit like any other value.
   */
  optional?: boolean;
}

export type ParamDef =
  | (ParamBase & { kind: 'int'; default: number; min: number; max: number })
  | (ParamBase & { kind: 'float'; default: number; min: number; max: number })
  | (ParamBase & { kind: 'enum'; default: string; options: readonly string[] })
  | (ParamBase & { kind: 'bool'; default: boolean })
  /** A fixed-length list of ints, e.g. a kernel size [h, w] or an input shape [h, w, c]. */
  | (ParamBase & {
      kind: 'ints';
      default: number[];
      min: number;
      max: number;
      /** Allowed lengths of the list. */
      lengths: readonly number[];
    })
  /** A list of any finite numbers within [min, max], e.g. an input's per-channel mean. */
  | (ParamBase & {
      kind: 'floats';
      default: number[];
      min: number;
      max: number;
      lengths: readonly number[];
    });

/** A shape problem, in both languages, without the layer id (the caller prefixes it). */
export type ShapeResult = { shape: Shape } | { error: Localized };

/** How a layer maps to a Keras / tfjs layer config (snake_case keys, as in model.json). */
export interface KerasMapping {
  className: string;
  /**
   * Set for layers only the engine's own tfjs classes run (src/lib/engine): Keras has no such
   * layer, so a Keras file cannot hold it. Says what to build instead.
   */
  notInKeras?: Localized;
  /** Like `notInKeras`, for layers only some of whose params a Keras file can hold. */
  notInKerasFor?(params: LayerParams): Localized | undefined;
  /** For layers the engine builds as another class for some params; absent: always `className`. */
  classNameFor?(params: LayerParams): string;
  toConfig(params: LayerParams): Record<string, unknown>;
  /** Reads params back from a Keras config; unknown keys are ignored. */
  fromConfig(config: Record<string, unknown>): LayerParams;
}

/** A weight tensor the layer owns, named as tfjs names it (`kernel`, `bias`). */
export interface WeightDef {
  name: string;
  shape: Shape;
  /**
   * False for statistics the layer updates itself instead of learning them by gradient
   * (BatchNormalization's moving mean and variance). They still count as parameters, as
   * in Keras' `count_params`; frameworks like PyTorch call them buffers and leave them out.
   */
  trainable?: boolean;
}

/** The formula view that explains one neuron of a layer (src/views/detail). */
export type FormulaKind =
  | 'convolution'
  | 'activation'
  | 'pooling'
  | 'flatten'
  | 'dense'
  | 'softmax'
  | 'batchNorm'
  | 'depthwise'
  | 'separable'
  | 'groupedConvolution'
  | 'globalPooling'
  /** Element-wise merges (Add, Multiply, …); a Multiply closing an SE block gets the SE view. */
  | 'merge'
  | 'concatenate'
  /** UpSampling2D, ZeroPadding2D, Cropping2D: each output cell is a few input cells of its channel. */
  | 'resample'
  | 'transposedConv'
  /** Layers that only act while training (dropout, noise). */
  | 'passThrough'
  /** LRN: each value over its neighbouring channels' squares at the same position. */
  | 'lrn'
  /** Conv3D: a 3-D window over a volume [D, H, W, C]. */
  | 'volumeConvolution'
  /** MaxPooling3D, AveragePooling3D: the max or mean of a 3-D window, per channel. */
  | 'volumePooling'
  /** TimeDistributed: the wrapped layer's own view, one time step at a time. */
  | 'timeDistributed'
  /** Layers that move values without computing: each output is one input value. */
  | 'reshape'
  | 'permute'
  | 'repeatVector'
  /** Steps whose features all equal a value are marked as padding. */
  | 'masking'
  /** Sums of products of two inputs along an axis of each. */
  | 'dot'
  /** Statistics of one example over an axis, then a scale and shift per feature. */
  | 'layerNorm'
  /** A table lookup: each id selects a row. */
  | 'embedding'
  /** SimpleRNN, GRU, LSTM: the cell's gates and state over time steps. */
  | 'recurrent'
  /** Bidirectional: the two directions' recurrent views and their merge. */
  | 'bidirectional';

/** An element-wise function as src/lib/formula/activations names it, with its options. */
export interface ElementwiseFunction {
  name: string;
  alpha?: number;
  maxValue?: number;
  theta?: number;
  /** HardSigmoid's offset, clip(alpha·x + beta, 0, 1). */
  beta?: number;
}

export interface LayerDef {
  type: string;
  category: LayerCategory;
  /** One paragraph explaining the layer. */
  description: Localized;
  params: readonly ParamDef[];
  /** How many inputs the layer takes: exactly `min`..`max`. */
  arity: { min: number; max: number };
  inferShape(params: LayerParams, inputs: Shape[]): ShapeResult;
  /** Weight tensors for these params and input shapes (empty for weightless layers). */
  weights(params: LayerParams, inputs: Shape[]): WeightDef[];
  /** Multiply-accumulate operations for one example. */
  countMacs(params: LayerParams, inputs: Shape[], output: Shape): number;
  /** `null` when tfjs has no such layer: shapes and counts still work, the engine refuses. */
  keras: KerasMapping | null;
  /** Set when `keras` is null: what tfjs lacks and what to build instead. */
  tfjsNote?: Localized;
  /**
   * For layers whose parameters depend on another parameter's value (the wrappers, which
   * store the wrapped layer's params flat under `layer.<name>`): every parameter definition
   * for these values. Editors should list and default these instead of `params`, which
   * then holds only the parameters every instance has.
   */
  paramsFor?(params: LayerParams): readonly ParamDef[];
  /** Which formula view explains a neuron of this layer; absent: only its enlarged map. */
  formula?: FormulaKind;
  /** Pooling layers (global ones too): which value of the window they keep. */
  poolKind?: 'max' | 'average';
  /** Element-wise activation layers: their function, or null when these params have none to draw. */
  activationOf?(params: LayerParams): ElementwiseFunction | null;
  /**
   * The layer's output for one example in plain TypeScript (src/lib/forward), as tfjs computes
   * it when the net is used (not trained). Lets the page draw the first image before tfjs has
   * loaded. Weightless element-wise layers need none (their `activationOf` is used); a net
   * with any other layer lacking it waits for the engine.
   */
  forward?(params: LayerParams, inputs: readonly TensorData[], weights: readonly LayerWeights[]): TensorData;
}

export type { ParamValue };

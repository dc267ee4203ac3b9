/** What importing a model file gives: the spec, the weights when the file carries them, and notes. */
import type { Localized, NetworkSpec } from '../spec/types';
import type { TextPos } from './formatError';
import type { ModelLabels } from '../labels/labels';

/** Weight values keyed as tfjs names them, `layer/kernel`, as the engine's build.ts does. */
export type NamedWeights = Map<string, Float32Array>;

export interface Imported {
  spec: NetworkSpec;
  weights?: NamedWeights;
  /** Things the conversion changed or left out on purpose (a skipped Accuracy layer, …). */
  notes: Localized[];
  /** Class names the file gives for the outputs (ONNX metadata_props), in output order. */
  classes?: string[];
  /** Where each layer is defined in the text, for pointing at a layer's problem. */
  layerPos: Map<string, TextPos>;
  /**
   * The class names the file itself carries (tfjs `userDefinedMetadata`, ONNX `metadata_props`),
   * cleaned with lib/labels; the app checks their count against the outputs before using them.
   */
  labels?: ModelLabels;
  /**
   * The image Input whose file does not say how images were prepared (a Caffe deploy prototxt
   * without transform_param): it opens as RGB 0–1, and the Input panel asks.
   */
  unstatedInput?: string;
}

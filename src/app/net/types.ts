/** What the explainer's state and the one door that opens networks say to each other and to the views. */
import type { RawImage } from '../../lib/preprocess/preprocess';
import type { Localized, NetworkSpec } from '../../lib/spec/types';
import type { ModelMeta } from '../../lib/model/meta';

export interface CurrentImage {
  name: string;
  /** The image as decoded, before fitting it to the model. */
  raw: RawImage;
  /** The model's input: HWC float in [0, 1]. */
  input: Float32Array;
}

/** Where loading is, for the progress indicator: bytes count during the weights download. */
export interface LoadProgress {
  stage: 'weights' | 'model';
  loaded: number;
  total: number;
}

export interface NeuronRef {
  layerId: string;
  /** Output channel (last axis); 0 for layers whose output is a vector. */
  channel: number;
}

/**
 * Where a rebuild is, for the progress indicator: built, then its weights set, then run on the
 * image on the page; a big net does all three in the net worker ('inWorker').
 */
export interface RebuildProgress {
  stage: 'building' | 'weights' | 'running' | 'inWorker';
  name: string;
  /** Where its weights come from: the current net's, fresh random ones, or given values. */
  weights: 'keep' | 'random' | 'given';
}

/** How `WeightChoice` is described while a net is rebuilt. */
export function weightsKind(choice: WeightChoice): RebuildProgress['weights'] {
  return typeof choice === 'string' ? choice : 'given';
}

/**
 * The weights a net is opened with: kept from the current net (and the pretrained one)
 * wherever a layer's name and shape still fit, all fresh ('random'), or the given values
 * (`layer/weight` → values, as a file or the model library has them).
 */
export type WeightChoice = 'keep' | 'random' | ReadonlyMap<string, Float32Array>;

/** The class names of a net's outputs and the dataset they come from. */
export interface ClassNames {
  names: string[];
  dataset: string;
}

/**
 * A network to show: its spec, its weights and, where known, its class names (or its whole
 * meta.json, for a model the page ships). A net opened with other weights than the current
 * one's and no names gets none ("#0 …"), never the names of the model before it.
 */
export interface NetworkSource {
  spec: NetworkSpec;
  weights: WeightChoice;
  classes?: ClassNames;
  meta?: ModelMeta;
}

/** What became of a network handed to the explainer. */
export type ApplyOutcome =
  | { ok: true; /** Layers whose weights had to be freshly initialised. */ reinitialised: string[] }
  | {
      ok: false;
      reason: Localized;
      /** The net is valid but too big for the browser. */
      tooLarge: boolean;
      /** Another net was opened before this one was built: it was never shown. */
      superseded?: boolean;
    };

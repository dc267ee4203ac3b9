/**
 * The architecture spec: one JSON-serialisable graph of layers that every view, format,
 * importer and the engine read. Shapes leave out the batch axis and follow tfjs' NHWC
 * layout, so a 64×64 RGB image is [64, 64, 3].
 */

export type Shape = number[];

export type ParamValue = number | string | boolean | number[];

export type LayerParams = Record<string, ParamValue>;

export interface LayerSpec {
  /** Unique name, e.g. `conv_1_1`; also the tfjs/Keras layer name. */
  id: string;
  /** Key into the layer registry, e.g. `Conv2D`. */
  type: string;
  params: LayerParams;
  /** Ids of the layers feeding this one, in order; empty for Input layers. */
  inputs: string[];
}

export interface NetworkSpec {
  name: string;
  layers: LayerSpec[];
}

/** Text in both of the app's languages; pure code carries it to the views untranslated. */
export interface Localized {
  en: string;
  zh: string;
}

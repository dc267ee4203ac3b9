/**
 * A tfjs Layers model as the two files people download and load elsewhere: `model.json`
 * (the topology and a weights manifest that points at the binary) and `weights.bin`. Class
 * names ride along in `userDefinedMetadata`, which tfjs keeps when loading the model.
 */
import { WEIGHTS_FILE } from '../formats/keras/weights';

export interface WeightSpecLike {
  name: string;
  shape: number[];
  dtype: string;
}

export interface ArtifactsLike {
  modelTopology?: unknown;
  weightSpecs?: WeightSpecLike[];
  weightData?: ArrayBuffer | ArrayBuffer[];
}

export interface StudioMetadata {
  classes: string[];
  dataset: string;
}

// The same name the Keras writer gives its single weights file: every download names it alike.
export { WEIGHTS_FILE };

/** Class names as the Keras writer stores them (serializeKerasJson's labels), or null when the model came from elsewhere. */
export function readStudioMetadata(userDefined: unknown): StudioMetadata | null {
  if (typeof userDefined !== 'object' || userDefined === null) return null;
  const m = (userDefined as Record<string, unknown>).cnnStudio;
  if (typeof m !== 'object' || m === null) return null;
  const { classes, dataset } = m as Record<string, unknown>;
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) return null;
  return { classes: classes as string[], dataset: typeof dataset === 'string' ? dataset : '' };
}

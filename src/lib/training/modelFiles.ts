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

export function modelJson(
  artifacts: ArtifactsLike,
  metadata: StudioMetadata,
  weightsFile = WEIGHTS_FILE,
): Record<string, unknown> {
  return {
    format: 'layers-model',
    generatedBy: 'CNN Studio',
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
    userDefinedMetadata: { cnnStudio: metadata },
  };
}

/** The weights as one buffer (tfjs may hand them over in shards). */
export function weightBytes(artifacts: ArtifactsLike): ArrayBuffer {
  const data = artifacts.weightData;
  if (!data) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  const total = data.reduce((s, b) => s + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}

/** Class names stored by `modelJson`, or null when the model came from elsewhere. */
export function readStudioMetadata(userDefined: unknown): StudioMetadata | null {
  if (typeof userDefined !== 'object' || userDefined === null) return null;
  const m = (userDefined as Record<string, unknown>).cnnStudio;
  if (typeof m !== 'object' || m === null) return null;
  const { classes, dataset } = m as Record<string, unknown>;
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) return null;
  return { classes: classes as string[], dataset: typeof dataset === 'string' ? dataset : '' };
}

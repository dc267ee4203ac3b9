/**
 * A net that can answer the explainer's questions without TensorFlow.js: its spec and its
 * weights from the model files, explained by the plain-TypeScript forward pass. The page
 * uses one from the moment the model files are in until the engine has started.
 */
import type { Explanation, LayerWeights, NetRunner } from '../tensor/types';
import type { NetworkSpec } from '../spec/types';
import { kerasModelToSpec } from '../formats/keras/topology';
import { forwardPass, layersWithoutForward, weightsFromManifest } from './forwardPass';

export interface ModelFiles {
  modelTopology?: unknown;
  weightSpecs?: { name: string; shape: number[]; dtype: string; quantization?: unknown }[];
  weightData?: ArrayBuffer | ArrayBuffer[];
}

export class FirstLook implements NetRunner {
  constructor(
    readonly spec: NetworkSpec,
    private weights: ReadonlyMap<string, LayerWeights[]>,
  ) {}

  /**
   * The net in model files (tfjs layers format), or null when this module cannot run it
   * (a layer without a forward, quantized or non-float weights, a topology it cannot read).
   */
  static fromModelFiles(files: ModelFiles): FirstLook | null {
    try {
      const data = files.weightData;
      if (data === undefined || Array.isArray(data)) return null;
      const spec = kerasModelToSpec(files.modelTopology);
      if (layersWithoutForward(spec).length > 0) return null;
      return new FirstLook(spec, weightsFromManifest(files.weightSpecs ?? [], data));
    } catch {
      return null;
    }
  }

  /** [H, W, C] of the input layer. */
  get inputShape(): number[] {
    const shape = this.spec.layers.find((l) => l.type === 'Input')?.params.shape;
    return Array.isArray(shape) ? [...shape] : [];
  }

  explain(image: Float32Array): Explanation {
    return forwardPass(this.spec, this.weights, image);
  }

  /**
   * A copy with the named weights (`layer/weight`) replaced; names it lacks, or values of
   * another length, are ignored, as the engine's `setWeights` does.
   */
  withWeights(named: ReadonlyMap<string, Float32Array>): FirstLook {
    const next = new Map<string, LayerWeights[]>();
    for (const [layer, list] of this.weights)
      next.set(
        layer,
        list.map((w) => {
          const values = named.get(`${layer}/${w.name}`);
          return values?.length === w.value.data.length
            ? { name: w.name, value: { data: values.slice(), shape: w.value.shape } }
            : w;
        }),
      );
    return new FirstLook(this.spec, next);
  }

  /** Replaces the named weights in place (see `withWeights`); returns the layers that have weights. */
  setWeights(named: ReadonlyMap<string, Float32Array>): Set<string> {
    this.weights = this.withWeights(named).weights;
    return this.layersWithWeights();
  }

  weightShapes(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const [layer, list] of this.weights)
      for (const w of list) out.set(`${layer}/${w.name}`, [...w.value.shape]);
    return out;
  }

  /** Holds no tensors: nothing to free. */
  dispose(): void {}

  /** Layers that have weights. */
  layersWithWeights(): Set<string> {
    return new Set([...this.weights].filter(([, list]) => list.length > 0).map(([layer]) => layer));
  }

  /** Copies of the weights keyed `layer/weight`, as the engine's `getNamedWeights` gives them. */
  namedWeights(): Map<string, Float32Array> {
    const out = new Map<string, Float32Array>();
    for (const [layer, list] of this.weights)
      for (const w of list) out.set(`${layer}/${w.name}`, w.value.data.slice());
    return out;
  }
}

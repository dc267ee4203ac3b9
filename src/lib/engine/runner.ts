/**
 * The engine's `NetRunner`: a tfjs model with its `Explainer`. Built from a spec (weights
 * taken over from earlier runners wherever names and shapes fit) or from model files.
 */
import type { tf } from './tf';
import type { Explanation, NetRunner } from '../tensor/types';
import type { NetworkSpec } from '../spec/types';
import type { WeightPlan } from '../spec/weightPlan';
import { Explainer } from './explain';
import {
  buildModel,
  getNamedWeights,
  setNamedWeights,
  transferWeights,
  weightEntries,
  type TransferSource,
} from './build';
import { loadModelFromArtifacts, type ModelArtifacts } from './io';
import { EngineAttributor } from './attribution/attributor';
import type { Attributor } from '../attribution/types';

export class EngineRunner implements NetRunner {
  private readonly explainer: Explainer;
  private attribution: EngineAttributor | null = null;

  constructor(readonly model: tf.LayersModel) {
    this.explainer = new Explainer(model);
  }

  get inputShape(): number[] {
    return this.explainer.inputShape;
  }

  explain(image: Float32Array): Explanation {
    return this.explainer.explain(image);
  }

  attributor(): Attributor {
    this.attribution ??= new EngineAttributor(this.model, (image) => this.explainer.explain(image));
    return this.attribution;
  }

  namedWeights(): Map<string, Float32Array> {
    return getNamedWeights(this.model);
  }

  weightShapes(): Map<string, number[]> {
    return new Map(weightEntries(this.model).map((w) => [w.name, w.shape]));
  }

  setWeights(named: ReadonlyMap<string, Float32Array>): Set<string> {
    const current = getNamedWeights(this.model);
    for (const [name, values] of named)
      if (current.get(name)?.length === values.length) current.set(name, values);
    setNamedWeights(this.model, current);
    this.explainer.invalidateWeights();
    return new Set(weightEntries(this.model).map((w) => w.layer));
  }

  dispose(): void {
    this.explainer.dispose();
    this.model.dispose();
  }
}

/** Where a rebuilt net may take weights from: an earlier runner, or a bank of saved values. */
export interface WeightSource {
  runner?: NetRunner;
  bank?: { values: ReadonlyMap<string, Float32Array>; shapes: ReadonlyMap<string, number[]> };
  /** Layers of this source whose values are not trained. */
  untrained: ReadonlySet<string>;
}

function transferSource(s: WeightSource): TransferSource {
  // A live engine model is copied tensor to tensor; any other runner hands over its values.
  if (s.runner instanceof EngineRunner) return { model: s.runner.model, untrained: s.untrained };
  const bank = s.runner ? { values: s.runner.namedWeights(), shapes: s.runner.weightShapes() } : s.bank;
  return { bank: bank && { values: new Map(bank.values), shapes: bank.shapes }, untrained: s.untrained };
}

/**
 * Builds `spec` in tfjs and copies in every weight that fits one of `sources` (earlier ones
 * preferred); the rest keep fresh initial values. `between` runs after the build, so a
 * caller can let the browser paint its progress between the two heavy steps; `sources` as a
 * function is read after it, so weights set meanwhile (a reset, a training step) are the ones
 * carried over, with their trained / untrained marks as they are then.
 */
export async function buildRunner(
  spec: NetworkSpec,
  sources: readonly WeightSource[] | (() => readonly WeightSource[]),
  between: () => Promise<void> = async () => undefined,
): Promise<{ runner: EngineRunner; plan: WeightPlan; layersWithWeights: Set<string> }> {
  const model = await buildModel(spec);
  try {
    await between();
    const from = typeof sources === 'function' ? sources() : sources;
    const plan = transferWeights(model, from.map(transferSource));
    const layersWithWeights = new Set(weightEntries(model).map((w) => w.layer));
    return { runner: new EngineRunner(model), plan, layersWithWeights };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** A runner for a net in model files (model.json and weights in memory), with its spec. */
export async function runnerFromArtifacts(
  artifacts: ModelArtifacts,
  where: string,
): Promise<{ runner: EngineRunner; spec: NetworkSpec }> {
  const { model, spec } = await loadModelFromArtifacts(artifacts, where);
  return { runner: new EngineRunner(model), spec };
}

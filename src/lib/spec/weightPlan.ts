/**
 * Which weights a rebuilt net can keep. Each weight of the new net (named `layer/kernel` as
 * tfjs names it) is taken from the first source that has the same name and shape, trained
 * sources first: the current net, then a bank of trained weights (the pretrained model),
 * so undoing an edit brings the trained values back. A layer is untrained when any of its
 * weights is new or comes from a layer that was itself untrained.
 */
import type { Shape } from './types';

export interface WeightEntry {
  layer: string;
  /** Full name, `layer/kernel`. */
  name: string;
  shape: Shape;
}

export interface WeightSource {
  shapes: ReadonlyMap<string, Shape>;
  /** Layers of this source whose values are not trained. */
  untrained: ReadonlySet<string>;
}

export interface WeightPlan {
  /** For each weight name, the index of the source to copy it from. */
  copy: Map<string, number>;
  /** Layers with weights left at their fresh initial values. */
  reinitialised: string[];
  /** Layers whose values are not trained: reinitialised or copied from untrained ones. */
  untrained: Set<string>;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function layerOf(name: string): string {
  const at = name.lastIndexOf('/');
  return at < 0 ? name : name.slice(0, at);
}

export function planWeights(target: readonly WeightEntry[], sources: readonly WeightSource[]): WeightPlan {
  const copy = new Map<string, number>();
  const reinitialised = new Set<string>();
  const untrained = new Set<string>();
  for (const w of target) {
    const fits = sources
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => {
        const shape = s.shapes.get(w.name);
        return shape !== undefined && sameShape(shape, w.shape);
      });
    const trained = fits.find(({ s }) => !s.untrained.has(layerOf(w.name)));
    const pick = trained ?? fits[0];
    if (!pick) {
      reinitialised.add(w.layer);
      untrained.add(w.layer);
      continue;
    }
    copy.set(w.name, pick.i);
    if (!trained) untrained.add(w.layer);
  }
  return { copy, reinitialised: [...reinitialised], untrained };
}

/**
 * The layers that only act while training (Dropout, AlphaDropout, GaussianDropout,
 * GaussianNoise). When the net is used they hand their input on unchanged; while training
 * they change each value at random, as tfjs-layers does:
 * - Dropout(rate p): a value is kept with probability 1 − p and divided by 1 − p, else 0.
 * - AlphaDropout(p): Keras sets a dropped value to α′ = −λα (SELU's negative limit), then maps
 *   every value to a·x + b with a = ((1 − p)(1 + p·α′²))^−½ and b = −a·α′·p, which keeps the
 *   mean and variance of SELU activations. tfjs-layers 4.22 writes the mask term as
 *   (kept − 1)·α′, so its dropped values become −α′ = +λα instead, and the mean shifts by
 *   2·a·λα·p; the app trains with tfjs, so the drawing follows tfjs (the view says so).
 * - GaussianDropout(p): each value is multiplied by noise of mean 1, spread √(p / (1 − p)).
 * - GaussianNoise(σ): noise of mean 0, spread σ, is added.
 * The random draws here come from a seeded generator: an illustration of one training step,
 * never what the engine computes for the picture.
 */
import type { LayerParams } from '../spec/types';
import type { Rng } from '../random';

export type NoiseKind = 'dropout' | 'alphaDropout' | 'gaussianDropout' | 'gaussianNoise';

const KINDS: Record<string, NoiseKind> = {
  Dropout: 'dropout',
  AlphaDropout: 'alphaDropout',
  GaussianDropout: 'gaussianDropout',
  GaussianNoise: 'gaussianNoise',
};

export function noiseKindOf(layerType: string): NoiseKind | null {
  return KINDS[layerType] ?? null;
}

// SELU's constants as tfjs-layers writes them for AlphaDropout.
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

export interface NoiseSettings {
  kind: NoiseKind;
  /** Dropout rates; 0 for GaussianNoise. */
  rate: number;
  /** GaussianNoise's σ, or GaussianDropout's √(p / (1 − p)); 0 for the others. */
  spread: number;
  /** AlphaDropout's α′ (Keras' value for a dropped input), a and b. */
  alphaPrime: number;
  /** What tfjs puts in place of a dropped input before a·x + b: −α′. */
  droppedTo: number;
  a: number;
  b: number;
}

export function noiseSettings(kind: NoiseKind, params: LayerParams): NoiseSettings {
  const rate = typeof params.rate === 'number' ? params.rate : kind === 'alphaDropout' ? 0.1 : 0.5;
  const stddev = typeof params.stddev === 'number' ? params.stddev : 0.1;
  const alphaPrime = -SELU_ALPHA * SELU_SCALE;
  const a = ((1 - rate) * (1 + rate * alphaPrime ** 2)) ** -0.5;
  return {
    kind,
    rate: kind === 'gaussianNoise' ? 0 : rate,
    spread: kind === 'gaussianNoise' ? stddev : kind === 'gaussianDropout' ? Math.sqrt(rate / (1 - rate)) : 0,
    alphaPrime,
    droppedTo: -alphaPrime,
    a,
    b: -a * alphaPrime * rate,
  };
}

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export interface TrainingDraw {
  /** The values one training step would pass on. */
  values: Float32Array;
  /** Dropout and AlphaDropout: which values were dropped. */
  dropped: Uint8Array;
}

/** What one training step might make of these values (a seeded illustration). */
export function trainingDraw(s: NoiseSettings, values: ArrayLike<number>, rng: Rng): TrainingDraw {
  const n = values.length;
  const out = new Float32Array(n);
  const dropped = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i] ?? 0;
    switch (s.kind) {
      case 'dropout': {
        const keep = rng() >= s.rate;
        dropped[i] = keep ? 0 : 1;
        out[i] = keep ? x / (1 - s.rate) : 0;
        break;
      }
      case 'alphaDropout': {
        const keep = rng() >= s.rate;
        dropped[i] = keep ? 0 : 1;
        out[i] = s.a * (keep ? x : s.droppedTo) + s.b;
        break;
      }
      case 'gaussianDropout':
        out[i] = x * (1 + s.spread * normal(rng));
        break;
      case 'gaussianNoise':
        out[i] = x + s.spread * normal(rng);
        break;
    }
  }
  return { values: out, dropped };
}

/** The largest |a − b| over two arrays of the same length (0 when the layer passed values on). */
export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return worst;
}

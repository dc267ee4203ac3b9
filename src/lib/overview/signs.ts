/**
 * Which layers can output negative values, read from the spec alone: it decides between a
 * diverging colour scale (signed) and a sequential one (non-negative). Read generically:
 * an `activation` parameter, whether the layer has weights, and what its inputs are.
 */
import { activationFunction } from '../tensor/activations';

const PROBES = [-1e3, -10, -3, -1, -0.5, -0.1, -1e-3, 0, 1e-3, 0.1, 0.5, 1, 3, 10, 1e3];

export type ActivationSign = 'identity' | 'nonNegative' | 'signed';

/** What an element-wise activation does to the sign; softmax (not element-wise) is non-negative. */
export function activationSign(name: string): ActivationSign {
  if (name.toLowerCase() === 'softmax') return 'nonNegative';
  let f: (x: number) => number;
  try {
    f = activationFunction(name);
  } catch {
    return 'signed';
  }
  if (PROBES.every((x) => f(x) === x)) return 'identity';
  return PROBES.every((x) => f(x) >= 0) ? 'nonNegative' : 'signed';
}

export interface SignInput {
  /** The layer's `activation` parameter, if it has one. */
  activation?: string;
  /** Number of weights (parameters) the layer has. */
  weights: number;
  /** Whether each input layer can be negative; empty for the network's inputs. */
  inputsSigned: boolean[];
}

/**
 * A layer's own activation decides if it has one that is not the identity; otherwise a
 * layer with weights (a weighted sum) is signed, and a weightless one (pooling, flatten,
 * dropout) keeps whatever its inputs can be. Network inputs are images in [0, 1].
 */
export function isSigned(layer: SignInput): boolean {
  const sign = layer.activation === undefined ? 'identity' : activationSign(layer.activation);
  if (sign === 'nonNegative') return false;
  if (sign === 'signed') return true;
  if (layer.weights > 0) return true;
  return layer.inputsSigned.some((s) => s);
}

/**
 * Bidirectional as tfjs-layers runs it: the wrapped layer forwards, a copy with go_backwards
 * flipped, the copy's sequence output turned back into time order, and the two merged
 * (concat, sum, mul or ave). Weights are the engine's `forward_<layer>/…` and `backward_<layer>/…`.
 */
import type { LayerParams } from '../spec/types';
import type { LayerWeights, TensorData } from '../tensor/types';
import { goesBackwards } from '../layers/shared/recurrent';
import {
  recurrentCell,
  recurrentOutput,
  runRecurrent,
  type CellType,
  type RecurrentCell,
  type RecurrentStep,
} from './recurrent';

export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

export interface Direction {
  cell: RecurrentCell;
  goBackwards: boolean;
  steps: RecurrentStep[];
  /** Its output in time order, as merged. */
  output: TensorData;
}

export interface BidirectionalRun {
  forward: Direction;
  backward: Direction;
  mergeMode: MergeMode;
  returnSequences: boolean;
  output: TensorData;
}

const CELLS: readonly CellType[] = ['SimpleRNN', 'GRU', 'LSTM'];

/** Reverses a [T, units] sequence in time. */
function reverseSteps(t: TensorData): TensorData {
  const [steps = 0, units = 0] = t.shape;
  const data = new Float32Array(t.data.length);
  for (let k = 0; k < steps; k++)
    data.set(t.data.subarray(k * units, (k + 1) * units), (steps - 1 - k) * units);
  return { data, shape: t.shape };
}

export function mergeValues(mode: MergeMode, a: number, b: number): number {
  if (mode === 'sum') return a + b;
  if (mode === 'mul') return a * b;
  if (mode === 'ave') return 0.5 * (a + b);
  throw new RangeError('concat does not combine values');
}

export function mergeOutputs(mode: MergeMode, a: TensorData, b: TensorData): TensorData {
  if (mode !== 'concat')
    return {
      data: Float32Array.from(a.data, (v, i) => mergeValues(mode, v, b.data[i] ?? 0)),
      shape: a.shape,
    };
  const units = a.shape[a.shape.length - 1] ?? 0;
  const rows = a.data.length / Math.max(1, units);
  const data = new Float32Array(a.data.length * 2);
  for (let r = 0; r < rows; r++) {
    data.set(a.data.subarray(r * units, (r + 1) * units), r * 2 * units);
    data.set(b.data.subarray(r * units, (r + 1) * units), r * 2 * units + units);
  }
  return { data, shape: [...a.shape.slice(0, -1), 2 * units] };
}

/** The wrapped layer's type and params from a Bidirectional's flat params (`layer`, `layer.units`, …). */
export function wrappedRecurrent(params: LayerParams): {
  type: CellType;
  units: number;
  activation: string;
  returnSequences: boolean;
  goBackwards: boolean;
  mergeMode: MergeMode;
} {
  const type = params.layer as CellType;
  if (!CELLS.includes(type)) throw new Error(`Bidirectional cannot wrap ${String(params.layer)}`);
  return {
    type,
    units: Number(params['layer.units']),
    activation: String(params['layer.activation'] ?? 'tanh'),
    returnSequences: params['layer.returnSequences'] === true,
    goBackwards: goesBackwards(params, 'layer.goBackwards'),
    mergeMode: (params.mergeMode as MergeMode | undefined) ?? 'concat',
  };
}

export function runBidirectional(
  params: LayerParams,
  weights: readonly LayerWeights[],
  input: TensorData,
): BidirectionalRun {
  const w = wrappedRecurrent(params);
  const direction = (prefix: string, goBackwards: boolean, flipBack: boolean): Direction => {
    const cell = recurrentCell(w.type, w, weights, prefix);
    const steps = runRecurrent(cell, input, goBackwards);
    const raw = recurrentOutput(steps, w.returnSequences, w.units);
    return { cell, goBackwards, steps, output: flipBack && w.returnSequences ? reverseSteps(raw) : raw };
  };
  const forward = direction('forward', w.goBackwards, false);
  const backward = direction('backward', !w.goBackwards, true);
  return {
    forward,
    backward,
    mergeMode: w.mergeMode,
    returnSequences: w.returnSequences,
    output: mergeOutputs(w.mergeMode, forward.output, backward.output),
  };
}

/**
 * The recurrent layers (SimpleRNN, GRU, LSTM) recomputed step by step in plain TypeScript,
 * as tfjs-layers 4 runs them, so the view can show every gate and state the engine only
 * keeps inside its loop. Weight blocks along the last axis are in tfjs' order: GRU z, r, h̃
 * (reset before the product, one bias per gate); LSTM i, f, c, o. Gates use tfjs' default
 * recurrent activation, the hard sigmoid clip(0.2·x + 0.5, 0, 1), which our Keras mapping
 * never overrides. The state starts at zero; go_backwards reads the steps last to first.
 */
import type { LayerWeights, TensorData } from '../tensor/types';
import { activationFunction } from '../tensor/activations';

export type CellType = 'SimpleRNN' | 'GRU' | 'LSTM';

/** The gates of each cell, in the kernel's block order. */
export const CELL_GATES: Record<CellType, readonly GateName[]> = {
  SimpleRNN: ['h'],
  GRU: ['z', 'r', 'hh'],
  LSTM: ['i', 'f', 'g', 'o'],
};

/** z/r: GRU update/reset; hh: GRU candidate; i/f/o: LSTM input/forget/output; g: LSTM candidate; h: SimpleRNN state. */
export type GateName = 'z' | 'r' | 'hh' | 'i' | 'f' | 'g' | 'o' | 'h';

/** Gates squashed by the recurrent activation; the others use the layer's activation. */
export const SIGMOID_GATES: ReadonlySet<GateName> = new Set(['z', 'r', 'i', 'f', 'o']);

export interface RecurrentCell {
  type: CellType;
  units: number;
  activation: string;
  /** [features, gates·units] */
  kernel: TensorData;
  /** [units, gates·units] */
  recurrentKernel: TensorData;
  /** [gates·units], or null without bias. */
  bias: Float32Array | null;
}

/** One gate of one unit at one step: its three sums, the sum and the squashed value. */
export interface GateTerms {
  gate: GateName;
  /** x_t · W (column of this gate and unit). */
  input: number;
  /** h_{t−1} · U, or for GRU's candidate (r ⊙ h_{t−1}) · U. */
  recurrent: number;
  bias: number;
  /** input + recurrent + bias */
  sum: number;
  value: number;
}

/** The state after one step, for every unit. */
export interface RecurrentStep {
  /** Position of the step's input in the sequence (reversed order under go_backwards). */
  time: number;
  /** Gate values [gate][unit]. */
  gates: Partial<Record<GateName, Float32Array>>;
  h: Float32Array;
  /** LSTM only. */
  c: Float32Array | null;
}

export const HARD_SIGMOID = activationFunction('hard_sigmoid');

/** The cell of a recurrent layer from its registry params and the engine's weights; `prefix` picks a Bidirectional direction. */
export function recurrentCell(
  type: CellType,
  params: { units: number; activation: string },
  weights: readonly LayerWeights[],
  prefix = '',
): RecurrentCell {
  const find = (name: string) =>
    weights.find((w) =>
      prefix ? w.name.startsWith(prefix) && w.name.endsWith(`/${name}`) : w.name === name,
    );
  const kernel = find('kernel')?.value;
  const recurrentKernel = find('recurrent_kernel')?.value;
  if (!kernel || !recurrentKernel) throw new Error(`the ${type} layer's weights are missing`);
  const gates = CELL_GATES[type].length;
  if (kernel.shape[1] !== gates * params.units || recurrentKernel.shape[0] !== params.units)
    throw new Error(`the ${type} kernels [${kernel.shape.join(', ')}] do not fit ${params.units} units`);
  return { type, ...params, kernel, recurrentKernel, bias: find('bias')?.value.data ?? null };
}

/** x · M[:, col] for a row-major [n, cols] matrix. */
function dotColumn(x: ArrayLike<number>, m: TensorData, col: number): number {
  const cols = m.shape[1] ?? 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] ?? 0) * (m.data[i * cols + col] ?? 0);
  return s;
}

function stepOf(input: TensorData, time: number): Float32Array {
  const f = input.shape[1] ?? 0;
  return Float32Array.from(input.data.subarray(time * f, (time + 1) * f));
}

/** The terms of one gate for one unit, given the step's input and the (possibly reset) state. */
export function gateTerms(
  cell: RecurrentCell,
  gate: GateName,
  unit: number,
  x: ArrayLike<number>,
  state: ArrayLike<number>,
): GateTerms {
  const block = CELL_GATES[cell.type].indexOf(gate);
  const col = block * cell.units + unit;
  const input = dotColumn(x, cell.kernel, col);
  const recurrent = dotColumn(state, cell.recurrentKernel, col);
  const bias = cell.bias?.[col] ?? 0;
  const sum = input + recurrent + bias;
  const f = SIGMOID_GATES.has(gate) ? HARD_SIGMOID : activationFunction(cell.activation);
  return { gate, input, recurrent, bias, sum, value: f(sum) };
}

function allUnits(
  cell: RecurrentCell,
  gate: GateName,
  x: ArrayLike<number>,
  state: ArrayLike<number>,
): Float32Array {
  return Float32Array.from({ length: cell.units }, (_, u) => gateTerms(cell, gate, u, x, state).value);
}

/** Every step in the order the layer processes them. */
export function runRecurrent(cell: RecurrentCell, input: TensorData, goBackwards = false): RecurrentStep[] {
  const steps = input.shape[0] ?? 0;
  let h: Float32Array = new Float32Array(cell.units);
  let c: Float32Array = new Float32Array(cell.units);
  const out: RecurrentStep[] = [];
  for (let k = 0; k < steps; k++) {
    const time = goBackwards ? steps - 1 - k : k;
    const x = stepOf(input, time);
    const gates: RecurrentStep['gates'] = {};
    if (cell.type === 'SimpleRNN') {
      h = allUnits(cell, 'h', x, h);
      gates.h = h;
      out.push({ time, gates, h, c: null });
    } else if (cell.type === 'GRU') {
      const z = allUnits(cell, 'z', x, h);
      const r = allUnits(cell, 'r', x, h);
      const hh = allUnits(cell, 'hh', x, resetState(r, h));
      const prev = h;
      h = Float32Array.from(prev, (p, u) => (z[u] ?? 0) * p + (1 - (z[u] ?? 0)) * (hh[u] ?? 0));
      out.push({ time, gates: { z, r, hh }, h, c: null });
    } else {
      const [i, f, g, o] = (['i', 'f', 'g', 'o'] as const).map((n) => allUnits(cell, n, x, h)) as [
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      const act = activationFunction(cell.activation);
      c = Float32Array.from(c, (prev, u) => (f[u] ?? 0) * prev + (i[u] ?? 0) * (g[u] ?? 0));
      h = Float32Array.from(c, (cu, u) => (o[u] ?? 0) * act(cu));
      out.push({ time, gates: { i, f, g, o }, h, c });
    }
  }
  return out;
}

/** r ⊙ h: the state GRU's candidate reads (tfjs applies the reset before the product). */
export function resetState(r: ArrayLike<number>, h: ArrayLike<number>): Float32Array {
  return Float32Array.from({ length: h.length }, (_, u) => (r[u] ?? 0) * (h[u] ?? 0));
}

/** The state before step k (zeros before the first). */
export function stateBefore(
  steps: readonly RecurrentStep[],
  k: number,
  units: number,
  which: 'h' | 'c',
): Float32Array {
  const prev = k > 0 ? steps[k - 1] : undefined;
  return (which === 'h' ? prev?.h : prev?.c) ?? new Float32Array(units);
}

/**
 * The layer's output as tfjs returns it: the last step's state, or every step's in the order
 * processed (reversed in time under go_backwards, as Keras does; Bidirectional flips its
 * backward half back).
 */
export function recurrentOutput(
  steps: readonly RecurrentStep[],
  returnSequences: boolean,
  units: number,
): TensorData {
  if (!returnSequences)
    return { data: steps[steps.length - 1]?.h ?? new Float32Array(units), shape: [units] };
  const data = new Float32Array(steps.length * units);
  steps.forEach((s, k) => data.set(s.h, k * units));
  return { data, shape: [steps.length, units] };
}

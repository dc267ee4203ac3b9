/**
 * What the article's activation graphs show: each function's name as it is usually written
 * (the same in every language) and an x range that shows its interesting part.
 */
import { sampleActivation, type ActivationSample } from '../tensor/activations';

export interface ActivationPlotData {
  name: string;
  label: string;
  points: ActivationSample[];
  x: [number, number];
  y: [number, number];
}

const LABELS: Record<string, string> = {
  relu: 'ReLU',
  leaky_relu: 'Leaky ReLU',
  elu: 'ELU',
  selu: 'SELU',
  relu6: 'ReLU6',
  sigmoid: 'sigmoid',
  hard_sigmoid: 'hard sigmoid',
  tanh: 'tanh',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'swish',
  hard_swish: 'h-swish',
  linear: 'linear',
};

/** ReLU6's cap at 6 needs a wider window than the others' action around zero. */
const RANGES: Record<string, [number, number]> = { relu6: [-3, 8] };

export function activationPlot(name: string): ActivationPlotData {
  const x = RANGES[name] ?? [-4, 4];
  const points = sampleActivation(name, { from: x[0], to: x[1], count: 121 });
  let lo = Math.min(0, ...points.map((p) => p.y));
  let hi = Math.max(1, ...points.map((p) => p.y));
  // A little headroom so the curve never touches the frame.
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  return { name, label: LABELS[name] ?? name, points, x, y: [lo, hi] };
}

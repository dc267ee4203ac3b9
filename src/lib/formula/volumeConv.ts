/**
 * One Conv3D or 3-D pooling output value, written out as the volume views show it. The conv
 * value at (d, r, c, o) is
 *   Σ_z Σ_ch Σ_y Σ_x x[d·sd − pf + z·dd, r·sh − pt + y·dh, c·sw − pl + x·dw, ch] · K[z, y, x, ch, o] + b[o]
 * grouped as the view writes it: one group per kernel depth slice z and input channel ch,
 * each the 2-D sum of a slice of the window with a slice of the kernel.
 */
import type { LayerParams } from '../spec/types';
import type { LayerWeights, TensorData } from '../tensor/types';
import { findWeight, requireIndex } from '../tensor/layout';
import {
  planVolume,
  readVolume,
  volumeGeometry,
  volumeShape,
  volumeTaps,
  type VolumeGeometry,
  type VolumePlan,
  type VolumePosition,
  type VolumeTap,
} from './volume';
import { activateAt } from './convolution';
import type { PoolKind } from './pooling';

export interface Conv3dParams extends VolumeGeometry {
  activation: string;
}

export interface VolumeCell extends VolumeTap {
  /** The input value; 0 (conv) or null (pooling, which skips it) for padding cells. */
  value: number;
}

/** One kernel depth slice × one input channel: a 2-D sum of products. */
export interface Conv3dGroup {
  kernelDepth: number;
  /** The input depth slice this kernel slice lies on (outside the input under same padding). */
  depth: number;
  inChannel: number;
  cells: VolumeCell[];
  kernel: number[];
  products: number[];
  sum: number;
}

export interface Conv3dResult {
  at: VolumePosition;
  groups: Conv3dGroup[];
  total: number;
  bias: number;
  preActivation: number;
  activation: string;
  value: number;
}

export function conv3dParams(params: LayerParams): Conv3dParams {
  return {
    ...volumeGeometry(params, 'kernelSize'),
    activation: typeof params.activation === 'string' ? params.activation : 'linear',
  };
}

/** Offset of K[z, y, x, ch, o] in the row-major [kd, kh, kw, inC, outC] kernel. */
export function kernel3dIndex(
  shape: readonly number[],
  z: number,
  y: number,
  x: number,
  ch: number,
  o: number,
) {
  const [, kh = 0, kw = 0, inC = 0, outC = 0] = shape;
  return (((z * kh + y) * kw + x) * inC + ch) * outC + o;
}

/** The plan of a Conv3D over this input; checks the kernel matches the params and the input. */
export function conv3dPlan(input: TensorData, kernel: TensorData, params: Conv3dParams): VolumePlan {
  const [d, h, w, c] = volumeShape(input, 'Conv3D input');
  const [kd, kh, kw, kc] = kernel.shape;
  if (
    kernel.shape.length !== 5 ||
    kd !== params.kernel[0] ||
    kh !== params.kernel[1] ||
    kw !== params.kernel[2] ||
    kc !== c
  )
    throw new RangeError(
      `kernel [${kernel.shape.join(', ')}] does not match a ${params.kernel.join('×')} kernel over ${c} channels`,
    );
  return planVolume([d, h, w], params);
}

function sumAt(input: TensorData, kernel: TensorData, taps: readonly VolumeTap[], o: number): number {
  const channels = input.shape[3] ?? 0;
  let total = 0;
  for (const t of taps) {
    if (t.source === 'padding') continue;
    for (let ch = 0; ch < channels; ch++)
      total +=
        readVolume(input, { depth: t.depth, row: t.row, col: t.col, channel: ch }) *
        (kernel.data[kernel3dIndex(kernel.shape, t.kernelDepth, t.kernelRow, t.kernelCol, ch, o)] ?? 0);
  }
  return total;
}

export function conv3dAt(
  input: TensorData,
  weights: readonly LayerWeights[],
  params: Conv3dParams,
  at: VolumePosition,
): Conv3dResult {
  const kernel = findWeight(weights, 'kernel');
  if (!kernel) throw new RangeError('the layer has no kernel weights');
  const biasData = findWeight(weights, 'bias')?.data;
  const plan = conv3dPlan(input, kernel, params);
  const outChannels = kernel.shape[4] ?? 0;
  requireIndex(at.channel, outChannels, 'output channel');
  const taps = volumeTaps(plan, at);
  const perSlice = params.kernel[1] * params.kernel[2];
  const groups: Conv3dGroup[] = [];
  for (let z = 0; z < params.kernel[0]; z++) {
    const slice = taps.slice(z * perSlice, (z + 1) * perSlice);
    for (let ch = 0; ch < (input.shape[3] ?? 0); ch++) {
      const cells = slice.map((t) => ({
        ...t,
        value: t.source === 'input' ? readVolume(input, { ...t, channel: ch }) : 0,
      }));
      const k = slice.map(
        (t) => kernel.data[kernel3dIndex(kernel.shape, z, t.kernelRow, t.kernelCol, ch, at.channel)] ?? 0,
      );
      const products = cells.map((cell, i) => cell.value * (k[i] ?? 0));
      groups.push({
        kernelDepth: z,
        depth: slice[0]?.depth ?? 0,
        inChannel: ch,
        cells,
        kernel: k,
        products,
        sum: products.reduce((a, b) => a + b, 0),
      });
    }
  }
  const total = groups.reduce((a, g) => a + g.sum, 0);
  const bias = biasData?.[at.channel] ?? 0;
  const preActivation = total + bias;
  const all = () =>
    Array.from({ length: outChannels }, (_, o) => sumAt(input, kernel, taps, o) + (biasData?.[o] ?? 0));
  return {
    at,
    groups,
    total,
    bias,
    preActivation,
    activation: params.activation,
    value: activateAt(params.activation, preActivation, all, at.channel),
  };
}

export interface Pool3dCell extends VolumeTap {
  /** null for padding cells, which tfjs leaves out of the pool. */
  value: number | null;
}

export interface Pool3dResult {
  kind: PoolKind;
  at: VolumePosition;
  cells: Pool3dCell[];
  /** The cell max pooling keeps (the first largest, slice by slice, row by row, as tfjs); null for average. */
  pickedIndex: number | null;
  count: number;
  sum: number;
  value: number;
}

export function pool3dPlan(input: TensorData, params: VolumeGeometry): VolumePlan {
  const [d, h, w] = volumeShape(input, '3-D pooling input');
  return planVolume([d, h, w], params);
}

export function pool3dAt(
  input: TensorData,
  params: VolumeGeometry,
  kind: PoolKind,
  at: VolumePosition,
): Pool3dResult {
  const plan = pool3dPlan(input, params);
  requireIndex(at.channel, input.shape[3] ?? 0, 'channel');
  const cells: Pool3dCell[] = volumeTaps(plan, at).map((t) => ({
    ...t,
    value: t.source === 'input' ? readVolume(input, { ...t, channel: at.channel }) : null,
  }));
  let picked: number | null = null;
  let best = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let count = 0;
  for (const [i, cell] of cells.entries()) {
    if (cell.value === null) continue;
    count++;
    sum += cell.value;
    // Strictly greater, as tfjs' kernel: ties keep the earlier cell.
    if (cell.value > best) {
      best = cell.value;
      picked = i;
    }
  }
  if (picked === null && count > 0) picked = cells.findIndex((c) => c.value !== null);
  return {
    kind,
    at,
    cells,
    pickedIndex: kind === 'max' ? picked : null,
    count,
    sum,
    value: kind === 'max' ? best : sum / count,
  };
}

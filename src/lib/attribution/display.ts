/**
 * Each method's result as the one heat map drawn over the input: the values at the input's
 * size (H×W, row-major) with the colour range they are drawn in.
 */
import type { GradCamResult, OcclusionResult, SaliencyResult } from './types';
import { foldChannels, heatRange, isSigned, resizeBilinear } from './heatMaps';
import { occlusionPixelMap } from './occlusionGrid';

export interface HeatDisplay {
  map: Float32Array;
  width: number;
  height: number;
  range: { lo: number; hi: number };
}

/**
 * Saliency: the largest |gradient| over a pixel's channels, ranged by the 99th percentile;
 * gradient × input: the signed sum over the channels, on a diverging scale.
 */
export function saliencyDisplay(r: SaliencyResult): HeatDisplay {
  const [height, width] = r.shape;
  const signed = r.method === 'gradientTimesInput';
  const map = foldChannels(r.attribution, r.shape, signed ? 'sum' : 'maxAbs');
  return { map, width, height, range: heatRange(map, signed) };
}

/** Grad-CAM: the map resized to the input, from 0 to its largest value (as the paper draws it). */
export function camDisplay(r: GradCamResult, height: number, width: number): HeatDisplay {
  const [h, w] = r.shape;
  const map = resizeBilinear(r.cam, h, w, height, width);
  return { map, width, height, range: heatRange(map, false, 1) };
}

/**
 * Occlusion: the mean drop over the patches covering each pixel. Hiding a place can also help
 * the class (a negative drop), so the scale is diverging when that happens.
 */
export function occlusionDisplay(r: OcclusionResult): HeatDisplay {
  const map = occlusionPixelMap(r.drops, r.grid);
  return { map, width: r.grid.width, height: r.grid.height, range: heatRange(map, isSigned(map), 1) };
}

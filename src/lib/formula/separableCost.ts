/**
 * The cost comparison of the MobileNet paper (Howard et al. 2017, section 3.1), with one
 * layer's own numbers. Over an output map of D_F × D_F positions (H × W here), a K × K
 * (D_K × D_K) kernel, M input and N output channels:
 *   standard convolution      D_K·D_K·M·N·D_F·D_F multiply-adds
 *   depthwise + pointwise     D_K·D_K·M·D_F·D_F + M·N·D_F·D_F
 *   ratio                     1/N + 1/D_K²
 * With a depth multiplier d the depthwise step makes M·d channels, so both of its terms and
 * the ratio are d times larger (the paper's d is 1).
 */
import type { NetworkSpec } from '../spec/types';
import { consumersOf, findLayer } from '../spec/graph';
import { inferShapes } from '../spec/inferShapes';
import { getLayerDef } from '../layers/registry';
import { pairParam } from '../tensor/layout';

export interface SeparableShape {
  /** Output map rows and columns (D_F × D_F in the paper). */
  outHeight: number;
  outWidth: number;
  /** Kernel rows and columns (D_K × D_K). */
  kernel: [number, number];
  /** Input channels M. */
  inChannels: number;
  depthMultiplier: number;
  /** Output channels N of the pointwise step. */
  outChannels: number;
}

export interface SeparableCost extends SeparableShape {
  /** One standard convolution with the same window, input and output. */
  standard: number;
  depthwise: number;
  pointwise: number;
  /** depthwise + pointwise. */
  separable: number;
  /** separable / standard. */
  ratio: number;
  /** 1/N + 1/D_K², the paper's closed form (equal to `ratio` when the multiplier is 1). */
  paperRatio: number;
}

export function separableCost(s: SeparableShape): SeparableCost {
  const positions = s.outHeight * s.outWidth;
  const taps = s.kernel[0] * s.kernel[1];
  const middle = s.inChannels * s.depthMultiplier;
  const standard = positions * taps * s.inChannels * s.outChannels;
  const depthwise = positions * taps * middle;
  const pointwise = positions * middle * s.outChannels;
  return {
    ...s,
    standard,
    depthwise,
    pointwise,
    separable: depthwise + pointwise,
    ratio: (depthwise + pointwise) / standard,
    paperRatio: 1 / s.outChannels + 1 / taps,
  };
}

/** Where a depthwise separable convolution is in the spec, and its shape. */
export interface SeparablePair {
  /** The layer doing the depthwise step (a SeparableConv2D does both). */
  depthwiseId: string;
  /** The 1×1 Conv2D doing the pointwise step; null for a SeparableConv2D, or a depthwise with none after it. */
  pointwiseId: string | null;
  /** Layers between the two (batch norm, activations), in order. */
  between: string[];
  shape: SeparableShape;
}

/** Layers that keep every value's place: a depthwise and its pointwise may have them in between. */
function passesThrough(type: string): boolean {
  const def = getLayerDef(type);
  return (
    def?.category === 'Activation' ||
    def?.category === 'Normalization' ||
    def?.category === 'Noise' ||
    type === 'Dropout'
  );
}

function isPointwise(spec: NetworkSpec, id: string): boolean {
  const layer = findLayer(spec, id);
  if (layer?.type !== 'Conv2D') return false;
  const k = pairParam(layer.params.kernelSize, [3, 3]);
  const s = pairParam(layer.params.strides, [1, 1]);
  return k[0] === 1 && k[1] === 1 && s[0] === 1 && s[1] === 1;
}

/** The 1×1 convolution a depthwise layer's output goes to, through one-reader pass-through layers only. */
function pointwiseAfter(spec: NetworkSpec, id: string): { id: string; between: string[] } | null {
  const between: string[] = [];
  let at = id;
  for (let guard = 0; guard < spec.layers.length; guard++) {
    const readers = consumersOf(spec, at);
    const next = readers[0];
    if (readers.length !== 1 || !next || next.inputs.length !== 1) return null;
    if (isPointwise(spec, next.id)) return { id: next.id, between };
    if (!passesThrough(next.type)) return null;
    between.push(next.id);
    at = next.id;
  }
  return null;
}

/** The depthwise layer whose output reaches this 1×1 convolution through pass-through layers only. */
function depthwiseBefore(spec: NetworkSpec, id: string): string | null {
  let at = findLayer(spec, id)?.inputs[0];
  for (let guard = 0; at !== undefined && guard < spec.layers.length; guard++) {
    const layer = findLayer(spec, at);
    if (!layer) return null;
    if (layer.type === 'DepthwiseConv2D') return pointwiseAfter(spec, layer.id)?.id === id ? layer.id : null;
    if (!passesThrough(layer.type) || layer.inputs.length !== 1) return null;
    at = layer.inputs[0];
  }
  return null;
}

/**
 * The depthwise separable convolution a layer takes part in: a SeparableConv2D, a
 * DepthwiseConv2D (with the 1×1 Conv2D after it, if any), or a 1×1 Conv2D after one. Null
 * for any other layer, or when shapes cannot be inferred.
 */
export function separablePairOf(spec: NetworkSpec, layerId: string): SeparablePair | null {
  const layer = findLayer(spec, layerId);
  if (!layer) return null;
  const depthwiseId =
    layer.type === 'SeparableConv2D' || layer.type === 'DepthwiseConv2D'
      ? layerId
      : isPointwise(spec, layerId)
        ? depthwiseBefore(spec, layerId)
        : null;
  const dw = depthwiseId === null ? undefined : findLayer(spec, depthwiseId);
  if (!dw || depthwiseId === null) return null;
  const after = dw.type === 'DepthwiseConv2D' ? pointwiseAfter(spec, depthwiseId) : null;
  const table = inferShapes(spec);
  const info = table.layers.get(depthwiseId);
  if (info?.status !== 'ok') return null;
  const multiplier = typeof dw.params.depthMultiplier === 'number' ? dw.params.depthMultiplier : 1;
  const inChannels = info.inputShapes[0]?.[2] ?? 0;
  const pointwise = after ? table.layers.get(after.id) : undefined;
  const outChannels =
    dw.type === 'SeparableConv2D'
      ? (info.shape[2] ?? 0)
      : pointwise?.status === 'ok'
        ? (pointwise.shape[2] ?? 0)
        : inChannels * multiplier;
  return {
    depthwiseId,
    pointwiseId: after?.id ?? null,
    between: after?.between ?? [],
    shape: {
      outHeight: info.shape[0] ?? 0,
      outWidth: info.shape[1] ?? 0,
      kernel: pairParam(dw.params.kernelSize, [3, 3]),
      inChannels,
      depthMultiplier: multiplier,
      outChannels,
    },
  };
}

/**
 * Variants of a net to compare against it. The depthwise-separable one is MobileNet's
 * trade: a k×k convolution over C channels into F filters becomes a k×k depthwise
 * convolution (one kernel per channel) followed by a 1×1 convolution that mixes channels,
 * which costs about 1/F + 1/k² of the original multiply-adds.
 */
import type { LayerSpec, NetworkSpec } from '../spec/types';
import { inferShapes } from '../spec/inferShapes';
import { getLayerDef } from '../layers/registry';
import { defaultLayerParams, ints } from '../layers/shared/params';
import { takenIds, uniqueId } from './ids';
import { findLayer } from '../spec/graph';
import type { EditResult } from './edits';

const CONV = 'Conv2D';

/** Conv2D layers worth splitting: valid, with a kernel larger than 1×1 and no dilation. */
export function separableCandidates(spec: NetworkSpec): string[] {
  const table = inferShapes(spec);
  return spec.layers
    .filter((l) => {
      if (l.type !== CONV || table.layers.get(l.id)?.status !== 'ok') return false;
      const k = l.params.kernelSize;
      const d = l.params.dilation;
      return Array.isArray(k) && k.some((x) => x > 1) && (!Array.isArray(d) || d.every((x) => x === 1));
    })
    .map((l) => l.id);
}

function withParams(type: string, params: LayerSpec['params']): LayerSpec['params'] {
  const def = getLayerDef(type);
  return def ? { ...defaultLayerParams(def), ...params } : params;
}

/** The net with Conv2D `id` replaced by DepthwiseConv2D + 1×1 Conv2D; consumers read the latter. */
export function depthwiseSeparable(spec: NetworkSpec, id: string): EditResult {
  const conv = findLayer(spec, id);
  if (!conv || conv.type !== CONV)
    return { ok: false, error: { en: `"${id}" is not a Conv2D layer`, zh: `“${id}” 不是 Conv2D 层` } };
  const taken = takenIds(spec);
  const dwId = taken.has(`${id}_dw`) ? uniqueId(taken, `${id}_dw`) : `${id}_dw`;
  taken.add(dwId);
  const pwId = taken.has(`${id}_pw`) ? uniqueId(taken, `${id}_pw`) : `${id}_pw`;
  const p = conv.params;
  const depthwise: LayerSpec = {
    id: dwId,
    type: 'DepthwiseConv2D',
    // MobileNet's depthwise convolutions carry no bias: the pointwise one after them does.
    params: withParams('DepthwiseConv2D', {
      kernelSize: ints(p, 'kernelSize'),
      strides: ints(p, 'strides'),
      padding: p.padding ?? 'valid',
      depthMultiplier: 1,
      activation: 'linear',
      useBias: false,
    }),
    inputs: [...conv.inputs],
  };
  const pointwise: LayerSpec = {
    id: pwId,
    type: CONV,
    params: { ...p, kernelSize: [1, 1], strides: [1, 1], padding: 'valid', dilation: [1, 1] },
    inputs: [dwId],
  };
  const layers = spec.layers.flatMap((l) =>
    l.id === id
      ? [depthwise, pointwise]
      : l.inputs.includes(id)
        ? [{ ...l, inputs: l.inputs.map((i) => (i === id ? pwId : i)) }]
        : [l],
  );
  return { ok: true, spec: { ...spec, layers }, focus: pwId };
}

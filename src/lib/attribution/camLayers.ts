/**
 * Which layers Grad-CAM can look at: every layer with a spatial [H, W, C] output (not the
 * input). The default is the last convolution, taken after the activation that directly
 * follows it (Grad-CAM combines rectified maps), as the paper does with VGG's last conv.
 */
import type { ShapeTable } from '../spec/inferShapes';
import type { NetworkSpec } from '../spec/types';

const CONVOLUTIONS = new Set([
  'Conv2D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'GroupedConv2D',
  'Conv2DTranspose',
  'LocallyConnected2D',
]);
const ACTIVATIONS = new Set(['Activation', 'ReLU', 'LeakyReLU', 'ELU', 'PReLU', 'ReLU6', 'ThresholdedReLU']);
const PASS_THROUGH = new Set([...ACTIVATIONS, 'BatchNormalization', 'Add']);

/** Ids of the layers with a spatial output, in the spec's order. */
export function camLayers(spec: NetworkSpec, shapes: ShapeTable): string[] {
  return spec.layers
    .filter((l) => l.type !== 'Input')
    .filter((l) => {
      const info = shapes.layers.get(l.id);
      return info?.status === 'ok' && info.shape.length === 3 && (info.shape[0] ?? 0) > 1;
    })
    .map((l) => l.id);
}

/** The layer Grad-CAM starts at; null when the net has no spatial layer. */
export function defaultCamLayer(spec: NetworkSpec, shapes: ShapeTable): string | null {
  const eligible = camLayers(spec, shapes);
  const ok = new Set(eligible);
  const convs = spec.layers.filter((l) => ok.has(l.id) && CONVOLUTIONS.has(l.type));
  const last = convs.at(-1);
  if (!last) return eligible.at(-1) ?? null;
  // Walk on through what only normalises, merges or rectifies the maps (BN, a residual Add,
  // ReLU) and take the last activation met: conv → BN → Add → ReLU ends at that ReLU.
  let at = last.id;
  let pick = last.id;
  for (;;) {
    const consumers = spec.layers.filter((l) => l.inputs.includes(at));
    const next = consumers[0];
    if (consumers.length !== 1 || !next || !ok.has(next.id) || !PASS_THROUGH.has(next.type)) break;
    if (!sameShape(shapes, at, next.id)) break;
    at = next.id;
    if (ACTIVATIONS.has(next.type)) pick = next.id;
  }
  return pick;
}

function sameShape(shapes: ShapeTable, a: string, b: string): boolean {
  const x = shapes.layers.get(a);
  const y = shapes.layers.get(b);
  return x?.status === 'ok' && y?.status === 'ok' && x.shape.join() === y.shape.join();
}

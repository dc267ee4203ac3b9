/**
 * The built-in dataset: `perClass` images of each shape class, generated from a seed. Image i
 * has class i mod 10 and its own seed derived from (seed, i), so any image can be drawn alone
 * (a preview) and the same seed always gives the same images, in Node and in the browser.
 */
import { SHAPE_CLASSES } from './classes';
import { DEFAULT_RENDER, imageSeed, renderShape, type RenderOptions } from './render';
import type { ImageSet } from '../imageSet';

export interface ShapesOptions {
  seed: number;
  perClass: number;
  render?: RenderOptions;
}

export function shapeImageAt(
  seed: number,
  index: number,
  render: RenderOptions = DEFAULT_RENDER,
  out?: Uint8Array,
): { pixels: Uint8Array; label: number } {
  const label = index % SHAPE_CLASSES.length;
  return { pixels: renderShape(label, imageSeed(seed, index), render, out), label };
}

export function generateShapes({ seed, perClass, render = DEFAULT_RENDER }: ShapesOptions): ImageSet {
  const count = perClass * SHAPE_CLASSES.length;
  const per = render.size * render.size * 3;
  const pixels = new Uint8Array(count * per);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++)
    labels[i] = shapeImageAt(seed, i, render, pixels.subarray(i * per, (i + 1) * per)).label;
  return { size: render.size, count, pixels, labels, classes: SHAPE_CLASSES.map((c) => c.name) };
}

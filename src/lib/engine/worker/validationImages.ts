/**
 * A run's validation images as the training worker hands them to the validation worker, which
 * makes the kept set (floats, as the net takes them) itself: the built-in shapes by their seed
 * (drawn there, so neither the training worker nor the shapes prefetcher spends time on them),
 * a user's images as their bytes (a quarter of the floats), and only sources that cannot be
 * described so (tests' own) gathered by the training worker as before.
 */
import { shapeImageAt } from '../../data/synthetic/dataset';
import type { RenderOptions } from '../../data/synthetic/render';
import { imageSetSource } from '../../data/imageSet';
import type { NetFeed } from '../../training/netFeed';
import { gatherSet, type KeptSet } from './evaluate';

export type ValidationImages =
  | { kind: 'shapes'; seed: number; render: RenderOptions; indices: Int32Array }
  | { kind: 'pixels'; size: number; pixels: Uint8Array; labels: Int32Array }
  | { kind: 'kept'; set: KeptSet };

/** The buffers a `setup` message can transfer instead of copying. */
export function transfersOf(images: ValidationImages): ArrayBuffer[] {
  switch (images.kind) {
    case 'shapes':
      return [images.indices.buffer as ArrayBuffer];
    case 'pixels':
      return [images.pixels.buffer as ArrayBuffer, images.labels.buffer as ArrayBuffer];
    case 'kept':
      return [images.set.x.buffer as ArrayBuffer, images.set.labels.buffer as ArrayBuffer];
  }
}

/** Images `indices` of an 8-bit set, copied end to end with their labels. */
export function pixelsOf(
  set: { size: number; pixels: Uint8Array; labels: Int32Array },
  indices: ArrayLike<number>,
): ValidationImages {
  const per = set.size * set.size * 3;
  const pixels = new Uint8Array(indices.length * per);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i]!;
    pixels.set(set.pixels.subarray(index * per, (index + 1) * per), i * per);
    labels[i] = set.labels[index]!;
  }
  return { kind: 'pixels', size: set.size, pixels, labels };
}

/** The kept set, as the net takes the images (drawn first for the built-in shapes). */
export function keptSet(images: ValidationImages, feed: NetFeed): KeptSet {
  if (images.kind === 'kept') return images.set;
  let set = images;
  if (set.kind === 'shapes') {
    const { seed, render, indices } = set;
    const per = render.size * render.size * 3;
    const pixels = new Uint8Array(indices.length * per);
    const labels = new Int32Array(indices.length);
    for (let i = 0; i < indices.length; i++)
      labels[i] = shapeImageAt(seed, indices[i]!, render, pixels.subarray(i * per, (i + 1) * per)).label;
    set = { kind: 'pixels', size: render.size, pixels, labels };
  }
  const all = Int32Array.from({ length: set.labels.length }, (_, i) => i);
  return gatherSet(imageSetSource(set), all, feed);
}

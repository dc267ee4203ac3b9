/**
 * A labelled set of square RGB images ready for training: 8-bit pixels laid end to end
 * (HWC per image), a quarter of the memory of floats, converted to [0, 1] a batch at a time.
 */
import type { Localized } from '../spec/types';

export interface ImageSet {
  /** Side of every image in pixels. */
  size: number;
  count: number;
  /** count × size × size × 3 bytes. */
  pixels: Uint8Array;
  labels: Int32Array;
  /** Class names by label. */
  classes: Localized[];
}

/** Writes images `indices` of the set as floats in [0, 1] into `out` (HWC, end to end). */
export function gatherFloats(
  set: ImageSet,
  indices: ArrayLike<number>,
  out = new Float32Array(indices.length * set.size * set.size * 3),
): Float32Array {
  const per = set.size * set.size * 3;
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i]! * per;
    const dst = i * per;
    for (let j = 0; j < per; j++) out[dst + j] = set.pixels[src + j]! / 255;
  }
  return out;
}

/**
 * Random access to labelled images as floats, whether they sit in memory or are drawn on
 * first use (the built-in dataset): all the training loop needs to know about its data.
 */
export interface ImageSource {
  readonly size: number;
  label(index: number): number;
  /** Writes image `index` as floats in [0, 1] (HWC) into `out` from `offset`. */
  write(index: number, out: Float32Array, offset: number): void;
}

export function imageSetSource(set: Pick<ImageSet, 'size' | 'pixels' | 'labels'>): ImageSource {
  const per = set.size * set.size * 3;
  return {
    size: set.size,
    label: (i) => set.labels[i]!,
    write(i, out, offset) {
      const src = i * per;
      for (let j = 0; j < per; j++) out[offset + j] = set.pixels[src + j]! / 255;
    },
  };
}

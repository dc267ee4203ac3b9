/**
 * Training augmentation on preprocessed HWC float images: a random shift (a crop from the
 * image padded by `pad` pixels, padding repeats the edge) and a horizontal flip.
 */
import type { Rng } from '../random';
import { randomInt } from '../random';

export interface AugmentOptions {
  flip: boolean;
  /** Maximum shift in pixels for the random crop; 0 turns it off. */
  cropPad: number;
}

export function augmentImage(
  src: Float32Array,
  size: number,
  opts: AugmentOptions,
  rng: Rng,
  out = new Float32Array(src.length),
): Float32Array {
  const dx = opts.cropPad > 0 ? randomInt(rng, -opts.cropPad, opts.cropPad) : 0;
  const dy = opts.cropPad > 0 ? randomInt(rng, -opts.cropPad, opts.cropPad) : 0;
  const flip = opts.flip && rng() < 0.5;
  for (let y = 0; y < size; y++) {
    const sy = Math.min(size - 1, Math.max(0, y + dy));
    for (let x = 0; x < size; x++) {
      const xx = flip ? size - 1 - x : x;
      const sx = Math.min(size - 1, Math.max(0, xx + dx));
      const s = (sy * size + sx) * 3;
      const o = (y * size + x) * 3;
      out[o] = src[s]!;
      out[o + 1] = src[s + 1]!;
      out[o + 2] = src[s + 2]!;
    }
  }
  return out;
}

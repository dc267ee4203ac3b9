/**
 * Training images as the net's Input takes them: the data sources give RGB in [0, 1] (HWC),
 * and this applies the Input layer's preprocessing — greyscale by luma for a 1-channel net,
 * channel order, value scale, mean and std — with the very function the explainer feeds its
 * images through (`applyPreprocessing`), so a net is trained on what it is later shown.
 */
import type { NetworkSpec } from '../spec/types';
import type { ImageSource } from '../data/imageSet';
import { preprocessingOf } from '../preprocess/netInput';
import { applyPreprocessing, type Preprocessing } from '../preprocess/preprocessing';

export interface NetFeed {
  readonly preprocessing: Preprocessing;
  /** Channels per pixel the net takes (1 or 3). */
  readonly channels: 1 | 3;
  /** Writes one RGB [0, 1] image as the net takes it into `out` from `offset`. */
  put(rgb: Float32Array, out: Float32Array, offset: number): void;
}

/** The feed for `spec`'s Input; a wrong preprocessing param is an error naming it. */
export function netFeed(spec: NetworkSpec): NetFeed {
  const read = preprocessingOf(spec);
  if (!read.ok) throw new Error(read.error.en);
  const p = read.value;
  return {
    preprocessing: p,
    channels: p.channels,
    put: (rgb, out, offset) => out.set(applyPreprocessing(rgb, p), offset),
  };
}

/**
 * Images `indices` of `source` as the net takes them, end to end in `out`
 * (size × size × channels each); `rgb` is scratch for one RGB image.
 */
export function gatherForNet(
  source: ImageSource,
  indices: ArrayLike<number>,
  feed: NetFeed,
  out: Float32Array,
  rgb = new Float32Array(source.size * source.size * 3),
): Float32Array {
  const per = source.size * source.size * feed.channels;
  for (let i = 0; i < indices.length; i++) {
    source.write(indices[i]!, rgb, 0);
    feed.put(rgb, out, i * per);
  }
  return out;
}

/**
 * The channel a "show me" link opens in a layer: the one whose values for the current image
 * reach furthest from 0. Channel 0 may well be dead for the image (a ReLU that never fires, its
 * pooled map), and a learner sent there saw only grids of 0.000 and a legend of 0 to 1e−6.
 */
import type { TensorData } from '../tensor/types';

/** 0 for anything but a spatial layer (H×W×C), where "channel" means a map. */
export function channelToShow(t: TensorData | undefined): number {
  if (!t || t.shape.length !== 3) return 0;
  const channels = t.shape[2] ?? 1;
  let peak: Float32Array;
  if (t.stats && t.stats.max.length === channels) {
    // The worker's per-channel extremes: no pass over a big net's values on the page.
    peak = t.stats.max.map((hi, c) => Math.max(Math.abs(hi), Math.abs(t.stats!.min[c] ?? 0)));
  } else {
    peak = new Float32Array(channels);
    const { data } = t;
    for (let i = 0; i < data.length; i++) {
      const v = Math.abs(data[i]!);
      const c = i % channels;
      if (v > peak[c]!) peak[c] = v;
    }
  }
  let best = 0;
  // NaN never wins a comparison, so a channel of NaNs is passed over.
  for (let c = 1; c < channels; c++) if (peak[c]! > peak[best]!) best = c;
  return best;
}

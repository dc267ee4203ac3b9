/** Thumbnails of a net's input (Compare's A and B, the adversarial example) show the image the user gave, whatever the net's preprocessing. */
import { describe, expect, it } from 'vitest';
import {
  imagePixels,
  netImagePixels,
  netImageRgb,
  overlayPixels,
  perturbationPixels,
  pictureDelta,
} from '../../src/lib/attribution/overlay';
import { applyPreprocessing, type Preprocessing } from '../../src/lib/preprocess/preprocessing';

const W = 3;
const H = 2;
/** Six pixels of distinct colours, RGB in [0, 1] (as `preprocessImage` makes them). */
const RGB = Float32Array.from(
  [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [0.2, 0.4, 0.6],
    [0.9, 0.5, 0.1],
    [0, 0, 0],
  ].flat(),
);
const SHOWN = imagePixels(RGB, 3, W, H);

const caffe: Preprocessing = { channels: 3, order: 'bgr', scale: '0-255', mean: [104, 117, 123], std: [1] };
const torch: Preprocessing = {
  channels: 3,
  order: 'rgb',
  scale: '0-1',
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
};
const signed: Preprocessing = { channels: 3, order: 'rgb', scale: '-1-1', mean: [0], std: [1] };

describe('netImagePixels', () => {
  it.each([
    ['BGR, 0–255, mean subtracted (Caffe)', caffe],
    ['RGB, ImageNet mean and std (PyTorch)', torch],
    ['RGB in [−1, 1]', signed],
  ])('undoes %s: the thumbnail is the image as given', (_, p) => {
    const net = applyPreprocessing(RGB, p);
    // ±1: float32 rounding of the values there and back can tip a .5 byte either way.
    const drawn = netImagePixels(net, p, W, H);
    SHOWN.forEach((v, i) => expect(Math.abs(drawn[i]! - v)).toBeLessThanOrEqual(1));
    // Drawn as if the values were RGB in [0, 1] (as the thumbnails were), the colours are wrong.
    expect(Array.from(imagePixels(net, 3, W, H))).not.toEqual(Array.from(SHOWN));
  });

  it('draws plain RGB as it is, and a one-channel net’s input as grey', () => {
    const plain: Preprocessing = { channels: 3, order: 'rgb', scale: '0-1', mean: [0], std: [1] };
    expect(Array.from(netImagePixels(RGB, plain, W, H))).toEqual(Array.from(SHOWN));
    expect(Array.from(netImagePixels(RGB, null, W, H))).toEqual(Array.from(SHOWN));
    const grey: Preprocessing = { channels: 1, order: 'rgb', scale: '0-255', mean: [0], std: [255] };
    const g = netImagePixels(applyPreprocessing(RGB, grey), grey, W, H);
    for (let p = 0; p < W * H; p++) {
      expect(g[p * 4]).toBe(g[p * 4 + 1]);
      expect(g[p * 4]).toBe(g[p * 4 + 2]);
      expect(g[p * 4 + 3]).toBe(255);
    }
    // Red (luma 0.299) is darker than green (0.587) in grey.
    expect(g[0]).toBeLessThan(g[4]!);
  });

  it('lays a heat map over the picture as given, not over a Caffe net’s BGR 0–255 numbers', () => {
    const net = applyPreprocessing(RGB, caffe);
    const picture = netImageRgb(net, caffe, W, H);
    expect(picture.channels).toBe(3);
    picture.image.forEach((v, i) => expect(v).toBeCloseTo(RGB[i]!, 5));
    // A map of zeros in a signed range leaves only the grey picture: the same as for the plain image.
    const over = (image: Float32Array, channels: number) =>
      overlayPixels({
        image,
        channels,
        width: W,
        height: H,
        map: new Float32Array(W * H),
        range: { lo: -1, hi: 1 },
      });
    const expected = over(RGB, 3);
    over(picture.image, 3).forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(1));
    // The raw values would have been drawn as (nearly) white: what the view did before.
    expect(over(net, 3)).not.toEqual(expected);
    expect(netImageRgb(RGB, null, W, H)).toEqual({ image: RGB, channels: 3 });
  });

  it('draws a Caffe net’s perturbation as the picture’s change: its blue channel in blue, ±ε at the ends', () => {
    // +ε of intensity (255·ε in a 0–255 net) on the net's first channel (blue for BGR).
    const eps = 0.1;
    const delta = new Float32Array(W * H * 3);
    for (let p = 0; p < W * H; p++) delta[p * 3] = 255 * eps;
    const drawn = perturbationPixels(pictureDelta(delta, caffe), 3, W, H, eps);
    expect([drawn[0], drawn[1], drawn[2]]).toEqual([128, 128, 255]);
    // The same change as the net's numbers: saturated and in red (what the view drew before).
    const raw = perturbationPixels(delta, 3, W, H, eps);
    expect([raw[0], raw[1], raw[2]]).toEqual([255, 128, 128]);
    // ImageNet's std: a change of 1/std in the net is one unit of the picture.
    const d2 = Float32Array.from({ length: W * H * 3 }, (_, i) => 0.05 / torch.std[i % 3]!);
    pictureDelta(d2, torch).forEach((v) => expect(v).toBeCloseTo(0.05, 6));
    expect(pictureDelta(delta, null)).toBe(delta);
  });
});

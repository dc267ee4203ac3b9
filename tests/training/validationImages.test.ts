/**
 * The validation worker makes a run's validation images itself from what the training worker
 * describes (validationImages.ts): they must be exactly the images, labels and preprocessing the
 * training worker would have gathered.
 */
import { describe, expect, it } from 'vitest';
import { LazyShapes } from '../../src/lib/data/synthetic';
import { imageSetSource } from '../../src/lib/data/imageSet';
import { gatherSet } from '../../src/lib/engine/worker/evaluate';
import { keptSet, pixelsOf, transfersOf } from '../../src/lib/engine/worker/validationImages';
import { netFeed } from '../../src/lib/training/netFeed';
import { smallConvNet } from '../fixtures/smallConvNet';
import type { NetworkSpec } from '../../src/lib/spec/types';

const SIZE = 16;
const render = { size: SIZE, maxNoise: 0.05, spread: 0.3 };
const indices = Int32Array.from({ length: 30 }, (_, i) => 90 + i * 2);

/** The same net taking greyscale images (1 channel, by luma). */
function greyscale(spec: NetworkSpec): NetworkSpec {
  return {
    ...spec,
    layers: spec.layers.map((l) =>
      l.type === 'Input' ? { ...l, params: { ...l.params, shape: [SIZE, SIZE, 1] } } : l,
    ),
  };
}

describe('validation images made by the validation worker', () => {
  it('draws the built-in shapes from their seed as the training worker would gather them', () => {
    const spec = smallConvNet(SIZE, 10, 'output');
    const feed = netFeed(spec);
    const expected = gatherSet(new LazyShapes(7, 200, render), indices, feed);
    const made = keptSet({ kind: 'shapes', seed: 7, render, indices: indices.slice() }, feed);
    expect(made.shape).toEqual(expected.shape);
    expect([...made.labels]).toEqual([...expected.labels]);
    expect(made.x).toEqual(expected.x);
    // Another seed gives other images: the seed is really used.
    const other = keptSet({ kind: 'shapes', seed: 8, render, indices: indices.slice() }, feed);
    expect(other.x).not.toEqual(expected.x);
  });

  it("makes a user's images from their copied bytes, through the net's own feed", () => {
    const count = 150;
    const per = SIZE * SIZE * 3;
    const pixels = Uint8Array.from({ length: count * per }, (_, i) => (i * 37 + (i >> 5)) % 256);
    const labels = Int32Array.from({ length: count }, (_, i) => (i * 7) % 5);
    const set = { size: SIZE, pixels, labels };
    const nets = [smallConvNet(SIZE, 5, 'output'), greyscale(smallConvNet(SIZE, 5, 'output'))];
    expect(nets.map((n) => netFeed(n).channels)).toEqual([3, 1]);
    for (const spec of nets) {
      const feed = netFeed(spec);
      const expected = gatherSet(imageSetSource(set), indices, feed);
      const described = pixelsOf(set, indices);
      // Only the validation images' bytes travel.
      expect(described.kind === 'pixels' && described.pixels.length).toBe(indices.length * per);
      const made = keptSet(described, feed);
      expect(made.shape).toEqual(expected.shape);
      expect([...made.labels]).toEqual([...expected.labels]);
      expect(made.x).toEqual(expected.x);
    }
  });

  it('transfers the buffers it sends', () => {
    const d = pixelsOf({ size: 2, pixels: new Uint8Array(24), labels: new Int32Array(2) }, [1]);
    expect(transfersOf(d)).toHaveLength(2);
    if (d.kind === 'pixels') expect(transfersOf(d)).toEqual([d.pixels.buffer, d.labels.buffer]);
  });
});

/** A run's validation set: gathered once and kept, giving what a fresh gather gives. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { evaluateSource, validationSet } from '../../src/lib/engine/worker/evaluate';
import { LazyShapes } from '../../src/lib/data/synthetic';
import type { ImageSource } from '../../src/lib/data/imageSet';
import { netFeed } from '../../src/lib/training/netFeed';
import { smallConvNet } from '../fixtures/smallConvNet';

const SIZE = 16;
const spec = smallConvNet(SIZE, 10, 'output');

/** The shapes, counting the images written (so a second gather would show). */
function countingShapes(): { source: ImageSource; writes: () => number } {
  const shapes = new LazyShapes(4, 150, { size: SIZE, maxNoise: 0.05, spread: 0.3 });
  let writes = 0;
  return {
    source: {
      size: shapes.size,
      label: (i) => shapes.label(i),
      write: (i, out, offset) => {
        writes++;
        shapes.write(i, out, offset);
      },
    },
    writes: () => writes,
  };
}

describe('validationSet', () => {
  beforeAll(async () => {
    await initBackend({ order: ['wasm'] });
  });

  it('gathers its images once and evaluates as evaluateSource does, chunk edges included', async () => {
    const model = await buildModel(spec);
    const feed = netFeed(spec);
    // 130 images: two full chunks of 64 and a short one.
    const indices = Int32Array.from({ length: 130 }, (_, i) => 149 - i);
    const { source, writes } = countingShapes();
    const evaluate = validationSet(source, indices, 10, feed);
    const before = tf.memory().numTensors;
    const first = evaluate(model);
    const second = evaluate(model);
    expect(writes()).toBe(130);
    expect(tf.memory().numTensors).toBe(before);
    const ref = evaluateSource(model, source, indices, 10, feed);
    for (const got of [first, second]) {
      expect(got.accuracy).toBe(ref.accuracy);
      expect(got.loss).toBeCloseTo(ref.loss, 6);
      expect(got.confusion).toEqual(ref.confusion);
    }
    // Trained a little in between, the kept set gives the new model's figures, not stale ones.
    const probe = model.layers[model.layers.length - 1]!;
    tf.tidy(() => probe.setWeights(probe.getWeights().map((w) => tf.mul(w, 0))));
    const flat = evaluate(model);
    expect(flat.loss).toBeCloseTo(Math.log(10), 4);
    model.dispose();
  });
});

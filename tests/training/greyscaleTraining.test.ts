/**
 * A greyscale net (LeNet-5 on 28×28×1) trains on images turned to one channel by the same
 * luma conversion the explainer feeds it through, and every net is trained on its Input's
 * preprocessing (BGR, scale, mean/std), not on plain RGB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, getNamedWeights } from '../../src/lib/engine/build';
import { TrainingSession } from '../../src/lib/engine/worker/session';
import { LazyShapes } from '../../src/lib/data/synthetic';
import { imageSetSource } from '../../src/lib/data/imageSet';
import { DEFAULT_CONFIG } from '../../src/lib/training/config';
import type { FromWorker } from '../../src/lib/training/protocol';
import { gatherForNet, netFeed } from '../../src/lib/training/netFeed';
import { imageForNet } from '../../src/lib/preprocess/netInput';
import { withPreprocessing } from '../../src/lib/preprocess/preprocessingMeta';
import { lenet5Spec } from '../../src/lib/zoo/lenet5';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../../src/lib/spec/types';

/** The zoo's LeNet-5 (32×32×1) on 28×28×1 inputs, MNIST-sized: C1 pads by 2, as for MNIST. */
const lenet: NetworkSpec = {
  ...lenet5Spec(10),
  layers: lenet5Spec(10).layers.map((l) =>
    l.type === 'Input'
      ? { ...l, params: { ...l.params, shape: [28, 28, 1] } }
      : l.id === 'c1'
        ? { ...l, params: { ...l.params, padding: 'same' } }
        : l,
  ),
};

/** Two 28×28 images: a red square on blue, and a plain mid grey, as 8-bit RGB. */
function twoImages(size: number): Uint8Array {
  const per = size * size * 3;
  const px = new Uint8Array(2 * per);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const inside = x > 5 && x < 20 && y > 5 && y < 20;
      px.set(inside ? [230, 20, 10] : [0, 40, 200], i);
      px.set([128, 128, 128], per + i);
    }
  return px;
}

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

describe('training batches as the net takes them', () => {
  it("LeNet-5's batch is 28×28×1, each value the explainer's luma of the pixel", () => {
    const input = lenet.layers.find((l) => l.type === 'Input');
    expect(input?.params.shape).toEqual([28, 28, 1]);
    const pixels = twoImages(28);
    const source = imageSetSource({ size: 28, pixels, labels: Int32Array.of(0, 1) });
    const feed = netFeed(lenet);
    expect(feed.channels).toBe(1);
    const batch = gatherForNet(source, [0, 1], feed, new Float32Array(2 * 28 * 28));
    // Each image exactly as the explainer feeds the same picture to the net.
    for (const k of [0, 1]) {
      const raw = {
        width: 28,
        height: 28,
        channels: 3 as const,
        data: pixels.subarray(k * 2352, (k + 1) * 2352),
      };
      const shown = imageForNet(raw, lenet, 28, 'crop');
      expect(shown.length).toBe(784);
      const fed = batch.subarray(k * 784, (k + 1) * 784);
      for (let i = 0; i < 784; i++) expect(fed[i]).toBeCloseTo(shown[i]!, 5);
    }
    // Luma (BT.601) of the red square and the blue ground; the grey stays 128/255.
    expect(batch[10 * 28 + 10]).toBeCloseTo((0.299 * 230 + 0.587 * 20 + 0.114 * 10) / 255, 5);
    expect(batch[0]).toBeCloseTo((0.587 * 40 + 0.114 * 200) / 255, 5);
    expect(batch[784]).toBeCloseTo(128 / 255, 5);
  });

  it('a colour net with BGR 0–255 and a mean is fed that, not plain RGB', () => {
    const spec = withPreprocessing(
      tinyVggSpec(10, 28),
      { channelOrder: 'bgr', valueScale: '0-255', mean: [100, 110, 120], std: [1] },
      'test',
    );
    const source = imageSetSource({ size: 28, pixels: twoImages(28), labels: Int32Array.of(0, 1) });
    const batch = gatherForNet(source, [0], netFeed(spec), new Float32Array(28 * 28 * 3));
    // The blue ground's first pixel, B G R minus the mean.
    expect([...batch.subarray(0, 3)].map((v) => Math.round(v * 1000) / 1000)).toEqual([100, -70, -120]);
  });
});

describe('training a greyscale net', () => {
  it('LeNet-5 on 28×28×1 runs training steps and a validation with finite loss, freeing its tensors', async () => {
    const shapes = new LazyShapes(5, 48, { size: 28, maxNoise: 0.05, spread: 0.3 });
    const model = await buildModel(lenet);
    const weights = getNamedWeights(model);
    model.dispose();
    const before = tf.memory().numTensors;
    const messages: FromWorker[] = [];
    const session = new TrainingSession(
      lenet,
      weights,
      10,
      {
        train: shapes,
        trainIndices: Int32Array.from({ length: 32 }, (_, i) => i),
        validation: shapes,
        validationIndices: Int32Array.from({ length: 16 }, (_, i) => 32 + i),
      },
      { ...DEFAULT_CONFIG, batchSize: 8, epochs: 1, flip: true, cropPad: 2 },
      (m) => messages.push(m),
    );
    await session.run();
    expect(tf.memory().numTensors).toBe(before);
    const errors = messages.filter((m) => m.type === 'error');
    expect(errors).toEqual([]);
    const steps = messages.flatMap((m) => (m.type === 'step' ? [m.record] : []));
    expect(steps).toHaveLength(4);
    expect(steps.every((s) => Number.isFinite(s.loss))).toBe(true);
    const last = messages.at(-1);
    expect(last?.type).toBe('finished');
    if (last?.type === 'finished')
      expect(last.evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(16);
  }, 120_000);
});

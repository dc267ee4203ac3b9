/**
 * The model zoo: every published parameter count is reproduced by shape inference, and
 * every net tfjs can build gives tfjs the same counts and output shape.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { tf } from '../../src/lib/engine/tf';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { product } from '../../src/lib/layers/shared/windowMath';
import { ZOO, ZOO_CARDS, zooCounts, zooEntry } from '../../src/lib/zoo/index';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

/**
 * Nets too slow to initialise in a unit test on a busy CPU; their counts are still checked
 * through shape inference, and ResNet-18 builds the same kinds of layers as ResNet-50.
 */
const TOO_LARGE_TO_BUILD = new Set(['vgg16', 'resnet50']);

describe('model zoo', () => {
  it('has the twelve architectures, each with a complete card', () => {
    expect(ZOO_CARDS.map((c) => c.id)).toEqual([
      'tinyvgg',
      'resnet8',
      'mobilenet-cifar',
      'lenet5',
      'alexnet',
      'vgg16',
      'resnet18',
      'resnet50',
      'mobilenet',
      'mobilenetv2',
      'mobilenetv3small',
      'lstm-text',
    ]);
    for (const c of ZOO_CARDS) {
      expect(c.paper.title.length, c.id).toBeGreaterThan(5);
      expect(c.paper.authors.length, c.id).toBeGreaterThan(5);
      expect(c.year).toBeGreaterThan(1990);
      expect(c.idea.en.split(/(?<=\.) /).length, `${c.id} idea`).toBe(2);
      expect(c.idea.zh.split('。').filter(Boolean).length, `${c.id} zh idea`).toBe(2);
    }
  });

  it.each(ZOO_CARDS.filter((c) => c.published).map((c) => [c.id, c] as const))(
    '%s reproduces its published parameter count',
    (id, card) => {
      const counts = zooCounts(zooEntry(id)!.spec());
      expect(counts.valid).toBe(true);
      const published = card.published!;
      expect(published.counts === 'all' ? counts.params : counts.trainable).toBe(published.params);
    },
  );

  it('counts the published numbers exactly', () => {
    const byId = Object.fromEntries(ZOO_CARDS.map((c) => [c.id, c.published?.params]));
    expect(byId).toMatchObject({
      vgg16: 138_357_544,
      resnet50: 25_636_712,
      mobilenet: 4_253_864,
      mobilenetv2: 3_538_984,
      mobilenetv3small: 2_554_968,
      resnet18: 11_689_512,
      alexnet: 60_965_224,
    });
    // VGG-16 through shape inference directly, as the views read it.
    const table = inferShapes(zooEntry('vgg16')!.spec());
    const params = [...table.layers.values()].reduce((s, i) => s + (i.status === 'ok' ? i.params : 0), 0);
    expect(params).toBe(138_357_544);
  });

  it('counts the nets without a published number by hand', () => {
    // TinyVGG 64×64: 280 + 3·910 conv weights, 13·13·10·10 + 10 dense.
    expect(zooCounts(tinyVggSpec(10, 64)).params).toBe(280 + 3 * 910 + 13 * 13 * 10 * 10 + 10);
    // LeNet-5 with a full C3: 156 + 2,416 + 48,120 + 10,164 + 850.
    expect(zooCounts(zooEntry('lenet5')!.spec()).params).toBe(61_706);
    // Embedding 10,000×32, LSTM 4·(32·(32 + 32) + 32), Dense 32·2 + 2.
    expect(zooCounts(zooEntry('lstm-text')!.spec()).params).toBe(320_000 + 8_320 + 66);
  });

  it('runs every net of the zoo', () => {
    const runnable = Object.fromEntries(ZOO.map((e) => [e.card.id, zooCounts(e.spec()).runnable]));
    // The engine registers what tfjs lacks: MobileNetV3's hard_swish activation, AlexNet's
    // grouped convolutions and LRN.
    expect(Object.values(runnable).every(Boolean)).toBe(true);
    expect(runnable).toMatchObject({ alexnet: true, mobilenetv3small: true, vgg16: true, resnet50: true });
  });

  it('refuses, with the layer named, a net with a layer tfjs lacks', async () => {
    const spec = zooEntry('tinyvgg')!.spec();
    const relu = spec.layers.findIndex((l) => l.id === 'relu_1_1');
    spec.layers[relu] = { ...spec.layers[relu]!, type: 'ActivityRegularization', params: { l1: 0, l2: 0 } };
    await expect(buildModel(spec)).rejects.toThrow(/relu_1_1: ActivityRegularization/);
  });

  it.each(
    ZOO.filter((e) => zooCounts(e.spec()).runnable && !TOO_LARGE_TO_BUILD.has(e.card.id)).map(
      (e) => [e.card.id, e] as const,
    ),
  )('%s builds in tfjs with the same counts and output shape', async (_id, entry) => {
    const spec = entry.spec();
    const counts = zooCounts(spec);
    const table = inferShapes(spec);
    const last = table.layers.get(spec.layers[spec.layers.length - 1]!.id);
    const model = await buildModel(spec);
    try {
      expect(model.countParams()).toBe(counts.params);
      expect(model.trainableWeights.reduce((s, w) => s + product(w.shape as number[]), 0)).toBe(
        counts.trainable,
      );
      expect(model.outputs[0]!.shape.slice(1)).toEqual(last?.status === 'ok' ? last.shape : null);
    } finally {
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(0);
  });
});

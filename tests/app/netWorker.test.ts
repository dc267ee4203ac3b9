/**
 * The net worker's protocol and logic, in Node: the page's client and `WorkerRunner` talk to
 * the worker's handler through a port that clones messages as `postMessage` does (transferred
 * buffers are detached), and what comes back must equal what the page's own engine computes.
 */
import { channelStats } from '../../src/lib/colour/ranges';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildRunner } from '../../src/lib/engine/runner';
import type { NetWorkerHandler } from '../../src/lib/engine/worker/netHandler';
import type { NetWorkerClient } from '../../src/app/net/netWorkerClient';
import { handlerClient } from './handlerPort';
import { WorkerRunner } from '../../src/app/net/workerRunner';
import { banksFor, inputSizeOf, runsInWorker } from '../../src/app/net/workerChoice';
import { LatestExplanation } from '../../src/app/net/latestExplanation';
import { resnetCifarSpec } from '../../src/lib/zoo/resnetCifar';
import { mobilenetCifarSpec } from '../../src/lib/zoo/mobilenetCifar';
import { resnet18Spec } from '../../src/lib/zoo/resnet18';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../../src/lib/spec/types';
import type { Explanation, NetRunner } from '../../src/lib/tensor/types';
import { createRng } from '../../src/lib/random';
import { imageForNet, netInputPlan } from '../../src/lib/preprocess/netInput';
import { withPreprocessing } from '../../src/lib/preprocess/preprocessingMeta';

function client(): { client: NetWorkerClient; handler: NetWorkerHandler } {
  return handlerClient();
}

function image(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size * size * 3 }, () => rng());
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return a.length === b.length ? m : Infinity;
}

function expectSameExplanation(worker: Explanation, page: Explanation, spec: NetworkSpec): void {
  for (const layer of spec.layers) {
    const w = worker.activations.get(layer.id);
    const p = page.activations.get(layer.id);
    expect(w?.shape, layer.id).toEqual(p?.shape);
    expect(maxDiff(w!.data, p!.data), layer.id).toBeLessThan(1e-4);
    // The channel ranges the worker sends along are those of the data it sent (the input is the page's own).
    if (w!.stats) {
      const own = channelStats(w!.data, w!.shape.at(-1) ?? 1);
      expect([...w!.stats.min], layer.id).toEqual([...own.min]);
      expect([...w!.stats.max], layer.id).toEqual([...own.max]);
    }
  }
  const sent = spec.layers.filter((l) => worker.activations.get(l.id)?.stats).length;
  expect(sent).toBe(spec.layers.length - 1);
  expect(maxDiff(worker.probabilities, page.probabilities)).toBeLessThan(1e-4);
  expect([...worker.weights.keys()].sort()).toEqual([...page.weights.keys()].sort());
  for (const [layer, list] of page.weights)
    expect(
      worker.weights.get(layer)?.map((w) => [w.name, w.value.shape]),
      layer,
    ).toEqual(list.map((w) => [w.name, w.value.shape]));
}

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('net worker', () => {
  it.each([
    ['ResNet-8 (branches, batch norm)', resnetCifarSpec(10, 1)],
    ['MobileNet-CIFAR (depthwise)', mobilenetCifarSpec()],
  ])(
    '%s: built in the worker with random weights, every activation equals the page engine’s with those weights; no tensor left',
    async (_, spec) => {
      const start = tf.memory().numTensors;
      const { client: c, handler } = client();
      const size = inputSizeOf(spec);
      const input = image(size, 3);
      const built = await WorkerRunner.build(c, spec, { image: input });
      // The caller's image was copied, not moved to the worker.
      expect(input.length).toBe(size * size * 3);
      expect(built.explanation?.activations.get(spec.layers[0]!.id)?.data).toBe(input);
      // Random weights: every layer with weights is untrained.
      expect(built.layersWithWeights.size).toBeGreaterThan(0);
      expect([...built.untrained].sort()).toEqual([...built.layersWithWeights].sort());

      const page = await buildRunner(spec, [
        {
          bank: { values: built.runner.namedWeights(), shapes: built.runner.weightShapes() },
          untrained: new Set(),
        },
      ]);
      const onPage = page.runner.explain(input);
      expectSameExplanation(built.explanation!, onPage, spec);
      // A second image through explainAsync agrees too.
      const other = image(size, 4);
      expectSameExplanation(await built.runner.explainAsync(other), page.runner.explain(other), spec);
      page.runner.dispose();

      built.runner.dispose();
      await c.request({ type: 'dispose', model: 999 }); // in order: answered after the dispose above
      expect(handler.modelCount).toBe(0);
      expect(tf.memory().numTensors).toBe(start);
    },
    60_000,
  );

  it('takes given values by name and weights from banks where names and shapes fit; the caller’s arrays stay whole', async () => {
    const spec = resnetCifarSpec(10, 1);
    const { client: c } = client();
    const first = await WorkerRunner.build(c, spec, {});
    const values = first.runner.namedWeights();
    // Given values: set in the worker and in the page's copy; arrays handed over are not detached.
    const name = [...values.keys()].find((n) => n.endsWith('/kernel'))!;
    const given = new Map([[name, values.get(name)!.map((_, i) => (i % 5) / 10)]]);
    const second = await WorkerRunner.build(c, spec, { given });
    expect(given.get(name)!.length).toBe(values.get(name)!.length);
    expect(maxDiff(second.runner.namedWeights().get(name)!, given.get(name)!)).toBe(0);
    // A bank (the first net): every weight taken over; the rebuilt net says none is re-initialised.
    const third = await WorkerRunner.build(c, spec, {
      banks: banksFor(first.runner, new Set(), undefined),
    });
    for (const [n, v] of values) expect(maxDiff(third.runner.namedWeights().get(n)!, v), n).toBe(0);
    expect(third.reinitialised).toEqual([]);
    expect(third.untrained.size).toBe(0);
    // The source runner is untouched by the move of its copies.
    expect(maxDiff(first.runner.namedWeights().get(name)!, values.get(name)!)).toBe(0);
    for (const r of [first, second, third]) r.runner.dispose();
  }, 60_000);

  it('setWeights reaches the worker before the next explanation; a page engine with the same values agrees', async () => {
    const spec = resnetCifarSpec(10, 1);
    const { client: c } = client();
    const { runner } = await WorkerRunner.build(c, spec, {});
    const page = await buildRunner(spec, []);
    const layers = runner.setWeights(page.runner.namedWeights());
    expect([...layers].sort()).toEqual([...page.layersWithWeights].sort());
    const input = image(inputSizeOf(spec), 9);
    expectSameExplanation(await runner.explainAsync(input), page.runner.explain(input), spec);
    page.runner.dispose();
    runner.dispose();
  }, 60_000);

  it('explainImageAsync makes the input in the worker: the same values as imageForNet on the page, and the page engine’s explanation of them', async () => {
    // A net with its own preprocessing (BGR, 0–255, per-channel mean and std), so the plan carries it.
    const spec = withPreprocessing(
      resnetCifarSpec(10, 1),
      { channelOrder: 'bgr', valueScale: '0-255', mean: [100, 110, 120], std: [50, 60, 70] },
      'test',
    );
    const size = inputSizeOf(spec);
    const rng = createRng(5);
    const data = Uint8ClampedArray.from({ length: 45 * 37 * 4 }, () => Math.floor(rng() * 256));
    const raw = { width: 45, height: 37, data, channels: 4 as const };
    const start = tf.memory().numTensors;
    const { client: c } = client();
    const { runner } = await WorkerRunner.build(c, spec, {});
    const page = await buildRunner(spec, [
      { bank: { values: runner.namedWeights(), shapes: runner.weightShapes() }, untrained: new Set() },
    ]);
    for (const fit of ['crop', 'letterbox'] as const) {
      const expected = imageForNet(raw, spec, size, fit);
      const { input, explanation } = await runner.explainImageAsync(raw, netInputPlan(spec, size, fit));
      expect(maxDiff(input, expected), fit).toBe(0);
      expect(explanation.activations.get(spec.layers[0]!.id)?.data).toBe(input);
      expectSameExplanation(explanation, page.runner.explain(expected), spec);
    }
    // The caller's pixels were copied, not moved to the worker.
    expect(raw.data.length).toBe(45 * 37 * 4);
    // LatestExplanation delivers the input with its explanation, for a page runner as for this one.
    const got: Float32Array[] = [];
    const latest = new LatestExplanation();
    const plan = netInputPlan(spec, size, 'crop');
    latest.requestImage(page.runner, raw, plan, (_, input) => got.push(input));
    await new Promise<void>((resolve) =>
      latest.requestImage(runner, raw, plan, (_, input) => (got.push(input), resolve())),
    );
    expect(got.map((g) => maxDiff(g, imageForNet(raw, spec, size, 'crop')))).toEqual([0, 0]);
    page.runner.dispose();
    runner.dispose();
    await c.request({ type: 'dispose', model: 999 }); // in order: answered after the dispose above
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);

  it('a request the worker cannot answer rejects with the reason; the sync explain says to use explainAsync', async () => {
    const { client: c } = client();
    await expect(c.request({ type: 'explain', model: 42, image: new Float32Array(3) })).rejects.toThrow(
      'the net worker holds no model 42',
    );
    const broken: NetworkSpec = {
      name: 'broken',
      layers: [{ id: 'd', type: 'Dense', inputs: ['nowhere'], params: { units: 2 } }],
    };
    await expect(WorkerRunner.build(c, broken, {})).rejects.toThrow();
    const { runner } = await WorkerRunner.build(c, resnetCifarSpec(10, 1), {});
    expect(() => runner.explain()).toThrow(/explainAsync/);
    c.fail('the worker crashed');
    await expect(runner.explainAsync(image(32, 1))).rejects.toThrow('the worker crashed');
  }, 60_000);
});

describe('which nets run in the worker', () => {
  it('the 224-pixel zoo nets do, TinyVGG and the CIFAR-10 nets stay on the page', () => {
    expect(runsInWorker(resnet18Spec())).toBe(true);
    expect(runsInWorker(mobilenetV2Spec())).toBe(true);
    expect(runsInWorker(tinyVggSpec())).toBe(false);
    expect(runsInWorker(resnetCifarSpec(10, 1))).toBe(false);
    expect(runsInWorker(mobilenetCifarSpec())).toBe(false);
    expect(inputSizeOf(resnet18Spec())).toBe(224);
  });

  it('so does a net with few multiply-adds but many weights (an imported dense head)', () => {
    const dense = (units: number): NetworkSpec => ({
      name: 'dense head',
      layers: [
        { id: 'input', type: 'Input', params: { shape: [32, 32, 3] }, inputs: [] },
        { id: 'flat', type: 'Flatten', params: {}, inputs: ['input'] },
        {
          id: 'fc',
          type: 'Dense',
          params: { units, activation: 'softmax', useBias: true },
          inputs: ['flat'],
        },
      ],
    });
    // 3,072 inputs: 1,400 units are 4.3 M weights (and as many multiply-adds), 1,200 are 3.7 M.
    expect(runsInWorker(dense(1400))).toBe(true);
    expect(runsInWorker(dense(1200))).toBe(false);
  });
});

describe('LatestExplanation', () => {
  it('delivers only the latest request’s answer, however the answers arrive', async () => {
    const resolvers: ((e: Explanation) => void)[] = [];
    const runner = {
      explainAsync: () => new Promise<Explanation>((r) => resolvers.push(r)),
    } as unknown as NetRunner;
    const latest = new LatestExplanation();
    const got: number[] = [];
    const e = (n: number) => ({
      activations: new Map(),
      probabilities: Float32Array.of(n),
      weights: new Map(),
    });
    latest.request(runner, new Float32Array(), (x) => got.push(x.probabilities[0]!));
    latest.request(runner, new Float32Array(), (x) => got.push(x.probabilities[0]!));
    resolvers[1]!(e(2));
    resolvers[0]!(e(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([2]);
    // A page runner answers at once.
    const sync = { explain: () => e(7) } as unknown as NetRunner;
    latest.request(sync, new Float32Array(), (x) => got.push(x.probabilities[0]!));
    expect(got).toEqual([2, 7]);
  });
});

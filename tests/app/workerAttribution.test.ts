/**
 * The "Why?" methods in the net worker, in Node: the worker's handler answers through a port
 * that clones messages as `postMessage` does, and every result must equal what the page's own
 * engine computes for the same net and weights (within 1e-4); progress comes for SmoothGrad
 * samples, occlusion batches, FGSM steps and visualisation chunks; a cancelled run stops between
 * its pieces; no tensor is left behind on either side.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildRunner } from '../../src/lib/engine/runner';
import { WorkerRunner } from '../../src/app/net/workerRunner';
import { inputSizeOf } from '../../src/app/net/workerChoice';
import { resnetCifarSpec } from '../../src/lib/zoo/resnetCifar';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { defaultCamLayer } from '../../src/lib/attribution/camLayers';
import type { NetworkSpec } from '../../src/lib/spec/types';
import type { AsyncAttributor, Attributor } from '../../src/lib/attribution/types';
import { createRng } from '../../src/lib/random';
import { handlerClient } from './handlerPort';

function image(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size * size * 3 }, () => rng());
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return a.length === b.length ? m : Infinity;
}

/** The largest value's size, so a tolerance can be read against the numbers compared. */
const scale = (a: ArrayLike<number>): number => Math.max(...Array.from(a, Math.abs));

interface Pair {
  worker: AsyncAttributor;
  page: Attributor;
  input: Float32Array;
  spec: NetworkSpec;
  done: () => Promise<void>;
  handler: ReturnType<typeof handlerClient>['handler'];
}

/**
 * ResNet-8 (16-pixel input, to keep the CPU backend quick) in the worker with random weights,
 * and the page's engine with the same weights.
 */
async function pair(): Promise<Pair> {
  const spec = resnetCifarSpec(10, 1, 16);
  const { client, handler } = handlerClient();
  const { runner } = await WorkerRunner.build(client, spec, {});
  const page = await buildRunner(spec, [
    { bank: { values: runner.namedWeights(), shapes: runner.weightShapes() }, untrained: new Set() },
  ]);
  const done = async (): Promise<void> => {
    page.runner.dispose();
    runner.dispose();
    await client.request({ type: 'dispose', model: 999 }); // in order: after the dispose above
  };
  const input = image(inputSizeOf(spec), 5);
  return { worker: runner.asyncAttributor(), page: page.runner.attributor(), input, spec, done, handler };
}

/** Records progress calls. */
function progressLog(): { calls: [number, number][]; onProgress: (d: number, t: number) => void } {
  const calls: [number, number][] = [];
  return { calls, onProgress: (d, t) => void calls.push([d, t]) };
}

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('"Why?" in the net worker', () => {
  it('saliency (gradient, SmoothGrad with a progress per sample, gradient × input) and Grad-CAM equal the page’s; no tensor left', async () => {
    const start = tf.memory().numTensors;
    const { worker, page, input, spec, done, handler } = await pair();
    const c = 3;
    for (const method of ['gradient', 'gradientTimesInput'] as const) {
      const w = await worker.saliency(input, { classIndex: c, method });
      const p = page.saliency(input, { classIndex: c, method });
      expect(scale(p.attribution), method).toBeGreaterThan(0);
      expect(maxDiff(w.attribution, p.attribution), method).toBeLessThan(1e-4);
      expect(Math.abs(w.score - p.score)).toBeLessThan(1e-4);
      expect(w.scoreKind).toBe(p.scoreKind);
    }
    const log = progressLog();
    const smooth = { classIndex: c, method: 'smoothGrad' as const, samples: 4, noise: 0.2, seed: 7 };
    const w = await worker.saliency(input, { ...smooth, onProgress: log.onProgress });
    const p = page.saliency(input, smooth);
    expect(maxDiff(w.attribution, p.attribution)).toBeLessThan(1e-4);
    // Not the plain gradient: the noise made a difference the two sides agree on.
    const plain = page.saliency(input, { classIndex: c, method: 'gradient' });
    expect(maxDiff(p.attribution, plain.attribution)).toBeGreaterThan(1e-3 * scale(plain.attribution));
    expect(log.calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    const layerId = defaultCamLayer(spec, inferShapes(spec))!;
    const wc = await worker.gradCam(input, { classIndex: c, layerId });
    const pc = page.gradCam(input, { classIndex: c, layerId });
    expect(wc.shape).toEqual(pc.shape);
    expect(maxDiff(wc.weights, pc.weights)).toBeLessThan(1e-4);
    expect(maxDiff(wc.cam, pc.cam)).toBeLessThan(1e-4);
    await done();
    expect(handler.modelCount).toBe(0);
    expect(handler.pendingCount).toBe(0);
    expect(tf.memory().numTensors).toBe(start);
  }, 120_000);

  it('occlusion, iterated FGSM and class visualisation equal the page’s, with progress to the end', async () => {
    const start = tf.memory().numTensors;
    const { worker, page, input, done } = await pair();
    const c = 1;
    const occ = progressLog();
    const o = { classIndex: c, size: 8, stride: 4, measure: 'score' as const };
    const wo = await worker.occlusion(input, { ...o, onProgress: occ.onProgress });
    const po = await page.occlusion(input, o);
    expect(wo.grid).toEqual(po.grid);
    expect(maxDiff(wo.drops, po.drops)).toBeLessThan(1e-4);
    expect(occ.calls.at(-1)).toEqual([9, 9]);
    // With a preview, each batch but the last also brings the drops so far across.
    const seen: Float32Array[] = [];
    const calls = progressLog();
    const small = { ...o, stride: 1, budgetMs: 0.001 };
    const wp = await worker.occlusion(input, {
      ...small,
      onProgress: calls.onProgress,
      onPreview: (d) => void seen.push(d),
    });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.length).toBe(calls.calls.length - 1);
    const last = seen.at(-1)!;
    const measured = last.filter(Number.isFinite).length;
    expect(measured).toBeLessThan(wp.drops.length);
    expect(maxDiff(last.subarray(0, measured), wp.drops.subarray(0, measured))).toBeLessThan(1e-6);

    const steps = progressLog();
    const f = { classIndex: c, epsilon: 0.05, steps: 3 };
    const wf = await worker.fgsm(input, { ...f, onProgress: steps.onProgress });
    const pf = page.fgsm(input, f);
    expect(steps.calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(maxDiff(wf.perturbation, pf.perturbation)).toBeLessThan(1e-4);
    expect(scale(wf.perturbation)).toBeCloseTo(0.05, 5);
    expect(maxDiff(wf.losses, pf.losses)).toBeLessThan(1e-4);
    expect(maxDiff(wf.after, pf.after)).toBeLessThan(1e-4);
    expect(maxDiff(wf.before, pf.before)).toBeLessThan(1e-4);
    expect(wf.change.layers.map((l) => l.layerId)).toEqual(pf.change.layers.map((l) => l.layerId));
    expect(
      maxDiff(
        wf.change.layers.map((l) => l.relative),
        pf.change.layers.map((l) => l.relative),
      ),
    ).toBeLessThan(1e-4);
    for (const [id, t] of pf.explanation.activations)
      expect(maxDiff(wf.explanation.activations.get(id)!.data, t.data), id).toBeLessThan(1e-4);

    const vis = progressLog();
    const previews: Float32Array[] = [];
    const v = {
      target: { kind: 'class' as const, classIndex: c },
      steps: 3,
      scales: [4, 8],
      seed: 2,
      budgetMs: 0,
    };
    const wv = await worker.visualise({
      ...v,
      onProgress: vis.onProgress,
      onPreview: (p) => previews.push(p),
    });
    const pv = await page.visualise(v);
    expect(maxDiff(wv.image, pv.image)).toBeLessThan(1e-4);
    expect(Math.abs(wv.value - pv.value)).toBeLessThan(1e-4);
    expect(vis.calls.at(-1)).toEqual([6, 6]);
    // One preview per chunk but the last, each the input's size.
    expect(previews.length).toBe(vis.calls.length - 1);
    expect(previews.every((p) => p.length === input.length)).toBe(true);
    await done();
    expect(tf.memory().numTensors).toBe(start);
  }, 120_000);

  it('a cancelled SmoothGrad stops between samples and the next request is answered; a request cancelled before its turn never runs; nothing leaks', async () => {
    const start = tf.memory().numTensors;
    const { worker, page, input, spec, done, handler } = await pair();
    const stop = new AbortController();
    const seen: number[] = [];
    const long = worker.saliency(input, {
      classIndex: 0,
      method: 'smoothGrad',
      samples: 200,
      signal: stop.signal,
      onProgress: (d) => {
        seen.push(d);
        if (d === 2) stop.abort(new Error('cancelled'));
      },
    });
    // Queued behind it: cancelled before its turn.
    const queued = new AbortController();
    const second = worker.occlusion(input, { classIndex: 0, size: 8, stride: 8, signal: queued.signal });
    queued.abort(new Error('changed my mind'));
    await expect(second).rejects.toThrow('changed my mind');
    await expect(long).rejects.toThrow('cancelled');
    const layerId = defaultCamLayer(spec, inferShapes(spec))!;
    const cam = await worker.gradCam(input, { classIndex: 0, layerId });
    expect(maxDiff(cam.cam, page.gradCam(input, { classIndex: 0, layerId }).cam)).toBeLessThan(1e-4);
    // The worker stopped soon after the cancel: a few samples at most, not 200.
    expect(Math.max(...seen)).toBeLessThan(10);
    expect(handler.pendingCount).toBe(0);
    // A cancel that crosses its request's answer (already finished) leaves nothing waiting.
    handler.cancel(1);
    expect(handler.pendingCount).toBe(0);
    await done();
    expect(tf.memory().numTensors).toBe(start);
  }, 120_000);

  it('a method the net cannot answer rejects with the engine’s reason (a class it lacks)', async () => {
    const { worker, input, done } = await pair();
    await expect(worker.saliency(input, { classIndex: 12, method: 'gradient' })).rejects.toThrow(
      /class 12 is not one of the net's 10 outputs/,
    );
    await done();
  }, 60_000);
});

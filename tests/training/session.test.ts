/** The training loop the worker runs, driven directly in Node on the wasm backend. */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { TrainingSession } from '../../src/lib/engine/worker/session';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../src/lib/training/config';
import type { FromWorker } from '../../src/lib/training/protocol';
import {
  initialWeights,
  runSession,
  sessionData as data,
  sessionSpec as spec,
} from '../fixtures/trainingSession';

function session(
  config: Partial<TrainingConfig>,
  onMessage: (m: FromWorker, s: TrainingSession) => void = () => {},
): Promise<FromWorker[]> {
  return runSession(data(), config, onMessage);
}

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

describe('training session', () => {
  it('tells the data which images it will read, first batches, then the validation set, then the rest', async () => {
    const orders: number[][] = [];
    const weights = await initialWeights();
    const d = { ...data(), prefetch: (order: ArrayLike<number>) => orders.push(Array.from(order)) };
    const reads: number[] = [];
    const write = d.train.write.bind(d.train);
    d.train = {
      ...d.train,
      size: d.train.size,
      label: (i) => d.validation.label(i),
      write: (i, out, at) => (reads.push(i), write(i, out, at)),
    };
    const config = { ...DEFAULT_CONFIG, batchSize: 16, epochs: 2, validateEvery: 2 };
    await new TrainingSession(spec, weights, 10, d, config, () => {}).run();
    expect(orders.length).toBe(1);
    const order = orders[0]!;
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(order.slice(32, 72)).toEqual(Array.from({ length: 40 }, (_, i) => 80 + i));
    // The first epoch reads its training images in exactly the announced order.
    expect(reads.slice(0, 80)).toEqual([...order.slice(0, 32), ...order.slice(72)]);
  });

  it('leaves the validation images out of the order when a validation worker makes them itself', async () => {
    const orders: number[][] = [];
    const d = data({
      prefetch: (order) => orders.push(Array.from(order)),
      validationImages: () => ({
        kind: 'kept',
        set: { x: new Float32Array(), labels: new Int32Array(), shape: [1, 1, 3] },
      }),
    });
    const config = { ...DEFAULT_CONFIG, batchSize: 16, epochs: 1, validateEvery: 2 };
    await new TrainingSession(spec, await initialWeights(), 10, d, config, () => {}).run();
    expect(orders).toHaveLength(1);
    expect([...orders[0]!].sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, i) => i));
  });

  it('trains every step of every epoch, validates, sends weight snapshots and a final evaluation, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const messages = await session({ snapshotEvery: 3, validateEvery: 4, flip: true, cropPad: 2 });
    expect(tf.memory().numTensors).toBe(before);
    const started = messages.find((m) => m.type === 'started');
    expect(started).toMatchObject({ totalSteps: 10, stepsPerEpoch: 5, trainCount: 80, valCount: 40 });
    const steps = messages.flatMap((m) => (m.type === 'step' ? [m.record] : []));
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(steps.map((s) => s.epoch)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(steps.every((s) => Number.isFinite(s.loss) && s.seconds >= 0)).toBe(true);
    // Every 4 steps, plus the end of each epoch (5, 10); never twice for one step.
    expect(messages.flatMap((m) => (m.type === 'validation' ? [m.record.step] : []))).toEqual([4, 5, 8, 10]);
    const snaps = messages.flatMap((m) => (m.type === 'weights' ? [m] : []));
    expect(snaps.map((m) => m.step)).toEqual([3, 6, 9]);
    const names = snaps[0]!.weights.map(([n]) => n).sort();
    expect(names).toEqual(['conv/bias', 'conv/kernel', 'output/bias', 'output/kernel']);
    const last = messages[messages.length - 1]!;
    expect(last.type).toBe('finished');
    if (last.type !== 'finished') return;
    expect(last.reason).toBe('completed');
    expect(last.evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(40);
    expect(last.evaluation.perClass).toHaveLength(10);
    // The weights moved away from where they started.
    const k0 = snaps[0]!.weights.find(([n]) => n === 'conv/kernel')![1];
    const k1 = last.weights.find(([n]) => n === 'conv/kernel')![1];
    expect(k1).not.toEqual(k0);
  });

  it('pauses between steps, resumes, and stops early with a final evaluation', async () => {
    let pausedAt = -1;
    const messages = await session({ epochs: 50, validateEvery: 1000 }, (m, s) => {
      if (m.type === 'step' && m.record.step === 3) {
        s.pause();
        pausedAt = 3;
        setTimeout(() => s.resume(), 50);
      }
      if (m.type === 'step' && m.record.step === 6) s.stop();
    });
    expect(pausedAt).toBe(3);
    const types = messages.map((m) => m.type);
    const iPaused = types.indexOf('paused');
    const iResumed = types.indexOf('resumed');
    expect(iPaused).toBeGreaterThan(0);
    expect(types.slice(iPaused, iResumed).filter((t) => t === 'step')).toEqual([]);
    const steps = messages.filter((m) => m.type === 'step');
    expect(steps).toHaveLength(6);
    const last = messages[messages.length - 1]!;
    expect(last).toMatchObject({ type: 'finished', reason: 'stopped' });
  });

  it('stops with a sentence about the learning rate when the loss turns into NaN', async () => {
    const before = tf.memory().numTensors;
    const messages = await session({ optimizer: 'sgd', learningRate: 1e2, epochs: 20, snapshotEvery: 1 });
    expect(tf.memory().numTensors).toBe(before);
    const last = messages[messages.length - 1]!;
    expect(last.type).toBe('diverged');
    if (last.type !== 'diverged') return;
    expect(last.message.en).toMatch(/learning rate \(100\) is probably too high/);
    // Only finite weights ever leave the worker.
    for (const m of messages)
      if (m.type === 'weights') for (const [, w] of m.weights) expect(w.every(Number.isFinite)).toBe(true);
  });
});

/**
 * Validation off the training thread: the session hands each validation's weights to a
 * ValidationLink, here wired through a Node MessageChannel to the validation worker's own
 * handler (`serveValidation`), which answers a few steps later. The answers must be those of
 * step N's weights, arrive in order before the run ends, and leave no tensor, model or request.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel, getNamedWeights, setNamedWeights } from '../../src/lib/engine/build';
import type { TrainingSession } from '../../src/lib/engine/worker/session';
import { evaluateSource } from '../../src/lib/engine/worker/evaluate';
import { serveValidation, ValidationHandler } from '../../src/lib/engine/worker/validationHandler';
import { ValidationLink, type ValidationPort } from '../../src/lib/engine/worker/validator';
import type { ValidationEndpoint } from '../../src/lib/engine/worker/validationHandler';
import type { TrainingConfig } from '../../src/lib/training/config';
import { netFeed } from '../../src/lib/training/netFeed';
import type { FinalEvaluation, FromWorker, WeightList } from '../../src/lib/training/protocol';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { smallConvNet } from '../fixtures/smallConvNet';
import {
  runSession,
  SESSION_RENDER,
  SESSION_SIZE,
  sessionData,
  sessionShapes,
  sessionSpec as spec,
  VALIDATION_INDICES as valIndices,
} from '../fixtures/trainingSession';

const shapes = sessionShapes();

/** A handler whose every answer waits `delayMs` first, so it comes several training steps late. */
class SlowHandler extends ValidationHandler {
  constructor(private readonly delayMs: number) {
    super();
  }

  override async validate(run: number, weights: WeightList): Promise<FinalEvaluation | null> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    return super.validate(run, weights);
  }
}

let channels: MessageChannel[] = [];

/** A link to a handler across a MessageChannel: the worker's wiring, on one thread. */
function linked(handler: ValidationHandler): ValidationLink {
  const channel = new MessageChannel();
  channels.push(channel);
  serveValidation(channel.port2 as unknown as ValidationEndpoint, handler);
  return new ValidationLink(channel.port1 as unknown as ValidationPort);
}

/** A run whose validations go through `link`. */
function run(
  link: ValidationLink,
  config: Partial<TrainingConfig>,
  onMessage: (m: FromWorker, s: TrainingSession) => void = () => {},
): Promise<FromWorker[]> {
  return runSession(sessionData({ validator: (request) => link.open(request) }, shapes), config, onMessage);
}

/** What validating these weights directly, on the same images, gives. */
async function direct(weights: WeightList, net: NetworkSpec = spec): Promise<FinalEvaluation> {
  const model = await buildModel(net);
  setNamedWeights(model, new Map(weights));
  const ev = evaluateSource(model, shapes, valIndices, 10, netFeed(net));
  model.dispose();
  return ev;
}

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});

afterEach(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
  channels = [];
});

describe('validation off the training thread', () => {
  it("reports for step N what step N's weights give, though the answer comes steps later", async () => {
    const handler = new SlowHandler(40);
    const link = linked(handler);
    const before = tf.memory().numTensors;
    // Weights are sent every 2 steps and validated every 2: each validation's weights are on record.
    const messages = await run(link, { snapshotEvery: 2, validateEvery: 2, epochs: 3 });
    const snapshots = new Map(messages.flatMap((m) => (m.type === 'weights' ? [[m.step, m.weights]] : [])));
    const validations = messages.flatMap((m) => (m.type === 'validation' ? [m.record] : []));
    expect(validations.map((v) => v.step)).toEqual([2, 4, 5, 6, 8, 10, 12, 14, 15]);
    for (const v of validations) {
      const weights = snapshots.get(v.step);
      if (!weights) continue; // Steps 5 and 15 end an epoch: no snapshot of them to compare with.
      const ref = await direct(weights);
      expect(v.accuracy).toBe(ref.accuracy);
      expect(v.loss).toBeCloseTo(ref.loss, 5);
    }
    // The answers really came late: step 2's validation after later steps were reported.
    const types = messages.map((m) => (m.type === 'step' ? `step ${m.record.step}` : m.type));
    expect(types.indexOf('validation')).toBeGreaterThan(types.indexOf('step 3'));
    // Every validation is reported before the run ends, the last one is the final evaluation's.
    const last = messages[messages.length - 1]!;
    expect(last.type).toBe('finished');
    if (last.type !== 'finished') return;
    const ref = await direct(last.weights);
    expect(last.evaluation.accuracy).toBe(ref.accuracy);
    expect(last.evaluation.confusion).toEqual(ref.confusion);
    expect(validations[validations.length - 1]!.accuracy).toBe(ref.accuracy);
    expect(link.outstanding).toBe(0);
    await vi.waitFor(() => expect(handler.modelCount).toBe(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('validates on images the validation worker draws itself from their description, as on the gathered ones', async () => {
    const handler = new ValidationHandler();
    const link = linked(handler);
    const before = tf.memory().numTensors;
    let described = 0;
    const data = sessionData(
      {
        validator: (request) => link.open(request),
        validationImages: () => {
          described++;
          return { kind: 'shapes', seed: 3, render: SESSION_RENDER, indices: valIndices.slice() };
        },
      },
      shapes,
    );
    const messages = await runSession(data, { snapshotEvery: 2, validateEvery: 2, epochs: 1 });
    expect(described).toBe(1);
    const snapshots = new Map(messages.flatMap((m) => (m.type === 'weights' ? [[m.step, m.weights]] : [])));
    const validations = messages.flatMap((m) => (m.type === 'validation' ? [m.record] : []));
    expect(validations.map((v) => v.step)).toEqual([2, 4, 5]);
    for (const v of validations.filter((r) => snapshots.has(r.step))) {
      const ref = await direct(snapshots.get(v.step)!);
      expect(v.accuracy).toBe(ref.accuracy);
      expect(v.loss).toBeCloseTo(ref.loss, 5);
    }
    await vi.waitFor(() => expect(handler.modelCount).toBe(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stopped while a validation is out, reports it and the stopping step, then nothing after finishing', async () => {
    const handler = new SlowHandler(60);
    const link = linked(handler);
    const before = tf.memory().numTensors;
    const messages = await run(link, { validateEvery: 3, epochs: 50 }, (m, s) => {
      if (m.type === 'step' && m.record.step === 4) s.stop();
    });
    const validations = messages.flatMap((m) => (m.type === 'validation' ? [m.record.step] : []));
    expect(validations).toEqual([3, 4]);
    expect(messages[messages.length - 1]).toMatchObject({ type: 'finished', reason: 'stopped' });
    const count = messages.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(messages.length).toBe(count);
    await vi.waitFor(() => expect(handler.modelCount).toBe(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('drops the answers of a run that ended, and answers the next run (another net) with its own weights', async () => {
    const handler = new SlowHandler(30);
    const link = linked(handler);
    const before = tf.memory().numTensors;
    const feed = netFeed(spec);
    const model = await buildModel(spec);
    const first = link.open({ spec, classes: 10, source: shapes, indices: valIndices, feed });
    const settled: string[] = [];
    void first.validate(model).then(() => settled.push('first'));
    void first.validate(model).then(() => settled.push('first'));
    first.dispose();
    expect(link.outstanding).toBe(0);
    // The user changed the net (its output layer has another name), and a new run starts on it.
    const other = smallConvNet(SESSION_SIZE, 10, 'head');
    const otherModel = await buildModel(other);
    const second = link.open({ spec: other, classes: 10, source: shapes, indices: valIndices, feed });
    const got = await second.validate(otherModel);
    const ref = await direct([...getNamedWeights(otherModel)], other);
    expect(got.accuracy).toBe(ref.accuracy);
    expect(got.loss).toBeCloseTo(ref.loss, 5);
    expect(got.confusion).toEqual(ref.confusion);
    second.dispose();
    await new Promise((r) => setTimeout(r, 150));
    expect(settled).toEqual([]);
    model.dispose();
    otherModel.dispose();
    await vi.waitFor(() => expect(handler.modelCount).toBe(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps a diverged run’s earlier validations before the divergence, and frees everything', async () => {
    const handler = new SlowHandler(40);
    const link = linked(handler);
    const before = tf.memory().numTensors;
    const messages = await run(link, { optimizer: 'sgd', learningRate: 1e2, epochs: 20, validateEvery: 1 });
    const last = messages[messages.length - 1]!;
    expect(last.type).toBe('diverged');
    expect(messages.filter((m) => m.type === 'validation').length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(handler.modelCount).toBe(0));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails the run when the validation worker dies, and validates later runs itself', async () => {
    // A port nobody answers: the requests stay out until the link is told the worker failed.
    const channel = new MessageChannel();
    channels.push(channel);
    const link = new ValidationLink(channel.port1 as unknown as ValidationPort);
    const before = tf.memory().numTensors;
    const failed = run(link, { validateEvery: 2 }, (m) => {
      if (m.type === 'step' && m.record.step === 3) link.fail('out of memory');
    });
    await expect(failed).rejects.toThrow(/validation worker failed: out of memory/);
    const messages = await run(link, { validateEvery: 2 });
    const steps = messages.flatMap((m) => (m.type === 'validation' ? [m.record.step] : []));
    expect(steps).toEqual([2, 4, 5, 6, 8, 10]);
    expect(link.outstanding).toBe(0);
    expect(messages[messages.length - 1]).toMatchObject({ type: 'finished', reason: 'completed' });
    expect(tf.memory().numTensors).toBe(before);
  });
});

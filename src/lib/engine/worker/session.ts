/**
 * One training run: mini-batches drawn in a seeded order, augmented, fed to the Trainer, with
 * the learning rate from the schedule, periodic validation, weight snapshots for the
 * explainer, divergence checks, and pause / resume / stop between steps. It talks to the
 * outside only through `emit`, so the same code runs in the browser's worker and in Node tests.
 */
import type { tf } from '../tf';
import { buildModel, getNamedWeights } from '../build';
import { Trainer } from '../train';
import type { NetworkSpec } from '../../spec/types';
import type { ImageSource } from '../../data/imageSet';
import { augmentImage } from '../../data/augment';
import { createRng, shuffleInPlace } from '../../random';
import type { TrainingConfig } from '../../training/config';
import type { FinalEvaluation, FromWorker, WeightList } from '../../training/protocol';
import { learningRateAt, type Schedule } from '../../training/schedule';
import { DivergenceDetector } from '../../training/divergence';
import { netFeed } from '../../training/netFeed';
import { localValidator, type ValidationRequest, type Validator } from './validator';
import type { ValidationImages } from './validationImages';

export type Emit = (message: FromWorker, transfer?: Transferable[]) => void;

export interface SessionData {
  train: ImageSource;
  trainIndices: ArrayLike<number>;
  validation: ImageSource;
  validationIndices: ArrayLike<number>;
  /** Told the order in which the run will read images, soonest first, so they can be made ahead. */
  prefetch?: (order: ArrayLike<number>) => void;
  /** Who validates (another thread, in the worker); by default the session itself, at once. */
  validator?: (request: ValidationRequest) => Validator;
  /**
   * The validation images described for a validation worker to make itself; then they are not
   * prefetched for this thread (which reads them only if it validates by itself).
   */
  validationImages?: () => ValidationImages;
}

/** Validations asked for and not yet answered before training waits for the oldest. */
const VALIDATIONS_AHEAD = 2;

export function scheduleFor(config: TrainingConfig, stepsPerEpoch: number): Schedule {
  return {
    kind: config.schedule,
    base: config.learningRate,
    warmupSteps: 0,
    gamma: 0.1,
    everySteps: stepsPerEpoch * Math.max(1, Math.floor(config.epochs / 3)),
    floor: 0.05,
  };
}

/** Copies of the model's weights, safe to transfer to another thread. */
export function snapshotWeights(weights: Map<string, Float32Array>): { list: WeightList; finite: boolean } {
  const list: WeightList = [];
  let finite = true;
  for (const [name, data] of weights) {
    const copy = data.slice();
    for (let i = 0; i < copy.length && finite; i++) if (!Number.isFinite(copy[i]!)) finite = false;
    list.push([name, copy]);
  }
  return { list, finite };
}

function transferables(list: WeightList): Transferable[] {
  return list.map(([, a]) => a.buffer as ArrayBuffer);
}

/**
 * Yields to the event loop (so pause / stop messages get in) without a timer: a chain of
 * setTimeout(0) calls is clamped to ≥ 4 ms each after five, measured at ~5 ms per step in
 * Chromium's worker, a tenth of a TinyVGG step. A message on a fresh channel is a task too.
 */
function nextTick(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class TrainingSession {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private snapshotEvery: number;

  constructor(
    private readonly spec: NetworkSpec,
    private readonly weights: Map<string, Float32Array>,
    private readonly classes: number,
    private readonly data: SessionData,
    private readonly config: TrainingConfig,
    private readonly emit: Emit,
  ) {
    this.snapshotEvery = config.snapshotEvery;
  }

  pause(): void {
    if (this.stopped || this.paused) return;
    this.paused = true;
    this.emit({ type: 'paused' });
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.emit({ type: 'resumed' });
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.paused = false;
    this.wake?.();
  }

  setSnapshotEvery(steps: number): void {
    this.snapshotEvery = Math.max(1, Math.floor(steps));
  }

  async run(): Promise<void> {
    const { config } = this;
    this.emit({ type: 'preparing', stage: 'model' });
    const model = await buildModel(this.spec, this.weights);
    const trainer = new Trainer(model, { optimizer: config.optimizer, learningRate: config.learningRate });
    try {
      await this.loop(model, trainer);
    } finally {
      trainer.dispose();
      model.dispose();
    }
  }

  private async loop(model: tf.LayersModel, trainer: Trainer): Promise<void> {
    const { config, data, classes } = this;
    const size = data.train.size;
    // The images as the net's Input takes them (1-channel by luma for a greyscale net, …).
    const feed = netFeed(this.spec);
    const per = size * size * feed.channels;
    const batch = Math.min(config.batchSize, data.trainIndices.length);
    const stepsPerEpoch = Math.max(1, Math.floor(data.trainIndices.length / batch));
    const totalSteps = stepsPerEpoch * config.epochs;
    const schedule = scheduleFor(config, stepsPerEpoch);
    const rng = createRng(config.seed * 7919 + 17);
    const detector = new DivergenceDetector();
    const x = new Float32Array(batch * per);
    const scratch = new Float32Array(size * size * 3);
    const rgb = new Float32Array(size * size * 3);
    const labels = new Int32Array(batch);
    const augment = { flip: config.flip, cropPad: config.cropPad };
    const augmenting = config.flip || config.cropPad > 0;
    this.emit({
      type: 'started',
      totalSteps,
      stepsPerEpoch,
      trainCount: data.trainIndices.length,
      valCount: data.validationIndices.length,
    });

    let active = 0;
    let since = performance.now();
    const seconds = (): number => active + (performance.now() - since) / 1000;
    let step = 0;
    let lastEpoch = 1;
    type Validated = { step: number; evaluation: FinalEvaluation };
    // Set as validations are answered; the cast keeps TypeScript from narrowing it to null for good.
    let last = null as Validated | null;
    const request = {
      spec: this.spec,
      classes,
      source: data.validation,
      indices: data.validationIndices,
      feed,
      images: data.validationImages,
    };
    const validator = (data.validator ?? localValidator)(request);
    // The step whose weights were last sent to be validated; `shown`: all answers emitted, in order.
    let validatedStep = -1;
    let shown: Promise<void> = Promise.resolve();
    const ahead: Promise<void>[] = [];
    let over = false;
    /**
     * Validates the weights as they are now (step `step`'s): the answer may come steps later, but
     * is of these weights, and is recorded with this step, epoch and time.
     */
    const validate = async (epoch: number): Promise<void> => {
      const at = { step, epoch, seconds: seconds() };
      validatedStep = step;
      const result = validator.validate(model);
      // Its failure is thrown where `shown` is awaited (before the run ends), not here.
      result.catch(() => {});
      shown = shown.then(async () => {
        const evaluation = await result;
        if (over) return;
        last = { step: at.step, evaluation };
        this.emit({
          type: 'validation',
          record: { ...at, loss: evaluation.loss, accuracy: evaluation.accuracy },
        });
      });
      shown.catch(() => {});
      ahead.push(shown);
      if (ahead.length > VALIDATIONS_AHEAD) await ahead.shift();
    };
    const drain = async (): Promise<void> => {
      await shown;
      ahead.length = 0;
    };
    try {
      for (let epoch = 1; epoch <= config.epochs && !this.stopped; epoch++) {
        lastEpoch = epoch;
        const order = shuffleInPlace(Array.from(data.trainIndices), rng);
        if (epoch === 1 && data.prefetch) {
          // The first validation comes after validateEvery steps; later epochs reread the same images.
          const cut = Math.min(order.length, config.validateEvery * batch);
          const validation = data.validationImages ? [] : Array.from(data.validationIndices);
          data.prefetch([...order.slice(0, cut), ...validation, ...order.slice(cut)]);
        }
        for (let b = 0; b < stepsPerEpoch && !this.stopped; b++) {
          if (this.paused) {
            active = seconds();
            await new Promise<void>((r) => (this.wake = r));
            this.wake = null;
            since = performance.now();
            if (this.stopped) break;
          }
          for (let i = 0; i < batch; i++) {
            const index = order[b * batch + i]!;
            if (augmenting) {
              data.train.write(index, scratch, 0);
              augmentImage(scratch, size, augment, rng, rgb);
            } else data.train.write(index, rgb, 0);
            feed.put(rgb, x, i * per);
            labels[i] = data.train.label(index);
          }
          const learningRate = learningRateAt(schedule, step, totalSteps);
          trainer.setLearningRate(learningRate);
          const r = await trainer.trainBatch(x, labels);
          step++;
          this.emit({
            type: 'step',
            record: { step, epoch, seconds: seconds(), learningRate, loss: r.loss, accuracy: r.accuracy },
          });
          // The advice names the rate the user set, not where the schedule happens to be.
          const diverged = detector.check({ loss: r.loss, step, learningRate: config.learningRate, classes });
          if (diverged) {
            // The validations asked for before are of finite weights: they come first.
            await drain();
            this.emit({ type: 'diverged', step, message: diverged.message });
            return;
          }
          if (step % this.snapshotEvery === 0) this.sendWeights(model, step);
          if (step % config.validateEvery === 0) await validate(epoch);
          // Let pause / stop messages in: trainOnBatch resolves through microtasks only.
          await nextTick();
        }
        if (step > 0 && validatedStep !== step && !this.stopped) await validate(epoch);
      }
      // A stopped run is evaluated where it stopped, and that point joins the curves too.
      if (step > 0 && validatedStep !== step) await validate(lastEpoch);
      await drain();
      const evaluation = last?.evaluation ?? (await validator.validate(model));
      const { list } = snapshotWeights(getNamedWeights(model));
      this.emit(
        { type: 'finished', reason: this.stopped ? 'stopped' : 'completed', evaluation, weights: list },
        transferables(list),
      );
    } finally {
      over = true;
      validator.dispose();
    }
  }

  private sendWeights(model: tf.LayersModel, step: number): void {
    const { list, finite } = snapshotWeights(getNamedWeights(model));
    // Non-finite weights are about to show up as a NaN loss; the explainer keeps the last good ones.
    if (finite) this.emit({ type: 'weights', step, weights: list }, transferables(list));
  }
}

/**
 * The net worker's logic, apart from the worker itself so that Node tests call it directly:
 * builds models from specs (random initialisation, then weights from banks or given values),
 * explains images with them, and answers every request with one reply and the buffers to
 * transfer. Every reply's arrays are fresh copies, owned by nobody else, so transferring them
 * never detaches a tensor's memory. No tensor outlives a request except the models' own.
 * "Why?" requests report progress as they go and stop when cancelled (see attributionHandler).
 */
import { channelStats } from '../../colour/ranges';
import { tf } from '../tf';
import { buildModel, getNamedWeights, transferWeights, weightEntries, weightName } from '../build';
import { Explainer } from '../explain';
import { EngineAttributor } from '../attribution/attributor';
import type { ActivationsMessage, FromNetWorker, ToNetWorker, Values } from './netProtocol';
import { arraysOf, transferList } from './netProtocol';
import type { ProgressMessage } from './attributionProtocol';
import { attribute } from './attributionHandler';
import { imageForPlan } from '../../preprocess/netInput';

interface Held {
  model: tf.LayersModel;
  explainer: Explainer;
  /** Made at the first "Why?" request (it reads the model live, new weights included). */
  attributor?: EngineAttributor;
}

/** What the handler answers: everything but `init` (the worker's) and `cancel` (see `cancel`). */
export type HandledRequest = Exclude<ToNetWorker, { type: 'init' } | { type: 'cancel' }>;

/** Where progress goes while a request runs (the worker posts it at once). */
export type ProgressSink = (message: ProgressMessage, transfer: ArrayBuffer[]) => void;

export interface Reply {
  message: FromNetWorker;
  transfer: ArrayBuffer[];
}

/**
 * Own copies of every activation, so they can be transferred, with each channel's range: read
 * here, off the page's thread (a 224-pixel ResNet has about ten million values to colour).
 */
function activationsOf(explainer: Explainer, image: Float32Array): ActivationsMessage {
  const e = explainer.explain(image);
  return [...e.activations].map(([id, t]) => [
    id,
    { data: t.data.slice(), shape: [...t.shape], stats: channelStats(t.data, t.shape.at(-1) ?? 1) },
  ]);
}

export class NetWorkerHandler {
  private readonly models = new Map<number, Held>();
  /** Requests running now, by id, so a `cancel` can stop them. */
  private readonly running = new Map<number, AbortController>();
  /** Requests cancelled before they started (answered with an error when their turn comes). */
  private readonly cancelled = new Set<number>();
  private lastStarted = 0;

  /** Models held now (the tests check none is left behind). */
  get modelCount(): number {
    return this.models.size;
  }

  /** Requests running or waiting to be cancelled (the tests check none is left behind). */
  get pendingCount(): number {
    return this.running.size + this.cancelled.size;
  }

  async handle(request: HandledRequest, progress: ProgressSink = () => undefined): Promise<Reply> {
    let message: FromNetWorker;
    const stop = new AbortController();
    this.running.set(request.id, stop);
    this.lastStarted = Math.max(this.lastStarted, request.id);
    if (this.cancelled.delete(request.id)) stop.abort(new Error('cancelled'));
    try {
      message = await this.answer(request, stop.signal, progress);
    } catch (e) {
      message = { type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) };
    } finally {
      this.running.delete(request.id);
    }
    return { message, transfer: transferList(arraysOf(message)) };
  }

  /**
   * Stops request `id` at its next pause; one not started yet is refused when its turn comes.
   * Called as the message arrives, not in turn (the request it stops is running).
   */
  cancel(id: number): void {
    const running = this.running.get(id);
    if (running) running.abort(new Error('cancelled'));
    // Requests start in the order of their ids: one at or below the last started has finished.
    else if (id > this.lastStarted) this.cancelled.add(id);
  }

  private held(model: number): Held {
    const h = this.models.get(model);
    if (!h) throw new Error(`the net worker holds no model ${model}`);
    return h;
  }

  private async answer(r: HandledRequest, signal: AbortSignal, sink: ProgressSink): Promise<FromNetWorker> {
    signal.throwIfAborted();
    switch (r.type) {
      case 'attribute': {
        const h = this.held(r.model);
        h.attributor ??= new EngineAttributor(h.model, (image) => h.explainer.explain(image));
        const answer = await attribute(h.attributor, h.explainer, r.request, {
          signal,
          progress: (done, total, image) => {
            // A preview is the method's own array: a copy moves, the run keeps its own.
            const preview = image ? image.slice() : null;
            sink({ type: 'progress', id: r.id, done, total, preview }, preview ? [preview.buffer] : []);
          },
        });
        return { type: 'attributed', id: r.id, answer };
      }
      case 'build':
        return this.build(r);
      case 'explain':
        return {
          type: 'explained',
          id: r.id,
          activations: activationsOf(this.held(r.model).explainer, r.image),
        };
      case 'explainImage': {
        const input = imageForPlan(r.raw, r.plan);
        const activations = activationsOf(this.held(r.model).explainer, input);
        return { type: 'explained', id: r.id, activations, input };
      }
      case 'setWeights': {
        this.setWeights(this.held(r.model), r.values);
        return { type: 'done', id: r.id };
      }
      case 'dispose': {
        const h = this.models.get(r.model);
        this.models.delete(r.model);
        h?.explainer.dispose();
        h?.model.dispose();
        return { type: 'done', id: r.id };
      }
    }
  }

  private async build(r: Extract<ToNetWorker, { type: 'build' }>): Promise<FromNetWorker> {
    if (this.models.has(r.model)) throw new Error(`the net worker already holds a model ${r.model}`);
    const model = await buildModel(r.spec);
    try {
      const plan = transferWeights(
        model,
        r.banks.map((b) => ({
          bank: { values: new Map(b.values), shapes: new Map(b.shapes) },
          untrained: new Set(b.untrained),
        })),
      );
      const explainer = new Explainer(model);
      const held = { model, explainer };
      if (r.given) this.setWeights(held, r.given);
      const shapes = new Map(weightEntries(model).map((w) => [w.name, w.shape]));
      const weights: [string, Values][] = [...getNamedWeights(model)].map(([name, data]) => [
        name,
        { data, shape: shapes.get(name) ?? [data.length] },
      ]);
      const activations = r.image ? activationsOf(explainer, r.image) : null;
      this.models.set(r.model, held);
      return {
        type: 'built',
        id: r.id,
        inputShape: explainer.inputShape,
        inputName: model.inputLayers[0]?.name ?? 'input',
        weights,
        layersWithWeights: [...new Set(weightEntries(model).map((w) => w.layer))],
        untrained: [...plan.untrained],
        reinitialised: [...plan.reinitialised],
        activations,
      };
    } catch (e) {
      if (!this.models.has(r.model)) model.dispose();
      throw e;
    }
  }

  /** Puts in the values whose names and lengths fit; others are ignored (as `NetRunner.setWeights`). */
  private setWeights(h: Held, values: [string, Float32Array][]): void {
    const given = new Map(values);
    for (const layer of h.model.layers) {
      const fits = layer.weights.map((w) => {
        const data = given.get(weightName(layer.name, w.originalName));
        const size = w.shape.reduce((a: number, b) => a * (b ?? 1), 1);
        return data?.length === size ? data : null;
      });
      if (!fits.some(Boolean)) continue;
      const tensors = layer.weights.map((w, k) => {
        const data = fits[k];
        return data ? tf.tensor(data, w.shape as number[]) : w.read().clone();
      });
      layer.setWeights(tensors);
      tf.dispose(tensors);
    }
    h.explainer.invalidateWeights();
  }
}

/**
 * The net worker's logic, apart from the worker itself so that Node tests call it directly:
 * builds models from specs (random initialisation, then weights from banks or given values),
 * explains images with them, and answers every request with one reply and the buffers to
 * transfer. Every reply's arrays are fresh copies, owned by nobody else, so transferring them
 * never detaches a tensor's memory. No tensor outlives a request except the models' own.
 */
import { tf } from '../tf';
import { buildModel, getNamedWeights, transferWeights, weightEntries, weightName } from '../build';
import { Explainer } from '../explain';
import type { ActivationsMessage, FromNetWorker, ToNetWorker, Values } from './netProtocol';
import { arraysOf, transferList } from './netProtocol';

interface Held {
  model: tf.LayersModel;
  explainer: Explainer;
}

export interface Reply {
  message: FromNetWorker;
  transfer: ArrayBuffer[];
}

/** Own copies of every activation, so they can be transferred. */
function activationsOf(explainer: Explainer, image: Float32Array): ActivationsMessage {
  const e = explainer.explain(image);
  return [...e.activations].map(([id, t]) => [id, { data: t.data.slice(), shape: [...t.shape] }]);
}

export class NetWorkerHandler {
  private readonly models = new Map<number, Held>();

  /** Models held now (the tests check none is left behind). */
  get modelCount(): number {
    return this.models.size;
  }

  async handle(request: Exclude<ToNetWorker, { type: 'init' }>): Promise<Reply> {
    let message: FromNetWorker;
    try {
      message = await this.answer(request);
    } catch (e) {
      message = { type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) };
    }
    return { message, transfer: transferList(arraysOf(message)) };
  }

  private held(model: number): Held {
    const h = this.models.get(model);
    if (!h) throw new Error(`the net worker holds no model ${model}`);
    return h;
  }

  private async answer(r: Exclude<ToNetWorker, { type: 'init' }>): Promise<FromNetWorker> {
    switch (r.type) {
      case 'build':
        return this.build(r);
      case 'explain':
        return {
          type: 'explained',
          id: r.id,
          activations: activationsOf(this.held(r.model).explainer, r.image),
        };
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

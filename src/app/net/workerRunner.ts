/**
 * A `NetRunner` whose net lives in the net worker: built there (random initialisation
 * included), run there, its activations sent back as transferred arrays, so a big net never
 * blocks the page. Images are explained with `explainAsync`; the page keeps a copy of the
 * weights, so reading them (training, saving, rebuilding) needs no round trip.
 */
import type { BuiltMessage, Values, WeightBankMessage } from '../../lib/engine/worker/netProtocol';
import type { Explanation, LayerWeights, NetRunner, TensorData } from '../../lib/tensor/types';
import type { NetworkSpec } from '../../lib/spec/types';
import type { NetWorkerClient } from './netWorkerClient';
import { WorkerAttributor } from './workerAttributor';
import type { AsyncAttributor } from '../../lib/attribution/types';
import type { NetInputPlan, RawImage } from '../../lib/preprocess/netInput';

/** What a build in the worker gives besides the runner (as `NetHost.rebuild` reports it). */
export interface WorkerBuild {
  runner: WorkerRunner;
  untrained: Set<string>;
  reinitialised: string[];
  layersWithWeights: Set<string>;
  /** The image's explanation, when one was given. */
  explanation: Explanation | null;
}

export class WorkerRunner implements NetRunner {
  private disposed = false;
  private weightView: Map<string, LayerWeights[]> | null = null;
  private attribution: WorkerAttributor | null = null;

  private constructor(
    private readonly client: NetWorkerClient,
    private readonly model: number,
    readonly spec: NetworkSpec,
    private readonly layerIds: readonly string[],
    readonly inputShape: number[],
    private readonly inputName: string,
    private readonly values: Map<string, Values>,
  ) {}

  /**
   * Builds `spec` in the worker: fresh weights, then those of `banks` where names and shapes fit,
   * then `given` by name; and explains `image` if given. `given` arrays are copied, never moved.
   */
  static async build(
    client: NetWorkerClient,
    spec: NetworkSpec,
    o: {
      banks?: WeightBankMessage[];
      given?: ReadonlyMap<string, Float32Array> | null;
      image?: Float32Array | null;
    },
  ): Promise<WorkerBuild> {
    await client.ready;
    const model = client.newModel();
    // Only arrays made for this message move to the worker; the caller's stay usable.
    const image = o.image ? o.image.slice() : null;
    const banks = o.banks ?? [];
    const transfer = [
      ...banks.flatMap((b) => b.values.map(([, v]) => v.buffer)),
      ...(image ? [image.buffer] : []),
    ];
    const reply = await client.request(
      { type: 'build', model, spec, banks, given: o.given ? [...o.given] : null, image },
      transfer.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
    );
    if (reply.type !== 'built') throw new Error(`the net worker answered ${reply.type} to a build`);
    const runner = new WorkerRunner(
      client,
      model,
      spec,
      spec.layers.map((l) => l.id),
      reply.inputShape,
      reply.inputName,
      new Map(reply.weights),
    );
    return {
      runner,
      untrained: new Set(reply.untrained),
      reinitialised: reply.reinitialised,
      layersWithWeights: new Set(reply.layersWithWeights),
      explanation: reply.activations && o.image ? runner.explanationOf(reply, o.image) : null,
    };
  }

  explain(): Explanation {
    throw new Error('this net runs in the net worker: use explainAsync');
  }

  async explainAsync(image: Float32Array): Promise<Explanation> {
    const reply = await this.client.request({ type: 'explain', model: this.model, image: image.slice() });
    if (reply.type !== 'explained') throw new Error(`the net worker answered ${reply.type} to explain`);
    return this.explanationOf(reply, image);
  }

  /**
   * `raw` made the net's input as `plan` says and explained, both in the worker: the page
   * never runs the resize and normalisation (some 20 ms of a 224-pixel input before the engine
   * has optimised them). `raw` is copied, never moved.
   */
  async explainImageAsync(
    raw: RawImage,
    plan: NetInputPlan,
  ): Promise<{ input: Float32Array; explanation: Explanation }> {
    const data = raw.data.slice();
    const reply = await this.client.request(
      { type: 'explainImage', model: this.model, raw: { ...raw, data }, plan },
      [data.buffer],
    );
    if (reply.type !== 'explained' || !reply.input)
      throw new Error(`the net worker answered ${reply.type} to explainImage`);
    return { input: reply.input, explanation: this.explanationOf(reply, reply.input) };
  }

  /** The "Why?" methods, run in the worker on the net it holds. */
  asyncAttributor(): AsyncAttributor {
    this.attribution ??= new WorkerAttributor(this.client, this.model, this);
    return this.attribution;
  }

  /** The explanation of `image` from activations the worker sent (for FGSM's adversarial image). */
  explanationFrom(activations: [string, Values][], image: Float32Array): Explanation {
    return this.explanationOf({ activations }, image);
  }

  /** The explanation of `image` from the worker's activations; the input is the caller's own array. */
  private explanationOf(
    reply: { activations: BuiltMessage['activations'] },
    image: Float32Array,
  ): Explanation {
    const activations = new Map<string, TensorData>(reply.activations ?? []);
    activations.set(this.inputName, { data: image, shape: this.inputShape });
    const last = activations.get(this.layerIds[this.layerIds.length - 1] ?? '');
    return { activations, probabilities: last?.data ?? new Float32Array(), weights: this.layerWeights() };
  }

  /** Each layer's weights as views of the page's copy (like the engine's, read once per set of weights). */
  private layerWeights(): Map<string, LayerWeights[]> {
    if (this.weightView) return this.weightView;
    const out = new Map<string, LayerWeights[]>(this.layerIds.map((id) => [id, []]));
    for (const [name, value] of this.values) {
      const layer = name.slice(0, name.indexOf('/'));
      out.get(layer)?.push({ name: name.slice(layer.length + 1), value });
    }
    this.weightView = out;
    return out;
  }

  namedWeights(): Map<string, Float32Array> {
    return new Map([...this.values].map(([name, v]) => [name, v.data.slice()]));
  }

  weightShapes(): Map<string, number[]> {
    return new Map([...this.values].map(([name, v]) => [name, [...v.shape]]));
  }

  setWeights(named: ReadonlyMap<string, Float32Array>): Set<string> {
    const changed: [string, Float32Array][] = [];
    for (const [name, data] of named) {
      const held = this.values.get(name);
      if (held?.data.length !== data.length) continue;
      const copy = data.slice();
      this.values.set(name, { data: copy, shape: held.shape });
      changed.push([name, copy]);
    }
    this.weightView = null;
    // Requests are answered in order, so the next explain sees these values.
    if (changed.length > 0)
      void this.client
        .request({ type: 'setWeights', model: this.model, values: changed })
        .catch(() => undefined);
    return new Set([...this.values.keys()].map((n) => n.slice(0, n.indexOf('/'))));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.client.request({ type: 'dispose', model: this.model }).catch(() => undefined);
  }
}

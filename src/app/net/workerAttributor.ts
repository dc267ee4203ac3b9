/**
 * The "Why?" panel's methods for a net in the net worker: each is one `attribute` request,
 * answered there on the net the worker holds (no rebuild on the page, no pause), with the
 * worker's progress passed on and the request cancelled when the caller's signal aborts.
 */
import type {
  AsyncAttributor,
  FgsmOptions,
  FgsmResult,
  GradCamOptions,
  GradCamResult,
  OcclusionOptions,
  OcclusionResult,
  RunHooks,
  SaliencyOptions,
  SaliencyResult,
  VisualiseOptions,
  VisualiseResult,
} from '../../lib/attribution/types';
import type { Explanation } from '../../lib/tensor/types';
import type { AttributeAnswer, AttributeRequest } from '../../lib/engine/worker/attributionProtocol';
import { floatArraysIn } from '../../lib/engine/worker/attributionProtocol';
import type { NetWorkerClient } from './netWorkerClient';

/** What the attributor needs of its runner: the image's explanation, and one made from activations. */
export interface ExplainingRunner {
  readonly inputShape: number[];
  explainAsync(image: Float32Array): Promise<Explanation>;
  explanationFrom(
    activations: [string, { data: Float32Array; shape: number[] }][],
    image: Float32Array,
  ): Explanation;
}

type Method = AttributeRequest['method'];
type Hooks = RunHooks & { onPreview?: (image: Float32Array) => void };

/** The options without what cannot travel (callbacks, the signal): the worker has its own. */
function plain<T extends object>(options: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options))
    if (typeof v !== 'function' && !(v instanceof AbortSignal)) out[k] = v;
  return out as T;
}

export class WorkerAttributor implements AsyncAttributor {
  constructor(
    private readonly client: NetWorkerClient,
    private readonly model: number,
    private readonly runner: ExplainingRunner,
  ) {}

  private async ask<M extends Method>(
    request: Extract<AttributeRequest, { method: M }>,
    hooks: Hooks,
  ): Promise<Extract<AttributeAnswer, { method: M }>> {
    // Only the copies made for the request move to the worker.
    const transfer = floatArraysIn(request).map((a) => a.buffer as ArrayBuffer);
    const reply = await this.client.request({ type: 'attribute', model: this.model, request }, transfer, {
      signal: hooks.signal,
      onProgress: (m) => {
        hooks.onProgress?.(m.done, m.total);
        if (m.preview) hooks.onPreview?.(m.preview);
      },
    });
    if (reply.type !== 'attributed' || reply.answer.method !== request.method)
      throw new Error(`the net worker answered ${reply.type} to ${request.method}`);
    return reply.answer as Extract<AttributeAnswer, { method: M }>;
  }

  async saliency(image: Float32Array, o: SaliencyOptions & RunHooks): Promise<SaliencyResult> {
    return (await this.ask({ method: 'saliency', image: image.slice(), options: plain(o) }, o)).result;
  }

  async gradCam(image: Float32Array, o: GradCamOptions & RunHooks): Promise<GradCamResult> {
    return (await this.ask({ method: 'gradCam', image: image.slice(), options: plain(o) }, o)).result;
  }

  async occlusion(image: Float32Array, o: OcclusionOptions): Promise<OcclusionResult> {
    const request = {
      method: 'occlusion' as const,
      image: image.slice(),
      options: plain(o),
      preview: Boolean(o.onPreview),
    };
    return (await this.ask(request, o)).result;
  }

  async visualise(o: VisualiseOptions): Promise<VisualiseResult> {
    const request = { method: 'visualise' as const, options: plain(o), preview: Boolean(o.onPreview) };
    return (await this.ask(request, o)).result;
  }

  async fgsm(image: Float32Array, o: FgsmOptions & RunHooks, known?: Explanation): Promise<FgsmResult> {
    const answer = await this.ask({ method: 'fgsm', image: image.slice(), options: plain(o) }, o);
    const run = answer.result;
    const before = known ?? (await this.runner.explainAsync(image));
    const explanation = this.runner.explanationFrom(answer.activations, run.image);
    return {
      classIndex: o.classIndex,
      epsilon: o.epsilon,
      steps: run.steps,
      direction: o.direction ?? 'away',
      perturbation: run.perturbation,
      image: run.image,
      shape: this.runner.inputShape.slice(0, 3) as [number, number, number],
      before: before.probabilities,
      after: explanation.probabilities,
      losses: run.losses,
      loss: run.loss,
      change: answer.change,
      explanation,
    };
  }
}

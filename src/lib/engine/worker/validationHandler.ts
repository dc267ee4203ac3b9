/**
 * The validation worker's logic, apart from the worker so that Node tests drive it directly
 * (or through a MessageChannel): one run at a time, a model built from the run's spec and
 * its kept validation set; each request puts the given weights into that model and evaluates.
 * No tensor outlives a request but the model, which `end` (or the next run's `setup`) frees.
 */
import type { tf } from '../tf';
import { buildModel, setNamedWeights } from '../build';
import type { FinalEvaluation, WeightList } from '../../training/protocol';
import { evaluateKept, type KeptSet } from './evaluate';
import { keptSet } from './validationImages';
import { netFeed } from '../../training/netFeed';
import type { FromValidation, ToValidation } from './validationProtocol';

interface Run {
  run: number;
  model: Promise<tf.LayersModel>;
  set: KeptSet;
  classes: number;
}

export class ValidationHandler {
  private current: Run | null = null;
  private models = 0;
  /** Runs are numbered upwards: a `setup` for a run that has already ended is ignored. */
  private lastEnded = -1;

  /** Models built and not yet freed (the tests check none is left behind). */
  get modelCount(): number {
    return this.models;
  }

  setup(message: Extract<ToValidation, { type: 'setup' }>): void {
    if (message.run <= this.lastEnded) return;
    if (this.current) this.end(this.current.run);
    this.models++;
    const model = buildModel(message.spec);
    // A failed build is reported by the requests that await it.
    model.catch(() => this.models--);
    // The images are made here, on this worker (validationImages.ts), not by the training worker.
    const set = keptSet(message.images, netFeed(message.spec));
    this.current = { run: message.run, model, set, classes: message.classes };
  }

  /** The evaluation of `weights` on the run's set; null when the run has ended meanwhile. */
  async validate(run: number, weights: WeightList): Promise<FinalEvaluation | null> {
    const current = this.current;
    if (!current || current.run !== run) return null;
    const model = await current.model;
    if (this.current !== current) return null;
    setNamedWeights(model, new Map(weights));
    return evaluateKept(model, current.set, current.classes);
  }

  end(run: number): void {
    this.lastEnded = Math.max(this.lastEnded, run);
    const current = this.current;
    if (!current || current.run !== run) return;
    this.current = null;
    // Built or still building: freed once there (after any request awaiting it has looked).
    current.model.then(
      (m) => {
        m.dispose();
        this.models--;
      },
      () => {},
    );
  }
}

/** Where the worker's messages come in and its answers go (the worker's scope, or a MessagePort). */
export interface ValidationEndpoint {
  postMessage(message: FromValidation, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToValidation>) => void) | null;
}

/**
 * Answers `endpoint`'s requests with `handler`, one at a time in order, after `init` (the
 * worker's backend); `end` acts at once, so the requests of a run that ended while queued are
 * skipped.
 */
export function serveValidation(
  endpoint: ValidationEndpoint,
  handler: ValidationHandler,
  init: (message: Extract<ToValidation, { type: 'init' }>) => Promise<unknown> = async () => {},
): void {
  let queue: Promise<unknown> = Promise.resolve();
  endpoint.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'init') queue = queue.then(() => init(m));
    else if (m.type === 'setup') queue = queue.then(() => handler.setup(m));
    else if (m.type === 'end') handler.end(m.run);
    else
      queue = queue
        .then(() => handler.validate(m.run, m.weights))
        .then(
          (evaluation) => {
            if (evaluation) endpoint.postMessage({ type: 'result', run: m.run, id: m.id, evaluation }, []);
          },
          (e: unknown) => {
            const message = e instanceof Error ? e.message : String(e);
            endpoint.postMessage({ type: 'error', run: m.run, id: m.id, message }, []);
          },
        );
  };
}

/**
 * How a training session validates: `validate(model)` takes the model's weights as they are at
 * the call (step N's) and resolves with their evaluation whenever it is ready. In the worker it
 * is done on the other core (ValidationLink, talking to validationWorker.ts) so training goes on
 * meanwhile; in Node, or for a set too big to keep, on the spot (localValidator).
 */
import type { tf } from '../tf';
import { getNamedWeights } from '../build';
import type { NetworkSpec } from '../../spec/types';
import type { ImageSource } from '../../data/imageSet';
import type { FinalEvaluation, WeightList } from '../../training/protocol';
import type { NetFeed } from '../../training/netFeed';
import { gatherSet, keepable, validationSet } from './evaluate';
import type { FromValidation, ToValidation } from './validationProtocol';
import { transfersOf, type ValidationImages } from './validationImages';

export interface Validator {
  validate(model: tf.LayersModel): Promise<FinalEvaluation>;
  /** The run is over: nothing it asked for is answered any more. */
  dispose(): void;
}

export interface ValidationRequest {
  spec: NetworkSpec;
  classes: number;
  source: ImageSource;
  indices: ArrayLike<number>;
  feed: NetFeed;
  /** The images described for the validation worker to make itself (else gathered here). */
  images?: () => ValidationImages;
}

/** Validates on the calling thread, at the call. */
export function localValidator(r: ValidationRequest): Validator {
  const evaluate = validationSet(r.source, r.indices, r.classes, r.feed);
  return {
    validate: async (model) => evaluate(model),
    dispose: () => {},
  };
}

/** The training worker's end of a validation worker (or, in tests, of a MessagePort). */
export interface ValidationPort {
  postMessage(message: ToValidation, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromValidation>) => void) | null;
}

interface Pending {
  run: number;
  resolve: (e: FinalEvaluation) => void;
  reject: (e: Error) => void;
}

/**
 * One validation worker, kept for the training worker's life (its tfjs and wasm start once);
 * `open` gives each run a Validator. Answers are matched to requests by id; one for a run
 * that was disposed meanwhile finds no request and is dropped.
 */
export class ValidationLink {
  private runs = 0;
  private ids = 0;
  private readonly pending = new Map<number, Pending>();
  private broken: string | null = null;

  constructor(private readonly port: ValidationPort) {
    port.onmessage = (event) => {
      const m = event.data;
      const waiting = this.pending.get(m.id);
      if (!waiting || waiting.run !== m.run) return;
      this.pending.delete(m.id);
      if (m.type === 'result') waiting.resolve(m.evaluation);
      else waiting.reject(new Error(`validation failed: ${m.message}`));
    };
  }

  /** Requests outstanding (the tests check a disposed run leaves none). */
  get outstanding(): number {
    return this.pending.size;
  }

  /** The worker failed: what it still owes is rejected, and later runs validate locally. */
  fail(reason: string): void {
    this.broken = reason;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error(`the validation worker failed: ${reason}`));
    }
  }

  open(r: ValidationRequest): Validator {
    if (this.broken !== null || !keepable(r.source, r.indices.length, r.feed)) return localValidator(r);
    const run = ++this.runs;
    let setUp = false;
    return {
      validate: (model) => {
        if (this.broken !== null)
          return Promise.reject(new Error(`the validation worker failed: ${this.broken}`));
        if (!setUp) {
          setUp = true;
          // Made by the validation worker when described; otherwise gathered here, at the first
          // validation (by then a prefetcher has drawn them).
          const images: ValidationImages = r.images?.() ?? {
            kind: 'kept',
            set: gatherSet(r.source, r.indices, r.feed),
          };
          this.port.postMessage(
            { type: 'setup', run, spec: r.spec, classes: r.classes, images },
            transfersOf(images),
          );
        }
        // Copied now: these are the weights this validation is of, whatever training does next.
        const weights: WeightList = [...getNamedWeights(model)];
        const id = ++this.ids;
        const result = new Promise<FinalEvaluation>((resolve, reject) =>
          this.pending.set(id, { run, resolve, reject }),
        );
        this.port.postMessage(
          { type: 'validate', run, id, weights },
          weights.map(([, w]) => w.buffer as ArrayBuffer),
        );
        return result;
      },
      dispose: () => {
        for (const [id, p] of this.pending) if (p.run === run) this.pending.delete(id);
        this.port.postMessage({ type: 'end', run }, []);
      },
    };
  }
}

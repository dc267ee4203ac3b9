/**
 * The training worker: tfjs with the wasm backend off the main thread, so the page keeps
 * drawing while a network trains. It builds the data source, runs one TrainingSession at a
 * time and forwards what the session emits to the page.
 */
import { initBackend } from '../backend';
import { imageSetSource } from '../../data/imageSet';
import { LazyShapes } from '../../data/synthetic/lazy';
import { DEFAULT_RENDER } from '../../data/synthetic/render';
import type { DataSource, FromWorker, ToWorker } from '../../training/protocol';
import { TrainingSession, type SessionData } from './session';
import { ShapesPrefetch } from './shapesPrefetch';
import { localValidator, ValidationLink, type ValidationRequest, type Validator } from './validator';
import { pixelsOf } from './validationImages';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
let session: TrainingSession | null = null;
let ready: Promise<string> | null = null;
let prefetcher: ShapesPrefetch | null = null;
let wasmPaths: Record<string, string> | undefined;
/** The validation worker, started with the first run (undefined: not yet; null: none here). */
let validation: ValidationLink | null | undefined;

/**
 * Validation on the other core, so training never waits for it (see validator.ts); where a
 * worker cannot be started, the session validates by itself as before.
 */
function validationLink(): ValidationLink | null {
  if (validation !== undefined) return validation;
  validation = null;
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./validationWorker.ts', import.meta.url), {
      type: 'module',
      name: 'validation',
    });
    const link = new ValidationLink(worker);
    worker.onerror = (e) => link.fail(e.message || 'it did not start');
    worker.postMessage({ type: 'init', wasmPaths });
    validation = link;
  } catch {
    validation = null;
  }
  return validation;
}

function validator(request: ValidationRequest): Validator {
  return validationLink()?.open(request) ?? localValidator(request);
}

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function range(from: number, count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => from + i);
}

function sessionData(source: DataSource): SessionData {
  if (source.kind === 'shapes') {
    // Training and validation images come from disjoint index ranges of one seeded stream.
    const shapes = new LazyShapes(source.seed, source.trainCount + source.valCount, {
      ...DEFAULT_RENDER,
      size: source.size,
    });
    // Drawn ahead on the other core; ended with the run.
    prefetcher = new ShapesPrefetch(shapes, source.seed);
    const ahead = prefetcher;
    const validationIndices = range(source.trainCount, source.valCount);
    return {
      train: shapes,
      trainIndices: range(0, source.trainCount),
      validation: shapes,
      validationIndices,
      prefetch: (order) => ahead.prefetch(order),
      validator,
      // Drawn by the validation worker itself, from the same seed: the same images.
      validationImages: () => ({
        kind: 'shapes',
        seed: source.seed,
        render: { ...DEFAULT_RENDER, size: source.size },
        indices: validationIndices.slice(),
      }),
    };
  }
  const images = imageSetSource(source);
  return {
    train: images,
    trainIndices: source.trainIndices,
    validation: images,
    validationIndices: source.valIndices,
    validator,
    validationImages: () => pixelsOf(source, source.valIndices),
  };
}

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  if (!ready) throw new Error('the worker was not initialised');
  // Started now, so its tfjs and wasm load while this worker builds the data and the model.
  validationLink();
  await ready;
  post({ type: 'preparing', stage: 'data' });
  session = new TrainingSession(
    message.spec,
    new Map(message.weights),
    message.classes,
    sessionData(message.data),
    message.config,
    post,
  );
  try {
    await session.run();
  } finally {
    session = null;
    prefetcher?.dispose();
    prefetcher = null;
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const fail = (e: unknown): void =>
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  switch (message.type) {
    case 'init':
      wasmPaths = message.wasmPaths;
      ready = initBackend({ order: ['wasm', 'cpu'], wasmPaths });
      ready.then((backend) => post({ type: 'ready', backend }), fail);
      break;
    case 'start':
      if (session) fail(new Error('a training run is already going'));
      else start(message).catch(fail);
      break;
    case 'pause':
      session?.pause();
      break;
    case 'resume':
      session?.resume();
      break;
    case 'stop':
      session?.stop();
      break;
    case 'setSnapshotEvery':
      session?.setSnapshotEvery(message.steps);
      break;
  }
};

/**
 * Models kept in the browser: IndexedDB records with the spec, the weights (typed arrays
 * store as they are), the class names and the training log, so a trained net survives a
 * reload. Summaries are listed without reading the weights.
 */
import type { NetworkSpec } from '../../lib/spec/types';
import type { TrainingLog } from '../../lib/training/log';
import type { FinalEvaluation } from '../../lib/training/protocol';

const DB_NAME = 'cnn-studio';
const DB_VERSION = 1;
const MODELS = 'models';
const SUMMARIES = 'summaries';

export interface ModelSummary {
  id: string;
  name: string;
  savedAt: number;
  dataset: string;
  classes: string[];
  /** Validation accuracy at the end of training, if it was trained here. */
  accuracy: number | null;
  params: number;
  steps: number;
}

export interface StoredModel {
  id: string;
  spec: NetworkSpec;
  weights: Map<string, Float32Array>;
  log: TrainingLog;
  evaluation: FinalEvaluation | null;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(new Error('this browser has no IndexedDB (private mode?)'));
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = () => {
      // Summaries apart from the weights, so listing never reads megabytes.
      if (!r.result.objectStoreNames.contains(MODELS)) r.result.createObjectStore(MODELS, { keyPath: 'id' });
      if (!r.result.objectStoreNames.contains(SUMMARIES))
        r.result.createObjectStore(SUMMARIES, { keyPath: 'id' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this site'));
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

export async function saveModel(
  summary: Omit<ModelSummary, 'id' | 'savedAt'>,
  model: Omit<StoredModel, 'id'>,
): Promise<ModelSummary> {
  const db = await open();
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const full: ModelSummary = { ...summary, id, savedAt: Date.now() };
  const tx = db.transaction([MODELS, SUMMARIES], 'readwrite');
  tx.objectStore(MODELS).put({ ...model, id });
  tx.objectStore(SUMMARIES).put(full);
  await done(tx);
  return full;
}

export async function listModels(): Promise<ModelSummary[]> {
  const db = await open();
  const all = await request(
    db.transaction(SUMMARIES).objectStore(SUMMARIES).getAll() as IDBRequest<ModelSummary[]>,
  );
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

export async function readModel(id: string): Promise<StoredModel> {
  const db = await open();
  const found = await request(
    db.transaction(MODELS).objectStore(MODELS).get(id) as IDBRequest<StoredModel | undefined>,
  );
  if (!found) throw new Error(`no saved model with id ${id}`);
  return found;
}

export async function deleteModel(id: string): Promise<void> {
  const db = await open();
  const tx = db.transaction([MODELS, SUMMARIES], 'readwrite');
  tx.objectStore(MODELS).delete(id);
  tx.objectStore(SUMMARIES).delete(id);
  await done(tx);
}

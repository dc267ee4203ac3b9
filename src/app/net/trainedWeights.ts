/**
 * Which zoo networks have trained weights beside the page (models/<folder>/, written by
 * `npm run train`), read from the build's index of their meta.json files. A folder the index
 * does not list has none: the zoo then marks the network as untrained instead of offering
 * weights that are not there.
 */
import { parseModelMeta, type ModelMeta } from '../../lib/model/meta';

export interface TrainedWeights {
  /** Where model.json, weights.bin and meta.json are, ending in a slash. */
  baseUrl: string;
  meta: ModelMeta;
  /** False while the run goes on: these are the best weights so far, not yet tested. */
  finished: boolean;
  /** Epochs done, and the run's budget of epochs. */
  epochs: number;
  epochBudget: number;
  /** The best validation accuracy so far (0..1), when the run recorded it. */
  valAccuracy: number | null;
}

const FOLDER = /^[a-z0-9][a-z0-9._-]*$/;

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/** Reads a meta.json as `npm run train` writes it; null when it is not one. */
export function readTrainedWeights(baseUrl: string, json: unknown): TrainedWeights | null {
  let meta: ModelMeta;
  try {
    meta = parseModelMeta(json, `${baseUrl}meta.json`);
  } catch {
    return null;
  }
  const m = json as Record<string, unknown>;
  const training = (typeof m.training === 'object' && m.training !== null ? m.training : {}) as Record<
    string,
    unknown
  >;
  const log = Array.isArray(m.log) ? m.log : [];
  const epochs = count(training.epochs) || log.length;
  const valAccuracy = typeof m.bestValAccuracy === 'number' ? m.bestValAccuracy : null;
  return {
    baseUrl,
    meta,
    // Metas written before runs recorded `finished` were written at the end, with a test accuracy.
    finished: training.finished === undefined ? meta.testAccuracy !== null : training.finished === true,
    epochs,
    epochBudget: count(training.epochBudget) || epochs,
    valAccuracy: valAccuracy !== null && valAccuracy >= 0 && valAccuracy <= 1 ? valAccuracy : null,
  };
}

/** Where the build lists the trained weights it ships (see scripts/lib/trainedIndex.ts). */
export const TRAINED_INDEX_URL = './models/index.json';

/**
 * Every zoo folder's trained weights, from the one index the build writes beside the models
 * (`{ "models": { "<folder>": <its meta.json> } }`): one request, never a 404 per missing folder.
 * A missing or unreadable index means none; an entry that is not a meta.json is left out.
 */
export async function findTrainedWeights(
  folders: readonly string[],
  fetcher: typeof fetch = fetch,
): Promise<Map<string, TrainedWeights>> {
  const found = new Map<string, TrainedWeights>();
  let index: unknown;
  try {
    const res = await fetcher(TRAINED_INDEX_URL);
    if (!res.ok) return found;
    // A dev server answers a missing file with the page itself: not JSON, so no weights.
    index = await res.json();
  } catch {
    return found;
  }
  const models = (index as { models?: unknown } | null)?.models;
  if (typeof models !== 'object' || models === null) return found;
  for (const folder of folders) {
    if (!FOLDER.test(folder) || !Object.hasOwn(models, folder)) continue;
    const weights = readTrainedWeights(`./models/${folder}/`, (models as Record<string, unknown>)[folder]);
    if (weights) found.set(folder, weights);
  }
  return found;
}

/**
 * Which zoo networks have trained weights beside the page (models/<folder>/, written by
 * `npm run train`), read from their meta.json. A folder without a readable meta.json has none:
 * the zoo then marks the network as untrained instead of offering weights that are not there.
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

/** Looks for trained weights in `models/<folder>/`; null when there are none (or no such folder). */
export async function findTrainedWeights(
  folder: string,
  fetcher: typeof fetch = fetch,
): Promise<TrainedWeights | null> {
  if (!FOLDER.test(folder)) return null;
  const baseUrl = `./models/${folder}/`;
  try {
    const res = await fetcher(`${baseUrl}meta.json`);
    if (!res.ok) return null;
    // A dev server answers a missing file with the page itself: not JSON, so no weights.
    return readTrainedWeights(baseUrl, await res.json());
  } catch {
    return null;
  }
}

/**
 * models/index.json: the trained weights the site ships, one entry per folder of models/ that
 * has a meta.json (its content, so the page reads every net's classes and progress in one
 * request). The build leaves out runs still going (`training.finished: false`): weights ship
 * when their training is done; the dev server lists them too, marked in progress by the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TrainedIndex {
  models: Record<string, unknown>;
}

/** True for a meta.json whose run has not finished (older metas without `training` are finished). */
export function isUnfinishedRun(meta: unknown): boolean {
  const training = (meta as { training?: { finished?: unknown } } | null)?.training;
  return typeof training === 'object' && training !== null && training.finished === false;
}

/**
 * Reads every `<root>/<folder>/meta.json`; a meta.json that is not JSON stops the build with
 * its path (a broken model must not ship as 'untrained' without anyone noticing).
 */
export function buildTrainedIndex(root: string, options: { includeUnfinished: boolean }): TrainedIndex {
  const models: Record<string, unknown> = {};
  if (!existsSync(root)) return { models };
  const entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name, 'meta.json');
    if (!existsSync(path) || !existsSync(join(root, entry.name, 'model.json'))) continue;
    let meta: unknown;
    try {
      meta = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`${path}: not JSON (${(e as Error).message})`);
    }
    if (!options.includeUnfinished && isUnfinishedRun(meta)) continue;
    models[entry.name] = meta;
  }
  return { models };
}

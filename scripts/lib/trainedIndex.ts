/**
 * models/index.json: the trained weights the site ships, one entry per folder of models/ that
 * has a meta.json (its content, so the page reads every net's classes and progress in one
 * request). The build leaves out runs still going (`training.finished: false`) unless their best
 * weights were tested and meet the net's bar: `npm run eval -- --record` writes test.json with
 * the accuracy, the epoch of the weights it tested and the bar, and the entry then carries that
 * test accuracy. Training takes hours here and spans sessions, so a net ships at the bar and
 * improves later. The dev server lists every run, marked in progress by the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TrainedIndex {
  models: Record<string, unknown>;
}

/** The test record `npm run eval -- --record` writes beside a run's weights. */
export const TEST_RECORD = 'test.json';

export interface TestRecord {
  accuracy: number;
  images: number;
  /** The epoch whose weights were tested (meta.json's bestEpoch then). */
  epoch: number;
  /** The accuracy at which these weights may ship before the run ends. */
  shipAt: number;
}

/** The record for weights just tested; the epoch is the run's best so far. */
export function testRecord(meta: unknown, accuracy: number, images: number, shipAt = 1): TestRecord {
  const epoch = (meta as { bestEpoch?: unknown } | null)?.bestEpoch;
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 1)
    throw new Error('meta.json has no bestEpoch: which weights were tested is unknown');
  return { accuracy, images, epoch, shipAt };
}

function readTestRecord(path: string): TestRecord {
  let r: unknown;
  try {
    r = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
  const fraction = (k: string) => typeof o[k] === 'number' && (o[k] as number) >= 0 && (o[k] as number) <= 1;
  const whole = (k: string) => typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 1;
  for (const [k, ok] of [
    ['accuracy', fraction('accuracy')],
    ['images', whole('images')],
    ['epoch', whole('epoch')],
    ['shipAt', fraction('shipAt')],
  ] as const)
    if (!ok) throw new Error(`${path}: ${k} is missing or out of range (${JSON.stringify(o[k])})`);
  return o as unknown as TestRecord;
}

/**
 * A run still going, as the build ships it: with its test accuracy when test.json tested the
 * weights now in the folder (the same best epoch) and they meet the bar; otherwise null.
 */
function shippedSoFar(meta: unknown, folder: string): unknown {
  const path = join(folder, TEST_RECORD);
  if (!existsSync(path)) return null;
  const test = readTestRecord(path);
  const bestEpoch = (meta as { bestEpoch?: unknown }).bestEpoch;
  if (test.epoch !== bestEpoch || test.accuracy < test.shipAt) return null;
  return { ...(meta as object), testAccuracy: test.accuracy, testImages: test.images };
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
    if (!options.includeUnfinished && isUnfinishedRun(meta)) {
      const shipped = shippedSoFar(meta, join(root, entry.name));
      if (shipped) models[entry.name] = shipped;
      continue;
    }
    models[entry.name] = meta;
  }
  return { models };
}

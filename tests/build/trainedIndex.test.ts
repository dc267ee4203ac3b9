/**
 * models/index.json: what the build ships of models/ (finished runs, and runs still going whose
 * best weights were tested at the bar) and the dev server lists.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTrainedIndex, isUnfinishedRun, testRecord } from '../../scripts/lib/trainedIndex';

const root = mkdtempSync(join(tmpdir(), 'cnn-studio-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, meta: string | null, model = true): void {
  mkdirSync(join(root, name), { recursive: true });
  if (meta !== null) writeFileSync(join(root, name, 'meta.json'), meta);
  if (model) writeFileSync(join(root, name, 'model.json'), '{}');
}

describe('the trained-models index', () => {
  it('lists finished runs in folder order, leaves out runs still going unless asked, and folders without meta.json or model.json', () => {
    folder('zeta', JSON.stringify({ name: 'Z', training: { finished: true } }));
    folder('alpha', JSON.stringify({ name: 'A' }));
    folder('running', JSON.stringify({ name: 'R', training: { finished: false, epochs: 3 } }));
    folder('nometa', null);
    folder('nomodel', JSON.stringify({ name: 'N' }), false);
    writeFileSync(join(root, 'stray.json'), '{}');
    const built = buildTrainedIndex(root, { includeUnfinished: false });
    expect(Object.keys(built.models)).toEqual(['alpha', 'zeta']);
    expect(built.models.alpha).toEqual({ name: 'A' });
    expect(Object.keys(buildTrainedIndex(root, { includeUnfinished: true }).models)).toEqual([
      'alpha',
      'running',
      'zeta',
    ]);
  });

  it('stops on a meta.json that is not JSON, naming its path', () => {
    folder('broken', '{"name": "B",');
    expect(() => buildTrainedIndex(root, { includeUnfinished: true })).toThrow(
      /broken[\\/]meta\.json: not JSON/,
    );
    rmSync(join(root, 'broken'), { recursive: true });
  });

  it('tells a run still going from a finished or an old one', () => {
    expect(isUnfinishedRun({ training: { finished: false } })).toBe(true);
    expect(isUnfinishedRun({ training: { finished: true } })).toBe(false);
    expect(isUnfinishedRun({ name: 'old' })).toBe(false);
    expect(isUnfinishedRun(null)).toBe(false);
  });

  it('is empty for a missing models folder', () => {
    expect(buildTrainedIndex(join(root, 'none'), { includeUnfinished: true })).toEqual({ models: {} });
  });

  it('ships a run still going once its best weights were tested at the bar, with that test accuracy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-studio-interim-'));
    const run = (name: string, bestEpoch: number, test: unknown) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'model.json'), '{}');
      writeFileSync(
        join(dir, name, 'meta.json'),
        JSON.stringify({ name, testAccuracy: null, bestEpoch, training: { finished: false, epochs: 13 } }),
      );
      if (test !== undefined) writeFileSync(join(dir, name, 'test.json'), JSON.stringify(test));
    };
    run('atbar', 13, testRecord({ bestEpoch: 13 }, 0.7535, 10000, 0.75));
    run('below', 13, testRecord({ bestEpoch: 13 }, 0.74, 10000, 0.75));
    // Tested at epoch 12, but epoch 13's weights have replaced them since.
    run('stale', 13, testRecord({ bestEpoch: 12 }, 0.8, 10000, 0.75));
    run('untested', 13, undefined);
    const built = buildTrainedIndex(dir, { includeUnfinished: false });
    expect(Object.keys(built.models)).toEqual(['atbar']);
    expect(built.models.atbar).toMatchObject({
      testAccuracy: 0.7535,
      testImages: 10000,
      training: { finished: false },
    });
    // A broken record stops the build with its path and the field.
    run('broken', 13, { accuracy: 1.5, images: 10, epoch: 13, shipAt: 0.75 });
    expect(() => buildTrainedIndex(dir, { includeUnfinished: false })).toThrow(
      /broken[\\/]test\.json: accuracy/,
    );
    writeFileSync(join(dir, 'broken', 'test.json'), '{"accuracy": 0.8,');
    expect(() => buildTrainedIndex(dir, { includeUnfinished: false })).toThrow(
      /broken[\\/]test\.json: not JSON/,
    );
    expect(() => testRecord({ name: 'no epoch' }, 0.8, 10, 0.75)).toThrow(/bestEpoch/);
    rmSync(dir, { recursive: true, force: true });
  });
});

/** models/index.json: what the build ships of models/ (finished runs only) and the dev server lists. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTrainedIndex, isUnfinishedRun } from '../../scripts/lib/trainedIndex';

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
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstExampleFile, modelFiles, preloadTags } from '../../scripts/lib/vitePreload';

function site(): { models: string; statics: string } {
  const root = mkdtempSync(join(tmpdir(), 'preload-'));
  const models = join(root, 'models');
  const statics = join(root, 'static');
  mkdirSync(join(models, 'tinyvgg-cifar10'), { recursive: true });
  mkdirSync(join(statics, 'examples'), { recursive: true });
  writeFileSync(
    join(models, 'tinyvgg-cifar10', 'model.json'),
    JSON.stringify({ weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights: [] }, { paths: ['c.bin'] }] }),
  );
  writeFileSync(join(models, 'tinyvgg-cifar10', 'meta.json'), '{}');
  writeFileSync(
    join(statics, 'examples', 'index.json'),
    JSON.stringify({
      examples: [
        { class: 'cat', file: 'cat.png' },
        { class: 'dog', file: 'dog.png' },
      ],
    }),
  );
  return { models, statics };
}

describe('preload tags', () => {
  it('lists model.json, every weight shard in manifest order, then meta.json', () => {
    const { models } = site();
    expect(modelFiles(join(models, 'tinyvgg-cifar10'))).toEqual([
      'model.json',
      'a.bin',
      'b.bin',
      'c.bin',
      'meta.json',
    ]);
    expect(modelFiles(join(models, 'missing'))).toEqual([]);
  });

  it('takes the first example the strip shows and refuses a path in its name', () => {
    const { statics } = site();
    expect(firstExampleFile(join(statics, 'examples'))).toBe('cat.png');
    writeFileSync(
      join(statics, 'examples', 'index.json'),
      JSON.stringify({ examples: [{ file: '../x.png' }] }),
    );
    expect(firstExampleFile(join(statics, 'examples'))).toBeNull();
    expect(firstExampleFile(join(statics, 'nowhere'))).toBeNull();
  });

  it('points every tag at the path the app fetches, CORS-mode so fetch() can reuse it', () => {
    const { models, statics } = site();
    const tags = preloadTags({ modelsRoot: models, staticRoot: statics });
    expect(tags.map((t) => t.attrs?.href)).toEqual([
      './models/tinyvgg-cifar10/model.json',
      './models/tinyvgg-cifar10/a.bin',
      './models/tinyvgg-cifar10/b.bin',
      './models/tinyvgg-cifar10/c.bin',
      './models/tinyvgg-cifar10/meta.json',
      './examples/index.json',
      './examples/cat.png',
    ]);
    for (const t of tags)
      expect(t.attrs).toMatchObject({ rel: 'preload', as: 'fetch', crossorigin: 'anonymous' });
  });

  it('leaves out what is not there', () => {
    const root = mkdtempSync(join(tmpdir(), 'preload-empty-'));
    const tags = preloadTags({
      modelsRoot: join(root, 'models'),
      staticRoot: join(root, 'static'),
    });
    expect(tags).toEqual([]);
  });
});

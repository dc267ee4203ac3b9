import { describe, expect, it } from 'vitest';
import { listImageFolder } from '../../src/lib/data/userDataset/listing';
import { splitStratified } from '../../src/lib/data/userDataset/split';
import { validateDataset, type DatasetFacts } from '../../src/lib/data/userDataset/validate';

describe('image folder listing', () => {
  it('reads one class per folder, sorted, looking through a wrapping folder and dropping system clutter', () => {
    const l = listImageFolder([
      'mydata/dogs/10.jpg',
      'mydata/dogs/2.jpg',
      'mydata/cats/a.PNG',
      '__MACOSX/mydata/cats/._a.PNG',
      'mydata/cats/.DS_Store',
      'mydata/notes.txt',
    ]);
    expect(l.classes).toEqual([
      { name: 'cats', files: ['mydata/cats/a.PNG'] },
      { name: 'dogs', files: ['mydata/dogs/2.jpg', 'mydata/dogs/10.jpg'] },
    ]);
    expect(l.ignored).toEqual([
      { path: 'mydata/notes.txt', reason: { en: 'not inside a class folder', zh: '不在任何类别文件夹中' } },
    ]);
  });

  it('lists files of the wrong type with their extension, and reads Windows separators', () => {
    const l = listImageFolder(['a\\1.png', 'a\\readme.md', 'b/2.webp', 'b/archive']);
    expect(l.classes.map((c) => c.name)).toEqual(['a', 'b']);
    expect(l.ignored.map((i) => [i.path, i.reason.en])).toEqual([
      ['a\\readme.md', 'not an image file type (.md)'],
      ['b/archive', 'not an image file type (.?)'],
    ]);
  });

  it('takes a single folder of images as one class, not as a wrapper', () => {
    expect(listImageFolder(['cats/1.png', 'cats/2.png']).classes).toEqual([
      { name: 'cats', files: ['cats/1.png', 'cats/2.png'] },
    ]);
  });
});

describe('stratified split', () => {
  it('holds out the same share of every class, keeps one for training, and is seeded', () => {
    const labels = [...new Array(10).fill(0), ...new Array(5).fill(1), 2, 3, 3];
    const s = splitStratified(labels, 0.2, 1);
    const count = (idx: number[], c: number): number => idx.filter((i) => labels[i] === c).length;
    expect([0, 1, 2, 3].map((c) => count(s.validation, c))).toEqual([2, 1, 0, 1]);
    expect([0, 1, 2, 3].map((c) => count(s.train, c))).toEqual([8, 4, 1, 1]);
    expect(new Set([...s.train, ...s.validation]).size).toBe(labels.length);
    expect(splitStratified(labels, 0.2, 1)).toEqual(s);
    expect(splitStratified(labels, 0.2, 2)).not.toEqual(s);
  });
});

describe('dataset validation messages', () => {
  const facts = (over: Partial<DatasetFacts>): DatasetFacts => ({
    classes: [
      { name: 'cats', count: 4 },
      { name: 'dogs', count: 5 },
    ],
    failed: [],
    sizes: new Map([['64×64', 9]]),
    inputSize: 64,
    fit: 'crop',
    ...over,
  });

  it('has nothing to say about a clean dataset of the model input size', () => {
    expect(validateDataset(facts({}))).toEqual([]);
  });

  it('refuses a dataset without images and one with a single class, naming it', () => {
    expect(validateDataset(facts({ classes: [] }))[0]).toMatchObject({
      level: 'error',
      message: { en: expect.stringMatching(/No usable images/) },
    });
    const single = validateDataset(facts({ classes: [{ name: 'cats', count: 3 }] }));
    expect(single[0]!.level).toBe('error');
    expect(single[0]!.message.en).toMatch(/Only one class \("cats"\)/);
  });

  it('leaves out an empty class, warns about a one-image class, and counts skipped files', () => {
    const issues = validateDataset(
      facts({
        classes: [
          { name: 'cats', count: 4 },
          { name: 'dogs', count: 1 },
          { name: 'birds', count: 0 },
        ],
        failed: Array.from({ length: 7 }, (_, i) => ({
          path: `cats/${i}.png`,
          reason: 'not an image file (its content is text)',
        })),
      }),
    );
    const en = issues.map((i) => i.message.en);
    expect(en).toContainEqual(expect.stringMatching(/Class "birds" has no usable images and is left out/));
    expect(en).toContainEqual(expect.stringMatching(/Class "dogs" has a single image/));
    const skipped = en.find((m) => m.startsWith('7 files were skipped'));
    expect(skipped).toMatch(/cats\/0\.png \(not an image file \(its content is text\)\)/);
    expect(skipped).toMatch(/and 2 more/);
    expect(issues.every((i) => i.level === 'warning')).toBe(true);
    for (const i of issues) expect(i.message.zh.length).toBeGreaterThan(0);
  });

  it('says that images of other sizes are resized by the explainer preprocessing', () => {
    const issues = validateDataset(
      facts({
        sizes: new Map([
          ['640×480', 6],
          ['32×32', 3],
        ]),
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.level).toBe('info');
    expect(issues[0]!.message.en).toMatch(/2 sizes \(640×480, 32×32\).*centre-cropped.*64×64/);
  });
});

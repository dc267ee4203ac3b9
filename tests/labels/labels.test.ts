/**
 * Class labels: label files of every kind that comes with models, typed labels, the choice
 * between a dropped file and the model's own metadata, count checks that name both counts
 * and the file, and hostile names kept as text (quotes, backslashes, markup) but never as
 * line breaks or control characters.
 */
import { describe, expect, it } from 'vitest';
import {
  cleanLabel,
  isNumbering,
  labelCountProblem,
  LabelError,
  MAX_LABEL_CHARS,
  parseLabelLines,
} from '../../src/lib/labels/labels';
import { isLabelFileName, labelsFromUserMetadata, readLabelFile } from '../../src/lib/labels/labelFiles';
import { pickLabels } from '../../src/lib/labels/pickLabels';
import { HOSTILE_NAMES } from '../fixtures/hostile/names';

function labelError(run: () => unknown): LabelError {
  try {
    run();
  } catch (e) {
    if (e instanceof LabelError) return e;
    throw e;
  }
  throw new Error('expected a LabelError');
}

describe('label files', () => {
  it.each([
    ['labels.txt', 'cat\ndog\r\nbird\n\n\n', ['cat', 'dog', 'bird']],
    ['classes.txt', '\uFEFFairplane\nautomobile\n', ['airplane', 'automobile']],
    ['labels.txt', '0 Class 1\n1 Class 2\n2 Class 3\n', ['Class 1', 'Class 2', 'Class 3']],
    ['labels.txt', '1: cat\n2: dog\n', ['cat', 'dog']],
    ['labels.txt', '7 Eleven\nshop\n', ['7 Eleven', 'shop']],
    ['labels.txt', '3 bears\n2 cats\n', ['3 bears', '2 cats']],
    [
      'synset_words.txt',
      'n01440764 tench, Tinca tinca\nn01443537 goldfish, Carassius auratus\nn02119789 kit fox, Vulpes macrotis\n',
      ['tench', 'goldfish', 'kit fox'],
    ],
    [
      'metadata.json',
      JSON.stringify({ tfjsVersion: '1.3.1', labels: ['Cat', 'Dog'], imageSize: 224 }),
      ['Cat', 'Dog'],
    ],
    [
      'imagenet_class_index.json',
      JSON.stringify({ 0: ['n01440764', 'tench'], 1: ['n01443537', 'goldfish'] }),
      ['tench', 'goldfish'],
    ],
    ['labels.json', JSON.stringify(['a', 'b', 'c']), ['a', 'b', 'c']],
  ])('%s: %j', (file, text, names) => {
    expect(readLabelFile(file, text)).toEqual({ names, source: file });
  });

  it.each([
    ['labels.txt', 'cat\n\ndog\n', 'labels.txt, line 2: an empty class name'],
    ['labels.txt', '', 'labels.txt is empty: no class names'],
    [
      'labels.txt',
      `a\n${'x'.repeat(MAX_LABEL_CHARS + 1)}\n`,
      `labels.txt, line 2: a class name longer than ${MAX_LABEL_CHARS} characters`,
    ],
    ['metadata.json', '{"labels": [1, 2]}', 'metadata.json: the class names must be a list of strings'],
    ['metadata.json', '{"labels": ', 'metadata.json is not valid JSON'],
    ['metadata.json', '{"imageSize": 224}', 'metadata.json holds no class names'],
    ['imagenet_class_index.json', '{"0": ["n0", "a"], "2": ["n2", "c"]}', 'entry "1" is missing'],
  ])('%s with %j is refused: %s', (file, text, message) => {
    const e = labelError(() => readLabelFile(file, text));
    expect(e.text.en).toContain(message);
    expect(e.text.zh).toContain(file);
  });

  it('knows which files may hold labels', () => {
    for (const name of ['labels.txt', 'synset_words.txt', 'coco.names', 'metadata.json', 'classes.json'])
      expect(isLabelFileName(name), name).toBe(true);
    for (const name of ['model.json', 'deploy.prototxt', 'graph.pbtxt', 'weights.bin', 'run.log'])
      expect(isLabelFileName(name), name).toBe(false);
  });
});

describe('hostile class names', () => {
  it('keep quotes, backslashes and markup as text, but lose line breaks and control characters', () => {
    for (const raw of HOSTILE_NAMES.filter((n) => n.length < 10_000)) {
      const name = cleanLabel(raw);
      // eslint-disable-next-line no-control-regex
      expect(name, JSON.stringify(raw)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(name).toBe(name.trim());
    }
    expect(cleanLabel('</script><b>"x" \\ y</b>')).toBe('</script><b>"x" \\ y</b>');
    expect(cleanLabel('two\nlines')).toBe('two lines');
  });

  it('from JSON metadata, a name with a line break stays one name', () => {
    const labels = labelsFromUserMetadata({ cnnStudio: { classes: ['a\nb', 'c\u0000'] } });
    expect(labels?.names).toEqual(['a b', 'c']);
  });
});

describe('typed labels', () => {
  it('are one per line; blank lines at the end do not count', () => {
    expect(parseLabelLines('  cat \ndog\n\n  \n', 'typed')).toEqual(['cat', 'dog']);
    expect(labelError(() => parseLabelLines('cat\n \ndog', 'typed')).text.en).toMatch(
      /^typed, line 2: an empty class name/,
    );
  });
});

describe('which names a model gets', () => {
  const model = { names: ['m0', 'm1', 'm2'], source: 'userDefinedMetadata' };

  it('a dropped labels file before the model’s own names', () => {
    expect(pickLabels([{ name: 'labels.txt', text: 'a\nb\nc\n' }], model, 3)).toEqual({
      labels: { names: ['a', 'b', 'c'], source: 'labels.txt' },
      problems: [],
    });
  });

  it('a file with another count is not used: the message names both counts and the file', () => {
    const picked = pickLabels([{ name: 'classes.txt', text: 'a\nb\n' }], model, 3);
    expect(picked.labels).toBe(model);
    expect(picked.problems.map((p) => p.en)).toEqual([
      'classes.txt has 2 class names, but the model has 3 outputs; the names were not used',
    ]);
    expect(picked.problems[0]?.zh).toBe('classes.txt 有 2 个类别名称，但模型有 3 个输出；这些名称未被使用');
  });

  it('without fitting names there are none (never some other model’s)', () => {
    const picked = pickLabels([{ name: 'labels.txt', text: 'a\n' }], null, 10);
    expect(picked.labels).toBeNull();
    expect(labelCountProblem({ names: ['x'], source: 'labels.txt' }, 1)).toBeNull();
  });

  it('names an earlier version stored for an unnamed model ("#0", …) are not names', () => {
    expect(isNumbering(['#0', '#1'])).toBe(true);
    expect(isNumbering(['#1', '#0'])).toBe(false);
    expect(labelsFromUserMetadata({ cnnStudio: { classes: ['#0', '#1', '#2'] } })).toBeNull();
    expect(labelsFromUserMetadata({ labels: ['x', 'y'] })).toEqual({
      names: ['x', 'y'],
      source: 'userDefinedMetadata',
    });
    expect(labelsFromUserMetadata({ other: 1 })).toBeNull();
  });
});

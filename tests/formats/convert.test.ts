/**
 * `npm run convert -- IN OUT` end to end: each output format from each kind of input (with
 * weights carried from model.json to model.json), and for every kind of failure one line on
 * stderr, a non-zero exit, and no file written, replaced or left half-done.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKerasFixture } from '../fixtures/keras/generate';
import { parsePrototxtNet } from '../../src/lib/formats/caffe/caffeImport';
import { serializePytorch } from '../../src/lib/formats/pytorch/pytorchExport';
import { serializeSpecJson } from '../../src/lib/formats/specJson';
import { parseKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { importText } from '../../src/lib/formats';
import { runScript } from './cliRun';

const convert = (args: string[]) => runScript('scripts/convert.ts', args);
const temp = () => mkdtempSync(join(tmpdir(), 'convert-'));

function readModelDir(dir: string) {
  const shards = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))] as const),
  );
  return parseKerasJson(readFileSync(join(dir, 'model.json'), 'utf8'), { shards });
}

describe('npm run convert: success', () => {
  it('Caffe prototxt → PyTorch .py, the same code the app exports', { timeout: 60_000 }, async () => {
    const out = join(temp(), 'lenet.py');
    const r = await convert(['tests/fixtures/caffe/lenet.prototxt', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out} (PyTorch (nn.Module))\n`);
    const spec = parsePrototxtNet(readFileSync('tests/fixtures/caffe/lenet.prototxt', 'utf8')).spec;
    expect(readFileSync(out, 'utf8')).toBe(serializePytorch(spec));
  });

  it(
    'model.json with weights → model.json in another folder, weights and all',
    { timeout: 60_000 },
    async () => {
      const from = temp();
      const to = temp();
      const r = await convert([
        writeKerasFixture(from, 'keras2_sequential_converted'),
        join(to, 'model.json'),
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\(Keras \/ TF\.js model\.json\) and 1 weight file\(s\)\n$/);
      expect(readdirSync(to).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
      const before = readModelDir(from);
      const after = readModelDir(to);
      expect(after.spec).toEqual(before.spec);
      expect(after.weights && [...after.weights.keys()]).toEqual(
        before.weights && [...before.weights.keys()],
      );
      for (const [k, v] of before.weights ?? []) expect(after.weights?.get(k)).toEqual(v);
    },
  );

  it(
    'a share link → spec .json; zoo:name → model.json without weight files',
    { timeout: 60_000 },
    async () => {
      const dir = temp();
      const link = await convert([
        `http://127.0.0.1:4173/#${encodeShareHash(tinyVggSpec())}`,
        join(dir, 'tiny.json'),
      ]);
      expect(link.code).toBe(0);
      expect(readFileSync(join(dir, 'tiny.json'), 'utf8')).toBe(serializeSpecJson(tinyVggSpec()));
      const zoo = await convert(['zoo:tinyvgg', join(dir, 'model.json')]);
      expect(zoo.code).toBe(0);
      expect(importText(readFileSync(join(dir, 'model.json'), 'utf8'), 'keras').spec.layers.length).toBe(
        tinyVggSpec().layers.length,
      );
      expect(readdirSync(dir).sort()).toEqual(['model.json', 'tiny.json']);
    },
  );

  it('spec .json → Caffe .prototxt that reads back as the same net', { timeout: 60_000 }, async () => {
    const dir = temp();
    writeFileSync(join(dir, 'in.json'), serializeSpecJson(tinyVggSpec()));
    const r = await convert([join(dir, 'in.json'), join(dir, 'out.prototxt')]);
    expect(r.code).toBe(0);
    const back = parsePrototxtNet(readFileSync(join(dir, 'out.prototxt'), 'utf8')).spec;
    const types = tinyVggSpec().layers.map((l) => l.type);
    expect(back.layers.map((l) => l.type).slice(0, types.length)).toEqual(types);
  });
});

describe('npm run convert: failures', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['no arguments', () => [], /^usage: npm run convert -- IN OUT /],
    ['an unknown option', (d) => ['--force', 'zoo:tinyvgg', join(d, 'x.py')], /^usage: /],
    [
      'an output name with no known format',
      (d) => ['zoo:tinyvgg', join(d, 'out.h5')],
      /out\.h5: cannot tell the format from the name; end it in model\.json/,
    ],
    ['a missing input', (d) => [join(d, 'nope.json'), join(d, 'out.py')], /nope\.json: file not found\n$/],
    [
      'an input with a syntax error',
      (d) => ['tests/fixtures/caffe/bad/unclosed_block.prototxt', join(d, 'out.py')],
      /^tests\/fixtures\/caffe\/bad\/unclosed_block\.prototxt:16:1: the block opened at line 12 is never closed with "}"\n$/,
    ],
    [
      'an input that is no model',
      (d) => ['package.json', join(d, 'out.py')],
      /^package\.json: not a model file CNN Studio reads/,
    ],
    [
      'a net the output format cannot express',
      (d) => {
        writeFileSync(
          join(d, 'gru.json'),
          '{"layers": [{"id": "in", "type": "Input", "params": {"shape": [5, 3]}}, {"id": "g", "type": "GRU", "inputs": ["in"]}]}',
        );
        return [join(d, 'gru.json'), join(d, 'out.prototxt')];
      },
      /out\.prototxt: cannot write Caffe prototxt: layer g \(GRU\): Caffe has no such layer\n$/,
    ],
    [
      'a model.json whose weight shard is cut short',
      (d) => {
        const file = writeKerasFixture(join(d, 'src'), 'keras2_sequential_converted');
        const shard = join(d, 'src', 'group1-shard1of1.bin');
        writeFileSync(shard, readFileSync(shard).subarray(0, 1000));
        return [file, join(d, 'model.json')];
      },
      /model\.json:\d+:\d+ \(\$\.weightsManifest\[0\]\.weights\[\d+\]\): \S+ needs bytes \d+–\d+ but the weight files hold 1000\n$/,
    ],
    [
      'a damaged share link',
      (d) => ['#net=1.AAAA', join(d, 'out.py')],
      /^share link: The shared link is damaged/,
    ],
    [
      'an output folder that does not exist',
      (d) => ['zoo:tinyvgg', join(d, 'no', 'such', 'out.py')],
      /out\.py: the folder .*no\/such does not exist\n$/,
    ],
    ['an output that is a folder', (d) => ['zoo:tinyvgg', join(d, 'taken.py')], /taken\.py: is a folder\n$/],
    [
      'a weight file name taken by a folder',
      (d) => {
        mkdirSync(join(d, 'group1-shard1of1.bin'));
        return [writeKerasFixture(join(d, 'src'), 'keras2_sequential_converted'), join(d, 'model.json')];
      },
      /group1-shard1of1\.bin: is a folder\n$/,
    ],
  ];

  it.each(cases)(
    '%s: one line on stderr, non-zero exit, nothing written',
    { timeout: 60_000 },
    async (_name, make, message) => {
      const dir = temp();
      mkdirSync(join(dir, 'taken.py'));
      writeFileSync(join(dir, 'out.prototxt'), 'old contents\n');
      const before = readdirSync(dir).sort();
      const args = make(dir);
      const after = () => readdirSync(dir).sort();
      const made = after();
      const r = await convert(args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stdout).toBe('');
      expect(after()).toEqual(made);
      expect(before.every((f) => made.includes(f))).toBe(true);
      expect(readFileSync(join(dir, 'out.prototxt'), 'utf8')).toBe('old contents\n');
      expect(existsSync(join(dir, 'model.json'))).toBe(false);
    },
  );
});

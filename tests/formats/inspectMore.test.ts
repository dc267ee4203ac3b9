/**
 * `npm run inspect` says what it knows: it reads the weight shards beside a model.json (and
 * names the weight and bytes when one is short or missing), prints the importer's notes,
 * lists problems in --json, splits trainable / non-trainable parameters Keras' way, gives
 * FLOPs, reads share links, keeps its table narrow whatever the names, and refuses input
 * too large to be a model (/dev/zero) instead of reading forever.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeKerasFixture } from '../fixtures/keras/generate';
import { encodeShareHash } from '../../src/lib/formats/shareLink';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { runScript } from './cliRun';
import { fastestOfEachAsync, LINEAR_GROWTH_4X } from './timing';

const inspect = (args: string[]) => runScript('scripts/inspect.ts', args);
const temp = () => mkdtempSync(join(tmpdir(), 'inspect-more-'));

interface JsonOut {
  name: string;
  layers: { name: string; outputShape: number[] | null }[];
  parameterConvention: string;
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  totalMacs: number;
  totalFlops: number;
  notes: string[];
  problems: { layer: string; reason: string }[];
}

function chainSpec(names: string[]): string {
  const layers = [
    { id: 'in', type: 'Input', params: { shape: [4, 4, 2] } },
    ...names.map((id, i) => ({ id, type: 'ReLU', inputs: [i === 0 ? 'in' : (names[i - 1] ?? '')] })),
  ];
  return JSON.stringify({ name: 'chain', layers });
}

describe('npm run inspect: weights, notes, problems and conventions', () => {
  it(
    'reads the shards beside a model.json; a short or missing shard fails naming it',
    { timeout: 60_000 },
    async () => {
      const dir = temp();
      const file = writeKerasFixture(dir, 'keras2_sequential_converted');
      const good = await inspect([file]);
      expect(good.code).toBe(0);
      const shard = join(dir, 'group1-shard1of1.bin');
      writeFileSync(shard, readFileSync(shard).subarray(0, 20_000));
      const short = await inspect([file]);
      expect(short.code).toBe(1);
      expect(short.stderr).toMatch(
        /^.*model\.json:\d+:\d+ \(\$\.weightsManifest\[0\]\.weights\[\d+\]\): dense\/kernel needs bytes \d+–\d+ but the weight files hold 20000\n$/,
      );
      expect(short.stdout).toBe('');
      rmSync(shard);
      const missing = await inspect([file, '--json']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(
        `${shard}: weight file not found (listed in model.json's weightsManifest)\n`,
      );
    },
  );

  it('prints the importer notes, in the table and in --json', { timeout: 60_000 }, async () => {
    const file = 'tests/fixtures/caffe/caffenet_train_val.prototxt';
    const text = await inspect([file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\nNotes:\n {2}data: 227×227 crops with 3 channels assumed\.\n/);
    const json = JSON.parse((await inspect([file, '--json'])).stdout) as JsonOut;
    expect(json.notes).toContain('Left out 1 layer(s) used only in the TRAIN phase.');
    expect(json.problems).toEqual([]);
  });

  it('--json lists a cycle under problems with its reason, and exits 1', { timeout: 60_000 }, async () => {
    const file = join(temp(), 'cycle.json');
    writeFileSync(
      file,
      JSON.stringify({
        layers: [
          { id: 'in', type: 'Input', params: { shape: [4] } },
          { id: 'a', type: 'Add', inputs: ['in', 'b'] },
          { id: 'b', type: 'ReLU', inputs: ['a'] },
        ],
      }),
    );
    const r = await inspect([file, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as JsonOut;
    expect(json.problems).toEqual([
      { layer: 'a', reason: 'a: is part of a cycle: a layer cannot feed itself' },
      { layer: 'b', reason: 'b: is part of a cycle: a layer cannot feed itself' },
    ]);
    expect(r.stderr).toBe(`${file}: layer a: a: is part of a cycle: a layer cannot feed itself\n`);
  });

  it(
    'splits trainable and non-trainable parameters as Keras does, and gives FLOPs',
    { timeout: 60_000 },
    async () => {
      const r = await inspect(['zoo:mobilenet', '--json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as JsonOut;
      // Keras' MobileNet (alpha 1, 224×224, 1000 classes): 4,253,864 = 4,231,976 + 21,888.
      expect([json.totalParams, json.trainableParams, json.nonTrainableParams]).toEqual([
        4_253_864, 4_231_976, 21_888,
      ]);
      expect(json.parameterConvention).toMatch(
        /^Keras-style: learnable weights plus BatchNormalization moving mean/,
      );
      expect(json.totalFlops).toBe(2 * json.totalMacs);
      const text = await inspect(['zoo:mobilenet']);
      expect(text.stdout).toContain('  trainable: 4,231,976, non-trainable: 21,888\n');
      expect(text.stdout).toMatch(/\nTotal FLOPs \(2 per multiply-add\): [\d,]+\n/);
    },
  );

  it('reads a share link, as a URL or as a bare hash', { timeout: 60_000 }, async () => {
    const hash = encodeShareHash(tinyVggSpec());
    const zoo = JSON.parse((await inspect(['zoo:tinyvgg', '--json'])).stdout) as JsonOut;
    for (const link of [`http://127.0.0.1:4173/app/?lang=en#${hash}`, `#${hash}`]) {
      const r = await inspect([link, '--json']);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as JsonOut).totalParams).toBe(zoo.totalParams);
    }
    const damaged = await inspect([`#${hash.slice(0, -12)}`]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/^share link: The shared link is damaged \(.*\)\.\n$/);
  });

  it('stops reading at 256 MB: /dev/zero ends with a message', { timeout: 60_000 }, async () => {
    const r = await inspect(['/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '/dev/zero: larger than 256 MB, the most CNN Studio reads; no model file is that large\n',
    );
  });
});

describe('npm run inspect: the table stays narrow', () => {
  it(
    'cuts a 2 MB name to 40 characters in the table; --json keeps it whole',
    { timeout: 60_000 },
    async () => {
      const long = 'n'.repeat(2_000_000);
      const file = join(temp(), 'long.json');
      writeFileSync(file, chainSpec([long, 'line\nbreak', 'short']));
      const text = await inspect([file]);
      expect(text.code).toBe(0);
      expect(text.stdout.length).toBeLessThan(5000);
      expect(text.stdout).toContain(`${'n'.repeat(39)}… (ReLU)`);
      expect(text.stdout).toContain('line·break (ReLU)');
      const widths = new Set(
        text.stdout
          .split('\n')
          .filter((l) => / \(ReLU\)/.test(l))
          .map((l) => l.length),
      );
      expect(widths.size).toBe(1);
      const json = JSON.parse((await inspect([file, '--json'])).stdout) as JsonOut;
      expect(json.layers.map((l) => l.name)).toEqual(['in', long, 'line\nbreak', 'short']);
    },
  );

  // Here about 2 s alone, 60 s before the linear sort; the bound leaves room for a busy
  // machine running other test files (tests/spec/topoOrder.test.ts holds the in-process 5 s).
  it(
    'inspects a 20,000-layer chain in about 4× the time of 5,000 (it once took 60 s: quadratic)',
    { timeout: 120_000 },
    async () => {
      const chainFile = (n: number) => {
        const file = join(temp(), `chain${n}.json`);
        writeFileSync(file, chainSpec(Array.from({ length: n }, (_, i) => `r${i}`)));
        return file;
      };
      const small = chainFile(5_000);
      const large = chainFile(20_000);
      const r = await inspect([large, '--json']);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as JsonOut).layers).toHaveLength(20_001);
      const [a, b] = await fastestOfEachAsync(
        () => inspect([small, '--json']),
        () => inspect([large, '--json']),
      );
      // Ratios, not timings (see timing.ts): linear is about 4, quadratic 16.
      expect(b / a).toBeLessThan(LINEAR_GROWTH_4X);
    },
  );
});

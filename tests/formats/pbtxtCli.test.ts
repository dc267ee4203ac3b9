/**
 * `npm run inspect` and `npm run convert` with TensorFlow GraphDef text: a summary whose
 * parameter total is the variables', conversions to and from .pbtxt (a model.json's
 * weights written as constants), and a bad GraphDef refused in one line with its place.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePbtxt } from '../../src/lib/formats/tensorflow/pbtxtImport';
import { parseKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { writeKerasFixture } from '../fixtures/keras/generate';
import { lenet5Spec } from '../../src/lib/zoo/lenet5';
import { runScript } from './cliRun';

const temp = () => mkdtempSync(join(tmpdir(), 'pbtxt-cli-'));

describe('npm run inspect with a .pbtxt', () => {
  it(
    'prints the layers of a Keras-on-TF1 graph with the variables as parameters',
    { timeout: 60_000 },
    async () => {
      const r = await runScript('scripts/inspect.ts', ['tests/fixtures/pbtxt/keras_tf1.pbtxt']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^Model: "TensorFlow graph" {2}\(tests\/fixtures\/pbtxt\/keras_tf1\.pbtxt, TensorFlow GraphDef \(\.pbtxt\)\)/,
      );
      expect(r.stdout).toMatch(/batch_normalization_1 \(BatchNormalization\) +26×26×8 +32 /);
      expect(r.stdout).toContain('Total parameters: 13,642');
      expect(r.stdout).toContain('live in a TensorFlow checkpoint');
      expect(r.stderr).toBe('');
    },
  );

  it('names the file, line and column of a bad GraphDef in one line', { timeout: 60_000 }, async () => {
    const r = await runScript('scripts/inspect.ts', ['tests/fixtures/pbtxt/bad/nchw.pbtxt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^tests\/fixtures\/pbtxt\/bad\/nchw\.pbtxt:13:3: node "conv" \(Conv2D\): data_format "NCHW" \(channels first\) is not supported[^\n]*\n$/,
    );
  });
});

describe('npm run convert to and from .pbtxt', () => {
  it('zoo:lenet5 → .pbtxt writes the GraphDef the app exports', { timeout: 60_000 }, async () => {
    const out = join(temp(), 'lenet.pbtxt');
    const r = await runScript('scripts/convert.ts', ['zoo:lenet5', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out} (TensorFlow GraphDef (.pbtxt))\n`);
    expect(parsePbtxt(readFileSync(out, 'utf8')).spec).toEqual(lenet5Spec());
  });

  it('model.json with weights → .pbtxt keeps the weights as constants', { timeout: 60_000 }, async () => {
    const input = writeKerasFixture(temp(), 'keras2_sequential_converted');
    const out = join(temp(), 'frozen.pbtxt');
    const r = await runScript('scripts/convert.ts', [input, out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out} (TensorFlow GraphDef (.pbtxt)) with its weights as constants\n`);
    const shards = new Map([
      ['group1-shard1of1.bin', new Uint8Array(readFileSync(join(input, '..', 'group1-shard1of1.bin')))],
    ]);
    const before = parseKerasJson(readFileSync(input, 'utf8'), { shards });
    const after = parsePbtxt(readFileSync(out, 'utf8'));
    expect(after.spec.layers.map((l) => l.id)).toEqual(before.spec.layers.map((l) => l.id));
    for (const [name, values] of before.weights ?? []) expect(after.weights?.get(name), name).toEqual(values);
  });

  it('.pbtxt → CNN Studio JSON', { timeout: 60_000 }, async () => {
    const out = join(temp(), 'slim.json');
    const r = await runScript('scripts/convert.ts', ['tests/fixtures/pbtxt/slim_bn.pbtxt', out]);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { layers: { id: string }[] };
    expect(written.layers.map((l) => l.id)).toContain('MyNet/SpatialSqueeze');
  });
});

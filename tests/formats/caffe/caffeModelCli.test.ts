/** `npm run inspect` and `npm run convert` with .caffemodel files, in child processes as npm runs them. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../cliRun';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { parseCaffeModel } from '../../../src/lib/formats/caffe/caffeModelImport';
import { bnNet } from './caffeFixtures';

const dir = mkdtempSync(join(tmpdir(), 'caffemodel-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspect and convert read .caffemodel files', () => {
  const fx = bnNet();

  it('inspect reads a .caffemodel alone, then with the deploy.prototxt beside it', async () => {
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'bn.caffemodel'), fx.bytes);
    const a = await runScript('scripts/inspect.ts', [join(alone, 'bn.caffemodel'), '--json']);
    expect(a.stderr).toBe('');
    const summary = JSON.parse(a.stdout) as {
      layers: { name: string }[];
      totalParams: number;
      notes: string[];
    };
    expect(summary.layers.map((l) => l.name)).toContain('fc');
    // conv 4·27+4, BN 4·4 (gamma, beta, mean, variance), fc 36·5+5.
    expect(summary.totalParams).toBe(112 + 16 + 185);
    expect(summary.notes.join(' ')).toContain('BGR');
    const paired = join(dir, 'paired');
    mkdirSync(paired);
    writeFileSync(join(paired, 'bn.caffemodel'), fx.bytes);
    writeFileSync(join(paired, 'deploy.prototxt'), fx.prototxt.replace('num_output: 5', 'num_output: 7'));
    const b = await runScript('scripts/inspect.ts', [join(paired, 'bn.caffemodel')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('deploy.prototxt');
    expect(b.stderr).toContain('layer "fc" (InnerProduct): blobs[0] is 5×36, but its parameters need 7×36');
  });

  it('convert writes the weights into an .onnx that reads back with the same values', async () => {
    const src = join(dir, 'conv.caffemodel');
    writeFileSync(src, fx.bytes);
    const out = join(dir, 'bn.onnx');
    const r = await runScript('scripts/convert.ts', [src, out]);
    expect(r.stderr).toBe('');
    const back = parseOnnx(new Uint8Array(readFileSync(out)));
    const want = parseCaffeModel(fx.bytes).weights?.get('fc/bias');
    const fc = back.spec.layers.find((l) => l.type === 'Dense');
    expect(Array.from(back.weights?.get(`${fc?.id}/bias`) ?? [])).toEqual(Array.from(want ?? []));
  });

  it('a damaged .caffemodel ends in one line naming the file and the layer', async () => {
    const bad = join(dir, 'bad.caffemodel');
    writeFileSync(bad, fx.bytes.slice(0, fx.bytes.length - 7));
    const r = await runScript('scripts/inspect.ts', [bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.caffemodel (layer[6]): the .caffemodel is damaged or cut short');
  });
});

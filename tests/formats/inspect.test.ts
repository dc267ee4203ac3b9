/** `npm run inspect` end to end in a child process: table, --json, zoo models and one-line errors. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeKerasFixture } from '../fixtures/keras/generate';

const run = promisify(execFile);

async function inspect(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/inspect.ts', ...args], {
      timeout: 60_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface JsonSummary {
  layers: { name: string; type: string; outputShape: number[]; params: number; macs: number }[];
  totalParams: number;
  totalMacs: number;
}

describe('npm run inspect', () => {
  it('prints a Keras-style table for a prototxt, with totals', { timeout: 60_000 }, async () => {
    const r = await inspect(['tests/fixtures/caffe/vgg16.prototxt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Model: "VGG_ILSVRC_16_layers" {2}\(tests\/fixtures\/caffe\/vgg16\.prototxt, Caffe prototxt\)/,
    );
    expect(r.stdout).toMatch(/conv1_1 \(Conv2D\) +224×224×64 +1,792 +86,704,128\n/);
    expect(r.stdout).toContain('Total parameters: 138,357,544');
    expect(r.stderr).toBe('');
  });

  it('--json gives every layer and the totals, for a converter model.json', { timeout: 60_000 }, async () => {
    const file = writeKerasFixture(mkdtempSync(join(tmpdir(), 'inspect-')), 'keras3_functional_converted');
    const r = await inspect([file, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as JsonSummary;
    expect(s.layers.map((l) => l.name)).toEqual([
      'input_layer',
      'conv2d',
      'average_pooling2d',
      'conv2d_1',
      'max_pooling2d',
      'flatten',
      'dense',
      'dense_1',
    ]);
    expect(s.layers[1]).toEqual({
      name: 'conv2d',
      type: 'Conv2D',
      outputShape: [28, 28, 6],
      params: 156,
      macs: 117_600,
    });
    expect(s.totalParams).toBe(15_734);
    expect(s.totalMacs).toBe(s.layers.reduce((a, l) => a + l.macs, 0));
  });

  it('summarises zoo models by name', { timeout: 60_000 }, async () => {
    const r = await inspect(['zoo:alexnet', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as JsonSummary;
    expect(s.layers[0]?.type).toBe('Input');
    expect(s.totalParams).toBeGreaterThan(50_000_000);
  });

  it.each([
    [
      ['tests/fixtures/caffe/bad/unclosed_block.prototxt'],
      /^tests\/fixtures\/caffe\/bad\/unclosed_block\.prototxt:16:1: the block opened at line 12 is never closed with "}"\n$/,
    ],
    [
      ['tests/fixtures/keras/bad/unknown_class.json'],
      /^tests\/fixtures\/keras\/bad\/unknown_class\.json:3:18 \(\$\.config\.layers\[1\]\.class_name\): unsupported layer class "FancyLayer"\n$/,
    ],
    [['no/such/file.prototxt'], /^no\/such\/file\.prototxt: file not found\n$/],
    [['package.json'], /^package\.json: not a model file CNN Studio reads/],
    [['zoo:nope'], /^zoo:nope: no such zoo model; the zoo has zoo:tinyvgg, /],
    [[], /^usage: npm run inspect -- <model file \| zoo:name> \[--json\]\n$/],
  ])('%j fails with one line on stderr', { timeout: 60_000 }, async (args, message) => {
    const r = await inspect(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

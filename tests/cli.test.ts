/**
 * The train and eval commands end to end on a tiny generated ImageFolder (no ../shared needed):
 * logs, checkpoint resume, meta.json, eval's JSON line, and one-line errors for bad folders.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makePng } from './fixtures/images';
import { createRng } from '../src/lib/random';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'cnn-studio-cli-'));
const data = join(root, 'data');
const out = join(root, 'model');

async function tsx(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: process.cwd(),
      timeout: 120_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Two easy classes: red images and blue images with noise. */
function makeFolder(dir: string, perClass: number, seed: number): void {
  const rng = createRng(seed);
  for (const [cls, base] of [
    ['blue', [20, 40, 200]],
    ['red', [200, 30, 30]],
  ] as const) {
    mkdirSync(join(dir, cls), { recursive: true });
    for (let i = 0; i < perClass; i++)
      writeFileSync(
        join(dir, cls, `${i}.png`),
        makePng(
          12,
          12,
          () => base.map((v) => Math.min(255, v + Math.floor(rng() * 50))) as [number, number, number],
        ),
      );
  }
}

beforeAll(() => {
  makeFolder(join(data, 'train'), 40, 1);
  makeFolder(join(data, 'test'), 10, 2);
});

describe('npm run train / eval', () => {
  it(
    'trains, logs every epoch, resumes from the checkpoint and evaluates',
    { timeout: 180_000 },
    async () => {
      const common = ['--data', data, '--out', out, '--batch', '8', '--val', '16', '--patience', '0'];
      const first = await tsx('scripts/train.ts', [...common, '--epochs', '1']);
      expect(first.stderr).toMatch(/epoch 1: loss [\d.]+ acc [\d.]+% val loss [\d.]+ val acc [\d.]+%/);
      expect(first.code).toBe(0);
      const csv = readFileSync(join(out, 'log.csv'), 'utf8').trim().split('\n');
      expect(csv[0]).toBe('epoch,loss,accuracy,val_loss,val_accuracy,learning_rate,seconds');
      expect(csv).toHaveLength(2);
      const resumed = await tsx('scripts/train.ts', [...common, '--epochs', '2', '--resume']);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/resuming after epoch 1/);
      const log = JSON.parse(readFileSync(join(out, 'log.json'), 'utf8')) as { epoch: number }[];
      expect(log.map((e) => e.epoch)).toEqual([1, 2]);
      const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as {
        classes: string[];
        testAccuracy: number;
        log: unknown[];
      };
      expect(meta.classes).toEqual(['blue', 'red']);
      expect(meta.log).toHaveLength(2);
      expect(meta.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(existsSync(join(out, 'model.json')) && existsSync(join(out, 'weights.bin'))).toBe(true);

      const ev = await tsx('scripts/eval.ts', ['--model', out, '--data', data, '--json']);
      expect(ev.code).toBe(0);
      const last = JSON.parse(ev.stdout.trim().split('\n').pop()!) as {
        accuracy: number;
        confusion: number[][];
      };
      expect(last.accuracy).toBeCloseTo(meta.testAccuracy, 6);
      expect(last.confusion.flat().reduce((a, b) => a + b, 0)).toBe(20);
      expect(ev.stdout).toMatch(/confusion matrix/);
    },
  );

  it(
    'resumes a ResNet-8 run stopped between epochs: same numbering, the cosine schedule and Adam state carry on',
    { timeout: 300_000 },
    async () => {
      const dir = join(root, 'resnet8');
      const common = ['--model', 'resnet8', '--data', data, '--out', dir, '--batch', '8', '--val', '16'];
      const first = await tsx('scripts/train.ts', [
        ...common,
        '--epochs',
        '3',
        '--lr',
        '0.004',
        '--stop-after',
        '2',
      ]);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(
        /stopped after epoch 2 of 3; continue with: npm run train -- --model resnet8 --resume/,
      );
      // Stopped: the best weights so far and a provisional meta.json, no test accuracy yet.
      const provisional = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as {
        testAccuracy: number | null;
        inputSize: number[];
        training: { finished: boolean; epochs: number; epochBudget: number };
      };
      expect(provisional.testAccuracy).toBeNull();
      expect(provisional.inputSize).toEqual([32, 32, 3]);
      expect(provisional.training).toMatchObject({ finished: false, epochs: 2, epochBudget: 3 });
      // The checkpoint: current weights (ResNet-8's 78,714 values, less 8 × 65 for a 2-class
      // instead of a 10-class dense layer) and Adam's step count with m and v per trainable
      // weight (78,042 less the same 520), nothing else of that size.
      const cp = join(dir, 'checkpoint');
      expect(statSync(join(cp, 'weights.bin')).size).toBe((78_714 - 520) * 4);
      expect(statSync(join(cp, 'optimizer.bin')).size).toBe((1 + 2 * (78_042 - 520)) * 4);
      expect(readdirSync(cp).sort()).toEqual([
        'optimizer.bin',
        'optimizer.json',
        'state.json',
        'weights.bin',
        'weights.json',
      ]);

      // Resumed without repeating the settings: the budget (3) and peak rate come from the checkpoint.
      const resumed = await tsx('scripts/train.ts', [...common, '--resume']);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/resuming after epoch 2 of 3/);
      expect(resumed.stderr).toMatch(/--epochs 3 \(as the run started\)/);
      const log = JSON.parse(readFileSync(join(dir, 'log.json'), 'utf8')) as {
        epoch: number;
        learningRate: number;
      }[];
      expect(log.map((e) => e.epoch)).toEqual([1, 2, 3]);
      const cosine = (epoch: number) => 0.004 * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * epoch) / 3)));
      log.forEach((e, i) => expect(e.learningRate).toBeCloseTo(cosine(i), 10));
      // Adam's step counter went on from the saved one: 3 epochs of 64 / 8 = 8 steps.
      const index = JSON.parse(readFileSync(join(cp, 'optimizer.json'), 'utf8')) as { name: string }[];
      const bytes = readFileSync(join(cp, 'optimizer.bin'));
      const iterAt = index.findIndex((t) => t.name === 'iter');
      expect(iterAt).toBe(0);
      expect(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 4))[0]).toBe(24);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as {
        testAccuracy: number;
        training: { finished: boolean };
      };
      expect(meta.training.finished).toBe(true);
      expect(meta.testAccuracy).toBeGreaterThanOrEqual(0);
      const ev = await tsx('scripts/eval.ts', ['--model', dir, '--data', data, '--json']);
      expect(JSON.parse(ev.stdout.trim().split('\n').pop()!).accuracy).toBeCloseTo(meta.testAccuracy, 6);
    },
  );

  it('gives one-line errors naming the folder for a bad dataset layout', { timeout: 180_000 }, async () => {
    const empty = join(root, 'empty-class');
    makeFolder(join(empty, 'train'), 3, 3);
    mkdirSync(join(empty, 'train', 'zebra'));
    const r = await tsx('scripts/train.ts', ['--data', empty, '--out', join(root, 'x'), '--backend', 'cpu']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toBe(
      `error: ${join(empty, 'train', 'zebra')}: empty class (no .jpg or .png images)`,
    );
    const missing = await tsx('scripts/eval.ts', ['--model', join(root, 'nope')]);
    expect(missing.stderr.trim()).toBe(`error: ${join(root, 'nope', 'meta.json')}: file not found`);
    const flat = join(root, 'flat');
    mkdirSync(join(flat, 'train'), { recursive: true });
    writeFileSync(
      join(flat, 'train', 'a.png'),
      makePng(2, 2, () => [0, 0, 0]),
    );
    const f = await tsx('scripts/train.ts', ['--data', flat, '--backend', 'cpu']);
    expect(f.stderr.trim().split('\n').pop()).toBe(
      `error: ${join(flat, 'train')}: no class folders in it (expected <class>/<image> files)`,
    );
    const badOpt = await tsx('scripts/train.ts', ['--epochs', 'many']);
    expect(badOpt.stderr.trim()).toBe('error: --epochs must be a number, not "many"');
  });

  it('reports a corrupt model file by name', { timeout: 120_000 }, async () => {
    const dir = join(root, 'corrupt');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ classes: ['a', 'b'], inputSize: [64, 64, 3] }));
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": ');
    const r = await tsx('scripts/eval.ts', ['--model', dir, '--data', data, '--backend', 'cpu']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^error: ${join(dir, 'model.json')}: not valid JSON`));
  });
});

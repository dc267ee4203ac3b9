/**
 * Hand check, not a test: reads the .caffemodel files scripts/check/caffeModels.py wrote (with
 * their deploy prototxt where there is one), imports each with our importer, runs it in our
 * engine (wasm) on the exact blob the reference saw, and compares the final output with the
 * reference forward pass within 1e-4 (relative where |value| > 1). One Markdown row per case.
 *
 *   npx tsx scripts/check/compareCaffe.ts [--dir /tmp/caffe-check]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initBackend } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { tf } from '../../src/lib/engine/tf';
import { parseCaffeModel } from '../../src/lib/formats/caffe/caffeModelImport';

interface Case {
  case: string;
  input: number[];
  output: number[];
  deploy: boolean;
}

function floats(path: string): Float32Array {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** NCHW (batch 1) → HWC. */
function toHwc(x: Float32Array, [, c = 1, h = 1, w = 1]: number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let ch = 0; ch < c; ch++)
    for (let y = 0; y < h; y++)
      for (let i = 0; i < w; i++) out[(y * w + i) * c + ch] = x[(ch * h + y) * w + i] ?? 0;
  return out;
}

async function check(dir: string, c: Case): Promise<string> {
  const row = (status: string, detail: string) =>
    `| ${c.case}${c.deploy ? ' (with deploy prototxt)' : ''} | ${status} | ${detail.replace(/\|/g, '\\|')} |`;
  const bytes = new Uint8Array(readFileSync(join(dir, `${c.case}.caffemodel`)));
  const prototxt = join(dir, `${c.case}.prototxt`);
  let imported;
  try {
    imported = parseCaffeModel(bytes, existsSync(prototxt) ? readFileSync(prototxt, 'utf8') : undefined);
  } catch (e) {
    return row('refused', e instanceof Error ? e.message : String(e));
  }
  try {
    const model = await buildModel(imported.spec, imported.weights);
    const shape = model.inputs[0]?.shape.slice(1) as number[];
    const got = tf.tidy(() => {
      const y = model.predict(
        tf.tensor(toHwc(floats(join(dir, `${c.case}.in.bin`)), c.input), [1, ...shape]),
      );
      return (Array.isArray(y) ? y[0] : y)?.dataSync() as Float32Array;
    });
    model.dispose();
    const raw = floats(join(dir, `${c.case}.out.bin`));
    const want = c.output.length === 4 ? toHwc(raw, c.output) : raw;
    let abs = 0;
    let rel = 0;
    for (let i = 0; i < want.length; i++) {
      const d = Math.abs((got[i] ?? NaN) - (want[i] ?? 0));
      abs = Math.max(abs, d);
      rel = Math.max(rel, d / Math.max(1, Math.abs(want[i] ?? 0)));
    }
    const ok = got.length === want.length && rel < 1e-4;
    return row(
      ok ? 'ok' : 'WRONG',
      `${imported.spec.layers.length} layers; vs reference ${abs.toExponential(1)} (rel ${rel.toExponential(1)})`,
    );
  } catch (e) {
    return row('engine failed', e instanceof Error ? e.message : String(e));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.includes('--dir') ? (args[args.indexOf('--dir') + 1] ?? '') : '/tmp/caffe-check';
  await initBackend({ order: ['wasm', 'cpu'] });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] };
  process.stdout.write('| model | result | detail |\n|---|---|---|\n');
  for (const c of manifest.cases) process.stdout.write(`${await check(dir, c)}\n`);
}

await main();

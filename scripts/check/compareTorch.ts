/**
 * Hand check, not a test: reads the models scripts/check/torchExports.py exported from PyTorch
 * and, for each, imports the .onnx with our importer, runs it in our engine (wasm backend) and
 * compares
 * - the final output with PyTorch's on the same input, and
 * - every intermediate activation the import maps to a layer with onnxruntime-web's,
 * within 1e-4 (relative to the tensor's largest |value| where that is over 1). Prints one Markdown
 * table row per case.
 *
 *   npx tsx scripts/check/compareTorch.ts [--dir /tmp/torch-exports] [--only resnet18,tiny_ops]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initBackend } from '../../src/lib/engine/backend';
import { parseOnnx, type OnnxImported } from '../../src/lib/formats/onnx/onnxImport';
import { toOursOrder } from '../../src/lib/formats/onnx/onnxValues';
import { engineActivations, runOrt, withOutputs } from '../../tests/formats/onnx/onnxCompare';

interface Case {
  case: string;
  model: string;
  opset: number;
  head: string;
  dynamic: boolean;
  input: number[];
  output?: number[];
  exportError?: string;
}

const TOLERANCE = 1e-4;

function floats(path: string): Float32Array {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/**
 * Largest |a − b|, and that over max(1, largest |b| of the tensor): float32 sums of large terms
 * leave errors relative to the tensor's scale, not to each (possibly cancelled) value.
 */
function difference(got: Float32Array, want: Float32Array): { abs: number; rel: number } {
  if (got.length !== want.length) return { abs: Infinity, rel: Infinity };
  let abs = 0;
  let scale = 1;
  for (let i = 0; i < got.length; i++) {
    const d = Math.abs((got[i] ?? 0) - (want[i] ?? 0));
    if (!(d <= abs)) abs = d;
    scale = Math.max(scale, Math.abs(want[i] ?? 0));
  }
  return { abs, rel: abs / scale };
}

/** The input as the engine's Input takes it: after the mean and std the import put there (HWC). */
function normalised(imported: OnnxImported, hwc: Float32Array): Float32Array {
  const params = imported.spec.layers[0]?.params ?? {};
  const mean = (params.mean as number[] | undefined) ?? [0];
  const std = (params.std as number[] | undefined) ?? [1];
  const channels = Math.max(mean.length, std.length);
  return hwc.map((v, i) => (v - (mean[i % channels] ?? 0)) / (std[i % channels] ?? 1));
}

async function check(dir: string, c: Case): Promise<string> {
  const row = (status: string, detail: string) =>
    `| ${c.model} | ${c.opset} | ${c.head}${c.dynamic ? ', dynamic batch' : ''} | ${status} | ${detail} |`;
  if (c.exportError) return row('export failed', c.exportError.replace(/\|/g, '\\|'));
  const bytes = new Uint8Array(readFileSync(join(dir, `${c.case}.onnx`)));
  let imported: OnnxImported;
  try {
    imported = parseOnnx(bytes, `${c.case}.onnx`);
  } catch (e) {
    return row('refused', (e instanceof Error ? e.message : String(e)).replace(/\|/g, '\\|'));
  }
  const input = floats(join(dir, `${c.case}.in.bin`));
  const want = floats(join(dir, `${c.case}.out.bin`));
  const inAct = imported.tensors.get('input');
  const outAct = imported.tensors.get('output');
  if (!inAct || !outAct) return row('wrong', 'input or output not mapped');
  let engine: Map<string, Float32Array>;
  try {
    engine = await engineActivations(imported, normalised(imported, toOursOrder(inAct, input)));
  } catch (e) {
    return row('engine failed', e instanceof Error ? e.message : String(e));
  }
  const final = difference(engine.get(outAct.layer) ?? new Float32Array(), toOursOrder(outAct, want));
  // Intermediate activations against onnxruntime, in the import's order.
  const names = [...imported.tensors.keys()].filter((n) => n !== 'input');
  const ort = await runOrt(withOutputs(bytes, names), { input: { data: input, dims: c.input } }, names);
  let worst = { name: '', abs: 0, rel: 0 };
  let firstBad = '';
  for (const name of names) {
    const act = imported.tensors.get(name);
    const ref = ort.get(name);
    if (!act || !ref) continue;
    const d = difference(engine.get(act.layer) ?? new Float32Array(), toOursOrder(act, ref));
    if (d.rel > worst.rel || !Number.isFinite(d.rel)) worst = { name, ...d };
    if (!firstBad && !(d.rel < TOLERANCE))
      firstBad = `${name} (layer ${act.layer}): ${d.abs.toExponential(2)}`;
  }
  const ortFinal = difference(ort.get('output') ?? new Float32Array(), want);
  const ok = final.rel < TOLERANCE && !firstBad;
  const layers = imported.spec.layers.length;
  return row(
    ok ? 'ok' : 'WRONG',
    `${layers} layers; vs PyTorch ${final.abs.toExponential(1)} (rel ${final.rel.toExponential(1)}, ` +
      `largest |output| ${want.reduce((m, v) => Math.max(m, Math.abs(v)), 0).toExponential(1)}); ` +
      `${names.length} activations vs onnxruntime, worst ${worst.abs.toExponential(1)}` +
      `${firstBad ? `; first over: ${firstBad}` : ''}; onnxruntime vs PyTorch ${ortFinal.abs.toExponential(1)}`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir =
    args[args.indexOf('--dir') + 1] && args.includes('--dir')
      ? (args[args.indexOf('--dir') + 1] ?? '')
      : '/tmp/torch-exports';
  const only = new Set(
    (args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '').split(',').filter(Boolean),
  );
  await initBackend({ order: ['wasm', 'cpu'] });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] };
  process.stdout.write('| model | opset | head | result | detail |\n|---|---|---|---|---|\n');
  for (const c of manifest.cases) {
    if (only.size > 0 && !only.has(c.model) && !only.has(c.case)) continue;
    process.stdout.write(`${await check(dir, c)}\n`);
  }
}

await main();

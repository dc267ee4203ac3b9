/**
 * `npx tsx scripts/abTrainingStep.ts [--paths pool,relu] [--rounds 15] [--batch 32]`: same-run A/B
 * of whole TinyVGG training steps (64×64, Adam; Node, wasm backend) with our SIMD paths on (B)
 * and the named ones off (A), alternating step by step; median and range of the wall time and of
 * the process's CPU time (steadier on a shared machine: the work is on one thread).
 * Paths: filter (direct filter gradient), pool (SIMD MaxPoolGrad), relu (one-pass ReLU gradient),
 * adam (one kernel per variable).
 */
import { parseArgs, runMain, usage } from './lib/args';
import { initBackend } from '../src/lib/engine/backend';
import { buildModel } from '../src/lib/engine/build';
import { Trainer } from '../src/lib/engine/train';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { setDirectFilterGradient } from '../src/lib/engine/wasmFilterGradient';
import { setSimdPoolGrad } from '../src/lib/engine/wasmMaxPoolGrad';
import { setFusedReluGradient } from '../src/lib/engine/reluGradient';
import { setFusedAdam } from '../src/lib/engine/fusedAdam';

const SWITCHES: Record<string, (on: boolean) => void> = {
  filter: setDirectFilterGradient,
  pool: setSimdPoolGrad,
  relu: setFusedReluGradient,
  adam: setFusedAdam,
};

const OPTIONS = {
  paths: { kind: 'string', default: Object.keys(SWITCHES).join(','), help: 'the paths A turns off' },
  rounds: { kind: 'number', default: 15, help: 'steps of each (after 2 warm-up steps each)' },
  batch: { kind: 'number', default: 32, help: 'batch size' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

const median = (a: number[]): number => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npx tsx scripts/abTrainingStep.ts [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const paths = args.paths.split(',').filter((p) => p);
  for (const p of paths) if (!SWITCHES[p]) throw new Error(`unknown path ${p}`);
  const set = (on: boolean) => paths.forEach((p) => SWITCHES[p]!(on));
  await initBackend({ order: ['wasm'] });
  const n = args.batch;
  const model = await buildModel(tinyVggSpec(10, 64));
  const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 0.001 });
  const images = Float32Array.from({ length: n * 64 * 64 * 3 }, () => Math.random());
  const labels = Int32Array.from({ length: n }, (_, i) => i % 10);
  const times = { A: [] as number[], B: [] as number[] };
  const cpu = { A: [] as number[], B: [] as number[] };
  for (let r = 0; r < 2 * args.rounds + 4; r++) {
    const on = r % 4 === 1 || r % 4 === 2; // A B B A …
    set(on);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await trainer.trainBatch(images, labels);
    const c = process.cpuUsage(c0);
    if (r >= 4) times[on ? 'B' : 'A'].push(performance.now() - t0);
    if (r >= 4) cpu[on ? 'B' : 'A'].push((c.user + c.system) / 1000);
  }
  set(true);
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const show = (v: number[]) =>
    `${median(v).toFixed(1)} (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`;
  line(`TinyVGG training step, batch ${n}: wall ms and process CPU ms (median, range), images/s by wall:`);
  for (const k of ['A', 'B'] as const)
    line(
      `  ${k === 'A' ? `A (${paths.join(', ')} off)` : 'B (all on)'}: wall ${show(times[k])}, CPU ${show(cpu[k])}; ${((n * 1000) / median(times[k])).toFixed(0)} img/s`,
    );
  trainer.dispose();
  model.dispose();
}

runMain(main);

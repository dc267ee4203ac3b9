/**
 * `npx tsx scripts/benchFilterGradient.ts [--rounds 7] [--batch 32]`: same-run A/B of the wasm
 * Conv2DBackpropFilter on TinyVGG's four convolutions (64×64 input): the direct SIMD loop
 * (wasmFilterGradient.ts) against the composed XNNPACK path, alternating, median ms per call,
 * and whole training steps (wall time) with each. Node, wasm backend.
 */
import { parseArgs, runMain, usage } from './lib/args';
import { initBackend } from '../src/lib/engine/backend';
import { buildModel } from '../src/lib/engine/build';
import { tf } from '../src/lib/engine/tf';
import { Trainer } from '../src/lib/engine/train';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { setDirectFilterGradient } from '../src/lib/engine/wasmFilterGradient';

const OPTIONS = {
  rounds: { kind: 'number', default: 7, help: 'alternating rounds (medians over them)' },
  batch: { kind: 'number', default: 32, help: 'batch size' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

const median = (a: number[]): number => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)] ?? NaN;
const spread = (a: number[]): string => `${Math.min(...a).toFixed(1)}–${Math.max(...a).toFixed(1)}`;

/** [input size, in channels] of TinyVGG's convolutions (3×3, valid, 10 filters). */
const LAYERS: [number, number][] = [
  [64, 3],
  [62, 10],
  [31, 10],
  [29, 10],
];

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npx tsx scripts/benchFilterGradient.ts [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  await initBackend({ order: ['wasm'] });
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const n = args.batch;
  const times = { direct: [] as number[], composed: [] as number[] };
  const calls = LAYERS.map(([size, ci]) => {
    const x = tf.randomNormal([n, size, size, ci]) as tf.Tensor4D;
    const dy = tf.randomNormal([n, size - 2, size - 2, 10]) as tf.Tensor4D;
    return {
      x,
      dy,
      run: () =>
        tf.tidy(() => {
          const attrs = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, ci, 10] };
          (tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor).dataSync();
        }),
    };
  });
  const timeAll = (): number => {
    const t0 = performance.now();
    for (const c of calls) c.run();
    return performance.now() - t0;
  };
  for (const on of [true, false]) {
    setDirectFilterGradient(on);
    timeAll();
  }
  for (let r = 0; r < args.rounds; r++)
    for (const on of r % 2 ? [false, true] : [true, false]) {
      setDirectFilterGradient(on);
      times[on ? 'direct' : 'composed'].push(timeAll());
    }
  line(`filter gradients of TinyVGG's 4 convs, batch ${n}, ms per step (median, range):`);
  for (const [k, v] of Object.entries(times)) line(`  ${k.padEnd(9)} ${median(v).toFixed(1)} (${spread(v)})`);
  for (const c of calls) tf.dispose([c.x, c.dy]);

  const model = await buildModel(tinyVggSpec(3, 64));
  const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 0.001 });
  const images = Float32Array.from({ length: n * 64 * 64 * 3 }, () => Math.random());
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
  const steps = { direct: [] as number[], composed: [] as number[] };
  for (let r = 0; r < 2 * args.rounds + 2; r++) {
    const on = r % 2 === 0;
    setDirectFilterGradient(on);
    const t0 = performance.now();
    await trainer.trainBatch(images, labels);
    if (r >= 2) steps[on ? 'direct' : 'composed'].push(performance.now() - t0);
  }
  line(`whole training step (TinyVGG, batch ${n}), ms (median, range; images/s):`);
  for (const [k, v] of Object.entries(steps))
    line(
      `  ${k.padEnd(9)} ${median(v).toFixed(1)} (${spread(v)}; ${((n * 1000) / median(v)).toFixed(0)} img/s)`,
    );
  setDirectFilterGradient(true);
  trainer.dispose();
  model.dispose();
}

runMain(main);

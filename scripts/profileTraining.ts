/**
 * `npx tsx scripts/profileTraining.ts [--model resnet8] [--steps 5] [--batch 64]`: where the time of
 * one training step goes, kernel by kernel, on the wasm backend in Node (random images, so no dataset
 * needed). Prints the median step time and each kernel's share over the profiled steps.
 */
import { parseArgs, runMain, usage } from './lib/args';
import { TRAINABLE, trainableModel } from './lib/trainModels';
import { initBackend, type BackendName } from '../src/lib/engine/backend';
import { buildModel } from '../src/lib/engine/build';
import { Trainer } from '../src/lib/engine/train';
import { profileStep } from '../src/lib/engine/profileStep';

const OPTIONS = {
  model: { kind: 'string', default: 'resnet8', help: `network: ${TRAINABLE.map((t) => t.id).join(', ')}` },
  steps: { kind: 'number', default: 5, help: 'profiled steps (after 2 warm-up steps)' },
  batch: { kind: 'number', default: 64, help: 'batch size' },
  top: { kind: 'number', default: 25, help: 'kernels to list' },
  backend: { kind: 'string', default: 'wasm', help: 'tfjs backend: wasm or cpu' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npx tsx scripts/profileTraining.ts [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const net = trainableModel(args.model);
  await initBackend({ order: [args.backend as BackendName] });
  const model = await buildModel(net.spec(10));
  const trainer = new Trainer(model, { optimizer: 'adam', learningRate: 0.001, weightDecay: 0.05 });
  const per = net.inputSize * net.inputSize * 3;
  const images = Float32Array.from({ length: args.batch * per }, () => Math.random());
  const labels = Int32Array.from({ length: args.batch }, (_, i) => i % 10);
  const report = await profileStep(() => trainer.trainBatch(images, labels), args.steps);
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(
    `${net.name}, batch ${args.batch}: median step ${report.stepMs.toFixed(1)} ms (${((args.batch * 1000) / report.stepMs).toFixed(0)} img/s), kernels ${report.kernelMs.toFixed(1)} ms per step`,
  );
  for (const k of report.kernels.slice(0, args.top))
    line(
      `${k.name.padEnd(40)} ${k.ms.toFixed(2).padStart(8)} ms ${((100 * k.ms) / report.kernelMs).toFixed(1).padStart(5)}%  ×${k.calls}`,
    );
  trainer.dispose();
  model.dispose();
}

runMain(main);

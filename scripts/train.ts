/**
 * `npm run train`: trains TinyVGG on CIFAR-10 (ImageFolder layout) in Node with the tfjs
 * wasm backend, logs every epoch, checkpoints after every epoch so a run can be resumed,
 * keeps the best weights by validation accuracy and evaluates them on the test split.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, runMain, usage } from './lib/args';
import { ProgressBar, formatSeconds } from './lib/progress';
import { INPUT_SIZE, loadSplit, preprocessMany } from './lib/dataset';
import { initBackend, type BackendName } from '../src/lib/engine/backend';
import { buildModel, getNamedWeights, setNamedWeights } from '../src/lib/engine/build';
import { Trainer, predictProbabilities, type OptimizerName } from '../src/lib/engine/train';
import { loadModelFromArtifacts, saveModelToArtifacts } from '../src/lib/engine/io';
import { readModelArtifacts, writeModelArtifacts } from '../src/node/modelFiles';
import { tinyVggSpec } from '../src/lib/zoo/tinyvgg';
import { createRng, shuffleInPlace } from '../src/lib/random';
import { augmentImage } from '../src/lib/data/augment';
import { crossEntropy, evaluatePredictions } from '../src/lib/data/metrics';
import { PREPROCESSING_DESCRIPTION } from '../src/lib/preprocess/preprocess';
import { writeCheckpoint, readCheckpoint, type EpochLog } from './lib/checkpoint';

const OPTIONS = {
  data: {
    kind: 'string',
    default: '../shared/datasets/cifar10',
    help: 'dataset root with train/ and test/ ImageFolder splits',
  },
  out: { kind: 'string', default: 'models/tinyvgg-cifar10', help: 'where the model, meta.json and logs go' },
  seed: { kind: 'number', default: 1, help: 'random seed (split, shuffling, augmentation, init)' },
  epochs: { kind: 'number', default: 20, help: 'maximum number of epochs' },
  batch: { kind: 'number', default: 64, help: 'batch size' },
  lr: { kind: 'number', default: 0.002, help: 'peak learning rate (cosine decay to 5% of it)' },
  optimizer: { kind: 'string', default: 'adam', help: 'adam, momentum or sgd' },
  flip: { kind: 'bool', default: true, help: 'random horizontal flips' },
  crop: { kind: 'number', default: 4, help: 'random-crop shift in pixels at 64×64 (0 = off)' },
  val: { kind: 'number', default: 5000, help: 'training images held out for validation' },
  patience: {
    kind: 'number',
    default: 5,
    help: 'stop after this many epochs without a better val accuracy (0 = never)',
  },
  resume: { kind: 'bool', default: false, help: 'continue from <out>/checkpoint' },
  limit: { kind: 'number', default: 0, help: 'images per class to read (0 = all; for quick trials)' },
  backend: { kind: 'string', default: 'wasm', help: 'tfjs backend: wasm or cpu' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npm run train -- [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  if (!['adam', 'momentum', 'sgd'].includes(args.optimizer))
    throw new Error(`--optimizer must be adam, momentum or sgd, not "${args.optimizer}"`);
  const backend = await initBackend({ order: [args.backend as BackendName] });
  process.stderr.write(`backend: ${backend}\n`);

  const limit = args.limit > 0 ? args.limit : undefined;
  const train = loadSplit(join(args.data, 'train'), limit);
  const test = loadSplit(join(args.data, 'test'), limit ? Math.ceil(limit / 5) : undefined, train.classes);
  const classes = train.classes;

  // A seeded hold-out split of the training images for validation.
  const rng = createRng(args.seed);
  const all = shuffleInPlace(
    Array.from({ length: train.images.length }, (_, i) => i),
    rng,
  );
  const valCount = Math.min(args.val, Math.floor(all.length / 5));
  const valIdx = all.slice(0, valCount);
  const trainIdx = all.slice(valCount);
  const valX = preprocessMany(train, valIdx);
  const valY = Int32Array.from(valIdx, (i) => train.labels[i]!);

  const spec = tinyVggSpec(classes.length, INPUT_SIZE);
  const checkpointDir = join(args.out, 'checkpoint');
  let startEpoch = 0;
  let log: EpochLog[] = [];
  let best = { valAccuracy: -1, epoch: -1, weights: null as Map<string, Float32Array> | null };
  let model = await buildModel(spec);
  const trainer0 = { optimizerState: null as Awaited<ReturnType<Trainer['optimizerState']>> | null };
  if (args.resume) {
    if (!existsSync(checkpointDir)) throw new Error(`${checkpointDir}: no checkpoint to resume from`);
    const cp = readCheckpoint(checkpointDir);
    model.dispose();
    model = (await loadModelFromArtifacts(readModelArtifacts(checkpointDir), checkpointDir)).model;
    startEpoch = cp.state.epoch + 1;
    log = cp.state.log;
    trainer0.optimizerState = cp.optimizer;
    if (cp.best)
      best = { valAccuracy: cp.state.bestValAccuracy, epoch: cp.state.bestEpoch, weights: cp.best };
    process.stderr.write(
      `resuming after epoch ${startEpoch} (best val accuracy so far ${(best.valAccuracy * 100).toFixed(2)}%)\n`,
    );
  }
  const trainer = new Trainer(model, { optimizer: args.optimizer as OptimizerName, learningRate: args.lr });
  if (trainer0.optimizerState) await trainer.restoreOptimizerState(trainer0.optimizerState);

  mkdirSync(args.out, { recursive: true });
  const per = INPUT_SIZE * INPUT_SIZE * 3;
  const batchX = new Float32Array(args.batch * per);
  const scratch = new Float32Array(per);
  let sinceBest = log.length > 0 ? log.length - 1 - best.epoch : 0;
  for (let epoch = startEpoch; epoch < args.epochs; epoch++) {
    const lr = args.lr * (0.05 + 0.95 * 0.5 * (1 + Math.cos((Math.PI * epoch) / args.epochs)));
    trainer.setLearningRate(lr);
    const epochRng = createRng(args.seed * 1000 + epoch);
    const order = shuffleInPlace([...trainIdx], epochRng);
    const bar = new ProgressBar(order.length, `epoch ${epoch + 1}/${args.epochs}`);
    const t0 = Date.now();
    let lossSum = 0;
    let accSum = 0;
    let seen = 0;
    for (let b = 0; b + args.batch <= order.length; b += args.batch) {
      const labels = new Int32Array(args.batch);
      for (let i = 0; i < args.batch; i++) {
        const idx = order[b + i]!;
        const x = preprocessMany(train, [idx]);
        augmentImage(x, INPUT_SIZE, { flip: args.flip, cropPad: args.crop }, epochRng, scratch);
        batchX.set(scratch, i * per);
        labels[i] = train.labels[idx]!;
      }
      const r = await trainer.trainBatch(batchX, labels);
      if (!Number.isFinite(r.loss))
        throw new Error(
          `loss became ${r.loss} in epoch ${epoch + 1}: the learning rate (${lr}) is probably too high`,
        );
      lossSum += r.loss * args.batch;
      accSum += r.accuracy * args.batch;
      seen += args.batch;
      if ((b / args.batch) % 10 === 0)
        bar.update(seen, `loss ${(lossSum / seen).toFixed(3)} acc ${((accSum / seen) * 100).toFixed(1)}%`);
    }
    bar.update(order.length);
    bar.done();
    const valP = predictProbabilities(model, valX, valY.length);
    const valEval = evaluatePredictions(valP, valY, classes.length);
    const entry: EpochLog = {
      epoch: epoch + 1,
      loss: lossSum / seen,
      accuracy: accSum / seen,
      valLoss: crossEntropy(valP, valY, classes.length),
      valAccuracy: valEval.accuracy,
      learningRate: lr,
      seconds: (Date.now() - t0) / 1000,
    };
    log.push(entry);
    process.stderr.write(
      `epoch ${entry.epoch}: loss ${entry.loss.toFixed(4)} acc ${(entry.accuracy * 100).toFixed(2)}% val loss ${entry.valLoss.toFixed(4)} val acc ${(entry.valAccuracy * 100).toFixed(2)}% (${formatSeconds(entry.seconds)}, ${(seen / entry.seconds).toFixed(0)} img/s)\n`,
    );
    if (entry.valAccuracy > best.valAccuracy) {
      best = { valAccuracy: entry.valAccuracy, epoch, weights: getNamedWeights(model) };
      sinceBest = 0;
      writeModelArtifacts(args.out, await saveModelToArtifacts(model));
    } else sinceBest++;
    writeLogs(args.out, log);
    await writeCheckpoint(checkpointDir, {
      artifacts: await saveModelToArtifacts(model),
      optimizer: await trainer.optimizerState(),
      best: best.weights,
      state: { epoch, log, bestEpoch: best.epoch, bestValAccuracy: best.valAccuracy, args },
    });
    if (args.patience > 0 && sinceBest >= args.patience) {
      process.stderr.write(`no better validation accuracy for ${args.patience} epochs: stopping early\n`);
      break;
    }
  }

  if (best.weights) setNamedWeights(model, best.weights);
  const testX = preprocessMany(
    test,
    Array.from({ length: test.images.length }, (_, i) => i),
  );
  const testEval = evaluatePredictions(
    predictProbabilities(model, testX, test.images.length),
    test.labels,
    classes.length,
  );
  process.stderr.write(
    `test accuracy (best epoch ${best.epoch + 1}): ${(testEval.accuracy * 100).toFixed(2)}% on ${test.images.length} images\n`,
  );
  const meta = {
    name: 'TinyVGG',
    dataset: 'CIFAR-10',
    classes,
    inputSize: [INPUT_SIZE, INPUT_SIZE, 3],
    preprocessing: { fit: 'crop', size: INPUT_SIZE, scale: '1/255', description: PREPROCESSING_DESCRIPTION },
    testAccuracy: testEval.accuracy,
    testImages: test.images.length,
    confusion: testEval.confusion,
    bestEpoch: best.epoch + 1,
    training: {
      backend,
      seed: args.seed,
      epochs: log.length,
      batch: args.batch,
      optimizer: args.optimizer,
      learningRate: args.lr,
      schedule: 'cosine decay to 5% over the epoch budget',
      augmentation: { flip: args.flip, cropShift: args.crop },
      validationImages: valCount,
      trainingImages: trainIdx.length,
      totalSeconds: log.reduce((s, e) => s + e.seconds, 0),
    },
    log,
  };
  writeFileSync(join(args.out, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  process.stderr.write(`wrote ${args.out}/model.json, weights.bin, meta.json, log.csv, log.json\n`);
}

function writeLogs(dir: string, log: EpochLog[]): void {
  const header = 'epoch,loss,accuracy,val_loss,val_accuracy,learning_rate,seconds';
  const rows = log.map((e) =>
    [e.epoch, e.loss, e.accuracy, e.valLoss, e.valAccuracy, e.learningRate, e.seconds].join(','),
  );
  writeFileSync(join(dir, 'log.csv'), `${[header, ...rows].join('\n')}\n`);
  writeFileSync(join(dir, 'log.json'), `${JSON.stringify(log, null, 2)}\n`);
}

runMain(main);

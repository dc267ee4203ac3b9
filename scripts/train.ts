/**
 * `npm run train -- [--model <id>]`: trains one of the CIFAR-10 networks (TinyVGG by default,
 * see lib/trainModels.ts) in Node with the tfjs wasm backend, logs every epoch, checkpoints
 * after every epoch so a run can be resumed (`--resume`), keeps the best weights by validation
 * accuracy and evaluates them on the test split.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, runMain, usage, type ArgSpec } from './lib/args';
import { ProgressBar, formatSeconds } from './lib/progress';
import { loadSplit, preprocessMany } from './lib/dataset';
import { TRAINABLE, trainableModel, type TrainableModel } from './lib/trainModels';
import { initBackend, type BackendName } from '../src/lib/engine/backend';
import { buildModel, getNamedWeights, setNamedWeights } from '../src/lib/engine/build';
import { Trainer, predictProbabilities, type OptimizerName } from '../src/lib/engine/train';
import { loadModelFromArtifacts, saveModelToArtifacts } from '../src/lib/engine/io';
import { readModelArtifacts, writeModelArtifacts } from '../src/node/modelFiles';
import { createRng, shuffleInPlace } from '../src/lib/random';
import { augmentImage } from '../src/lib/data/augment';
import { crossEntropy, evaluatePredictions } from '../src/lib/data/metrics';
import { PREPROCESSING_DESCRIPTION } from '../src/lib/preprocess/preprocess';
import { writeCheckpoint, readCheckpoint, type EpochLog } from './lib/checkpoint';
import { writeLogs, trainingMeta } from './lib/trainReport';
import { adoptRunSettings, readBest } from './lib/resume';

function options(m: TrainableModel) {
  const d = m.defaults;
  return {
    model: { kind: 'string', default: m.id, help: `network: ${TRAINABLE.map((t) => t.id).join(', ')}` },
    data: {
      kind: 'string',
      default: '../shared/datasets/cifar10',
      help: 'dataset root with train/ and test/ ImageFolder splits',
    },
    out: { kind: 'string', default: m.out, help: 'where the model, meta.json, logs and checkpoint/ go' },
    seed: { kind: 'number', default: 1, help: 'random seed (split, shuffling, augmentation)' },
    epochs: { kind: 'number', default: d.epochs, help: 'epoch budget (the cosine schedule spans it)' },
    batch: { kind: 'number', default: d.batch, help: 'batch size' },
    lr: { kind: 'number', default: d.lr, help: 'peak learning rate (cosine decay to 5% of it)' },
    optimizer: { kind: 'string', default: d.optimizer, help: 'adam, momentum or sgd' },
    'weight-decay': {
      kind: 'number',
      default: d.weightDecay,
      help: 'decoupled weight decay on kernels, per unit of learning rate (0 = off)',
    },
    flip: { kind: 'bool', default: true, help: 'random horizontal flips' },
    crop: { kind: 'number', default: d.crop, help: 'random-crop shift in pixels (0 = off)' },
    val: { kind: 'number', default: 5000, help: 'training images held out for validation' },
    patience: {
      kind: 'number',
      default: d.patience,
      help: 'stop after this many epochs without a better val accuracy (0 = never)',
    },
    resume: { kind: 'bool', default: false, help: 'continue from <out>/checkpoint' },
    'stop-after': {
      kind: 'number',
      default: 0,
      help: 'end this session after so many epochs, resumable with --resume (0 = run to the budget)',
    },
    limit: { kind: 'number', default: 0, help: 'images per class to read (0 = all; for quick trials)' },
    backend: { kind: 'string', default: 'wasm', help: 'tfjs backend: wasm or cpu' },
    help: { kind: 'bool', default: false, help: 'show this help' },
  } satisfies ArgSpec;
}

/** The --model value, read before the other options since it sets their defaults. */
function modelArg(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--model' || a.startsWith('--model='));
  if (i < 0) return 'tinyvgg';
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[i + 1] ?? '');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const net = trainableModel(modelArg(argv));
  const OPTIONS = options(net);
  const args = parseArgs(OPTIONS, argv);
  if (args.help) {
    process.stdout.write(`npm run train -- [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  if (!['adam', 'momentum', 'sgd'].includes(args.optimizer))
    throw new Error(`--optimizer must be adam, momentum or sgd, not "${args.optimizer}"`);
  const size = net.inputSize;
  const backend = await initBackend({ order: [args.backend as BackendName] });
  process.stderr.write(`${net.name}, ${size}×${size} input, backend ${backend}\n`);

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
  const valX = preprocessMany(train, valIdx, size);
  const valY = Int32Array.from(valIdx, (i) => train.labels[i]!);

  const spec = net.spec(classes.length);
  const checkpointDir = join(args.out, 'checkpoint');
  let startEpoch = 0;
  let log: EpochLog[] = [];
  let best = { valAccuracy: -1, epoch: -1, weights: null as Map<string, Float32Array> | null };
  let model = await buildModel(spec);
  let optimizerState: Awaited<ReturnType<Trainer['optimizerState']>> | null = null;
  if (args.resume) {
    const cp = readCheckpoint(checkpointDir);
    adoptRunSettings(args, cp.state.args, argv);
    if (cp.weights) setNamedWeights(model, cp.weights);
    else {
      // An old-layout checkpoint: the model files themselves.
      model.dispose();
      model = (await loadModelFromArtifacts(readModelArtifacts(checkpointDir), checkpointDir)).model;
    }
    startEpoch = cp.state.epoch + 1;
    log = cp.state.log;
    optimizerState = cp.optimizer;
    const bestWeights =
      cp.best ?? (existsSync(join(args.out, 'model.json')) ? await readBest(args.out) : null);
    if (bestWeights)
      best = { valAccuracy: cp.state.bestValAccuracy, epoch: cp.state.bestEpoch, weights: bestWeights };
    process.stderr.write(
      `resuming after epoch ${startEpoch} of ${args.epochs} (best val accuracy so far ${(best.valAccuracy * 100).toFixed(2)}%, epoch ${best.epoch + 1})\n`,
    );
  }
  const trainer = new Trainer(model, {
    optimizer: args.optimizer as OptimizerName,
    learningRate: args.lr,
    weightDecay: args['weight-decay'],
  });
  if (optimizerState) await trainer.restoreOptimizerState(optimizerState);

  const writeMeta = (testEval: { accuracy: number; confusion: number[][] } | null, testImages: number) => {
    const meta = trainingMeta({
      name: net.name,
      classes,
      size,
      preprocessingDescription: PREPROCESSING_DESCRIPTION,
      testEval,
      testImages,
      bestEpoch: best.epoch + 1,
      bestValAccuracy: best.valAccuracy,
      training: {
        backend,
        seed: args.seed,
        batch: args.batch,
        optimizer: args.optimizer,
        learningRate: args.lr,
        weightDecay: args['weight-decay'],
        epochBudget: args.epochs,
        augmentation: { flip: args.flip, cropShift: args.crop },
        validationImages: valCount,
        trainingImages: trainIdx.length,
      },
      log,
    });
    writeFileSync(join(args.out, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  };

  mkdirSync(args.out, { recursive: true });
  const per = size * size * 3;
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
        const x = preprocessMany(train, [idx], size);
        augmentImage(x, size, { flip: args.flip, cropPad: args.crop }, epochRng, scratch);
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
    writeMeta(null, 0);
    writeCheckpoint(checkpointDir, {
      weights: getNamedWeights(model),
      optimizer: await trainer.optimizerState(),
      state: { epoch, log, bestEpoch: best.epoch, bestValAccuracy: best.valAccuracy, args },
    });
    if (args.patience > 0 && sinceBest >= args.patience) {
      process.stderr.write(`no better validation accuracy for ${args.patience} epochs: stopping early\n`);
      break;
    }
    if (args['stop-after'] > 0 && epoch + 1 - startEpoch >= args['stop-after'] && epoch + 1 < args.epochs) {
      process.stderr.write(
        `stopped after epoch ${epoch + 1} of ${args.epochs}; continue with: npm run train -- --model ${net.id} --resume\n`,
      );
      return;
    }
  }

  if (best.weights) setNamedWeights(model, best.weights);
  const testX = preprocessMany(
    test,
    Array.from({ length: test.images.length }, (_, i) => i),
    size,
  );
  const testEval = evaluatePredictions(
    predictProbabilities(model, testX, test.images.length),
    test.labels,
    classes.length,
  );
  process.stderr.write(
    `test accuracy (best epoch ${best.epoch + 1}): ${(testEval.accuracy * 100).toFixed(2)}% on ${test.images.length} images\n`,
  );
  writeMeta(testEval, test.images.length);
  process.stderr.write(`wrote ${args.out}/model.json, weights.bin, meta.json, log.csv, log.json\n`);
}

runMain(main);

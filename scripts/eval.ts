/**
 * `npm run eval`: accuracy and confusion matrix of a saved model on a test split.
 * `--json` prints `{ "accuracy": …, "confusion": [[…]] }` as the last line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, runMain, usage } from './lib/args';
import { loadSplit, preprocessMany } from './lib/dataset';
import { TRAINABLE } from './lib/trainModels';
import { TEST_RECORD, testRecord } from './lib/trainedIndex';
import { initBackend, type BackendName } from '../src/lib/engine/backend';
import { loadModelFromArtifacts } from '../src/lib/engine/io';
import { predictProbabilities } from '../src/lib/engine/train';
import { readModelArtifacts } from '../src/node/modelFiles';
import { parseModelMeta } from '../src/lib/model/meta';
import { evaluatePredictions } from '../src/lib/data/metrics';

const OPTIONS = {
  model: {
    kind: 'string',
    default: 'tinyvgg',
    help: `a trained network (${TRAINABLE.map((t) => t.id).join(', ')}) or a folder with model.json, weights and meta.json`,
  },
  data: {
    kind: 'string',
    default: '../shared/datasets/cifar10',
    help: 'dataset root (its test/ split is used)',
  },
  split: { kind: 'string', default: 'test', help: 'which split folder to evaluate on' },
  json: { kind: 'bool', default: false, help: 'print the result as JSON on the last line' },
  record: {
    kind: 'bool',
    default: false,
    help: 'write test.json beside the weights (accuracy, images, the epoch tested, the bar to ship at): a run still going ships its best weights once they meet the bar',
  },
  backend: { kind: 'string', default: 'wasm', help: 'tfjs backend: wasm or cpu' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npm run eval -- [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const dir = TRAINABLE.find((t) => t.id === args.model)?.out ?? args.model;
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) throw new Error(`${metaPath}: file not found`);
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (e) {
    throw new Error(`${metaPath}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const meta = parseModelMeta(metaJson, metaPath);
  await initBackend({ order: [args.backend as BackendName] });
  const { model } = await loadModelFromArtifacts(readModelArtifacts(dir), join(dir, 'model.json'));
  const data = loadSplit(join(args.data, args.split), undefined, meta.classes);
  const x = preprocessMany(
    data,
    Array.from({ length: data.images.length }, (_, i) => i),
    meta.inputSize[0],
  );
  const t = Date.now();
  const result = evaluatePredictions(
    predictProbabilities(model, x, data.images.length),
    data.labels,
    meta.classes.length,
  );
  const seconds = (Date.now() - t) / 1000;
  const names = meta.classes.map((c) => c.slice(0, 5).padStart(6));
  const lines = [
    `accuracy: ${(result.accuracy * 100).toFixed(2)}% on ${data.images.length} images (${(data.images.length / seconds).toFixed(0)} img/s)`,
    '',
    'confusion matrix (rows: true class, columns: predicted):',
    `${''.padStart(12)}${names.join('')}`,
    ...result.confusion.map(
      (row, i) =>
        `${(meta.classes[i] ?? '').padStart(12)}${row.map((n) => String(n).padStart(6)).join('')}   ${(result.perClass[i]! * 100).toFixed(1)}%`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (args.json)
    process.stdout.write(`${JSON.stringify({ accuracy: result.accuracy, confusion: result.confusion })}\n`);
  if (args.record) {
    const trainable = TRAINABLE.find((t) => t.id === args.model);
    if (args.split !== 'test') throw new Error('--record measures the test split; leave --split out');
    const record = testRecord(metaJson, result.accuracy, data.images.length, trainable?.shipAt);
    writeFileSync(join(dir, TEST_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(
      `${join(dir, TEST_RECORD)}: epoch ${record.epoch}, ${(record.accuracy * 100).toFixed(2)}% (${record.accuracy >= record.shipAt ? 'meets' : 'below'} the bar of ${(record.shipAt * 100).toFixed(0)}%)\n`,
    );
  }
  model.dispose();
}

runMain(main);

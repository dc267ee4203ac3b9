/**
 * `npm run examples`: the app's example images, made by the project itself (no dataset image
 * is used or copied), in two sets:
 * - drawn pictures, one per class (scripts/drawing/scenes): shapes, gradients, shading and
 *   noise drawn at 512 × 512 and averaged down to the model's input size. Each is run through
 *   the shipped model as the app would run it, and what it answers goes into index.json;
 * - with --patterns, class visualisations: gradient ascent on the model's probability for each
 *   class, from seeded noise (src/lib/engine/classVisualisation.ts). Without it the patterns
 *   already in the folder and index.json are kept.
 * Writes static/examples/<class>.png, pattern-<class>.png, thumbnails.jpg (all of them, small,
 * in one sheet) and index.json. With --thumbnails-only, only the sheet is made again, from the
 * pictures index.json lists.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, runMain, usage } from './lib/args';
import { readPng, toPng } from './lib/examplePng';
import { writeThumbnails } from './lib/exampleThumbnails';
import {
  INDEX_DESCRIPTION,
  ranked,
  readPatterns,
  round3,
  type DrawnEntry,
  type ExampleIndex,
  type PatternEntry,
} from './lib/exampleIndex';
import { Raster } from './drawing/raster';
import { SCENES } from './drawing/scenes/index';
import { initBackend, tensorCount } from '../src/lib/engine/backend';
import { loadModelFromArtifacts } from '../src/lib/engine/io';
import { visualiseClass } from '../src/lib/engine/classVisualisation';
import { Explainer } from '../src/lib/engine/explain';
import { readModelArtifacts } from '../src/node/modelFiles';
import { parseModelMeta } from '../src/lib/model/meta';
import { preprocessImage } from '../src/lib/preprocess/preprocess';

const OPTIONS = {
  model: {
    kind: 'string',
    default: 'models/tinyvgg-cifar10',
    help: 'model folder with model.json, weights.bin and meta.json',
  },
  out: { kind: 'string', default: 'static/examples', help: 'where the PNGs and index.json go' },
  patterns: { kind: 'bool', default: false, help: 'make the class-visualisation patterns again (slow)' },
  'thumbnails-only': {
    kind: 'bool',
    default: false,
    help: 'only make thumbnails.jpg again, from the pictures index.json lists',
  },
  steps: { kind: 'number', default: 70, help: 'patterns: gradient steps at each resolution' },
  seed: { kind: 'number', default: 1, help: 'random seed of the drawings’ noise and of the patterns' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

/** Samples per side of the drawing canvas: 8 × 8 samples for each pixel of a 64 × 64 image. */
const DRAW_SIDE = 512;

/**
 * Stretches brightness so the darkest and brightest 1% reach near black and white: the
 * smoothness penalties leave the patterns washed out. One affine map for all channels keeps
 * the hues; the probability is measured again on the stretched image.
 */
function stretchContrast(image: Float32Array): Float32Array {
  const n = image.length / 3;
  const luma = Float32Array.from(
    { length: n },
    (_, i) => 0.299 * image[i * 3]! + 0.587 * image[i * 3 + 1]! + 0.114 * image[i * 3 + 2]!,
  ).sort();
  const lo = luma[Math.floor(n * 0.01)] ?? 0;
  const hi = luma[Math.floor(n * 0.99)] ?? 1;
  const a = 0.92 / Math.max(hi - lo, 1e-3);
  return image.map((v) => Math.min(1, Math.max(0, (v - lo) * a + 0.04)));
}

/** thumbnails.jpg made again from the pictures an existing index.json lists, and its entry updated. */
function remakeThumbnails(dir: string): void {
  const indexPath = join(dir, 'index.json');
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as ExampleIndex;
  const files = [...(index.examples ?? []), ...(index.patterns ?? [])].map((e) => e.file);
  index.thumbnails = writeThumbnails(dir, files);
  writeFileSync(indexPath, `${JSON.stringify(index, null, 2)}\n`);
  process.stderr.write(`wrote thumbnails of ${files.length} pictures to ${dir}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npm run examples -- [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  if (args['thumbnails-only']) return remakeThumbnails(args.out);
  await initBackend({ order: ['wasm', 'cpu'] });
  const meta = parseModelMeta(
    JSON.parse(readFileSync(join(args.model, 'meta.json'), 'utf8')) as unknown,
    join(args.model, 'meta.json'),
  );
  const { model } = await loadModelFromArtifacts(readModelArtifacts(args.model), args.model);
  const size = model.inputs[0]?.shape[1] ?? 64;
  mkdirSync(args.out, { recursive: true });
  const start = tensorCount();
  const explainer = new Explainer(model);
  // What the app's model answers for a written file: decoded and preprocessed as the page does.
  const predict = (file: string): Float32Array =>
    explainer.predictBatch(
      preprocessImage(readPng(readFileSync(join(args.out, file))), { size, fit: 'crop' }),
      1,
    );

  const drawn: DrawnEntry[] = [];
  for (const name of meta.classes) {
    const scene = SCENES[name];
    if (!scene) throw new Error(`no drawn scene for the class "${name}" (scripts/drawing/scenes/index.ts)`);
    const canvas = new Raster(DRAW_SIDE);
    scene(canvas, args.seed);
    const file = `${name}.png`;
    writeFileSync(join(args.out, file), toPng(canvas.downsample(size), size));
    const p = predict(file);
    const order = ranked(p, meta.classes);
    const top = order[0]!;
    const own = p[meta.classes.indexOf(name)] ?? 0;
    drawn.push({
      class: name,
      file,
      prediction: { class: top.class, probability: round3(top.probability) },
      classProbability: round3(own),
    });
    const flag = top.class === name ? '' : `  <- the model says ${top.class}`;
    const spread = order
      .slice(0, 3)
      .map((o) => `${o.class} ${(o.probability * 100).toFixed(1)}%`)
      .join(', ');
    process.stderr.write(`drawn   ${name.padEnd(12)} ${spread}${flag}\n`);
  }

  const indexPath = join(args.out, 'index.json');
  const previous = existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as unknown) : null;
  let patterns: PatternEntry[] = readPatterns(previous);
  if (args.patterns) {
    patterns = [];
    for (const [classIndex, name] of meta.classes.entries()) {
      const t0 = Date.now();
      const raw = visualiseClass(model, { classIndex, steps: args.steps, seed: args.seed });
      const file = `pattern-${name}.png`;
      writeFileSync(join(args.out, file), toPng(stretchContrast(raw.image), size));
      const probability = round3(predict(file)[classIndex] ?? 0);
      patterns.push({ class: name, file, probability });
      process.stderr.write(
        `pattern ${name.padEnd(12)} p=${probability.toFixed(3)}  ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
      );
    }
  } else {
    const missing = patterns.filter((e) => !existsSync(join(args.out, e.file)));
    if (patterns.length === 0 || missing.length > 0)
      throw new Error(
        `${indexPath}: no class-visualisation patterns to keep; run with --patterns to make them`,
      );
  }
  const index: ExampleIndex = {
    description: INDEX_DESCRIPTION,
    model: args.model,
    examples: drawn,
    patterns,
    thumbnails: writeThumbnails(
      args.out,
      [...drawn, ...patterns].map((e) => e.file),
    ),
  };
  writeFileSync(indexPath, `${JSON.stringify(index, null, 2)}\n`);
  if (tensorCount() > start) process.stderr.write(`warning: ${tensorCount() - start} tensors left over\n`);
  process.stderr.write(
    `wrote ${drawn.length} drawings, ${patterns.length} patterns and index.json to ${args.out}\n`,
  );
}

runMain(main);

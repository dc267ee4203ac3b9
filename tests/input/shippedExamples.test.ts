/**
 * The example images the app ships (static/examples): one picture per class drawn by our
 * code, and one class-visualisation pattern per class. The drawn pictures must be what the
 * shipped TinyVGG takes for their class, without the 100 % certainty of the patterns, and
 * must be exactly what scripts/drawing makes (so no other image can slip in).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/lib/engine/backend';
import { loadModelFromArtifacts } from '../../src/lib/engine/io';
import { Explainer } from '../../src/lib/engine/explain';
import { readModelArtifacts } from '../../src/node/modelFiles';
import { parseModelMeta, type ModelMeta } from '../../src/lib/model/meta';
import { preprocessImage } from '../../src/lib/preprocess/preprocess';
import { readPng } from '../../scripts/lib/examplePng';
import { Raster } from '../../scripts/drawing/raster';
import { SCENES } from '../../scripts/drawing/scenes/index';

const DIR = 'static/examples';
const MODEL = 'models/tinyvgg-cifar10';

interface Index {
  examples: { class: string; file: string; prediction: { class: string; probability: number } }[];
  patterns: { class: string; file: string; probability: number }[];
}

const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Index;
let meta: ModelMeta;
let explainer: Explainer;

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
  meta = parseModelMeta(JSON.parse(readFileSync(join(MODEL, 'meta.json'), 'utf8')) as unknown, 'meta.json');
  const { model } = await loadModelFromArtifacts(readModelArtifacts(MODEL), MODEL);
  explainer = new Explainer(model);
});

/** The probabilities the shipped model gives a shipped PNG, read and preprocessed as the page does. */
function classify(file: string): Float32Array {
  const raw = readPng(readFileSync(join(DIR, file)));
  return explainer.predictBatch(preprocessImage(raw, { size: meta.inputSize[0] ?? 64, fit: 'crop' }), 1);
}

describe('shipped example images', () => {
  it('lists one drawn picture and one pattern per class, each an opaque PNG of the model’s input size', () => {
    expect(index.examples.map((e) => e.class)).toEqual(meta.classes);
    expect(index.patterns.map((e) => e.class)).toEqual(meta.classes);
    expect(new Set([...index.examples, ...index.patterns].map((e) => e.file)).size).toBe(20);
    for (const e of [...index.examples, ...index.patterns]) {
      expect(existsSync(join(DIR, e.file)), e.file).toBe(true);
      const png = readPng(readFileSync(join(DIR, e.file)));
      expect([png.width, png.height], e.file).toEqual([meta.inputSize[0], meta.inputSize[1]]);
      for (let i = 3; i < png.data.length; i += 4)
        if (png.data[i] !== 255) throw new Error(`${e.file}: not opaque`);
    }
  });

  it('the drawn pictures are classified as what they show, with a realistic spread, as index.json says', () => {
    for (const e of index.examples) {
      const p = classify(e.file);
      const top = p.indexOf(Math.max(...p));
      expect(meta.classes[top], e.file).toBe(e.class);
      // Not the 100 / 0 / 0 of a pattern made to maximise one class.
      expect(p[top], e.file).toBeLessThan(0.97);
      expect(p[top], e.file).toBeGreaterThan(0.4);
      // The index tells the page what the model said; it must not have drifted from the model.
      expect(e.prediction.class).toBe(e.class);
      expect(p[top]).toBeCloseTo(e.prediction.probability, 2);
    }
  });

  it('the patterns are what the network is sure of: each scores its own class above 90 %', () => {
    for (const e of index.patterns) {
      const p = classify(e.file);
      expect(p[meta.classes.indexOf(e.class)], e.file).toBeGreaterThan(0.9);
    }
  });

  it('the drawn pictures are exactly what our drawing code makes', () => {
    const size = meta.inputSize[0] ?? 64;
    for (const e of index.examples) {
      const scene = SCENES[e.class];
      expect(scene, e.class).toBeDefined();
      const canvas = new Raster(512);
      scene!(canvas, 1);
      const drawn = canvas.downsample(size);
      const shipped = readPng(readFileSync(join(DIR, e.file))).data;
      let worst = 0;
      for (let i = 0; i < size * size; i++)
        for (let c = 0; c < 3; c++)
          worst = Math.max(worst, Math.abs(Math.round(drawn[i * 3 + c]! * 255) - shipped[i * 4 + c]!));
      expect(worst, e.file).toBe(0);
    }
  });
});

/** Occlusion sensitivity against direct forward passes of occluded images built here, one by one. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { Explainer } from '../../src/lib/engine/explain';
import { EngineAttributor } from '../../src/lib/engine/attribution/attributor';
import { smallConvNet } from '../fixtures/smallConvNet';
import { netWithLogits, outputOf, randomImage } from './nets';
import { occlusionPixelMap } from '../../src/lib/attribution/occlusionGrid';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const SIZE = 12;
const CLASSES = 3;

async function setUp() {
  const { model } = await netWithLogits(smallConvNet(SIZE, CLASSES), 8);
  const explainer = new Explainer(model);
  return { model, attributor: new EngineAttributor(model, (x) => explainer.explain(x)) };
}

/** The image with a size×size patch of `fill` at (y, x), written out plainly. */
function occlude(image: Float32Array, y: number, x: number, size: number, fill: number): Float32Array {
  const out = image.slice();
  for (let r = 0; r < SIZE; r++)
    for (let c = 0; c < SIZE; c++)
      if (r >= y && r < y + size && c >= x && c < x + size)
        for (let k = 0; k < 3; k++) out[(r * SIZE + c) * 3 + k] = fill;
  return out;
}

describe('occlusion', () => {
  it('reads the class output at every patch position as a direct forward pass of that occluded image does', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 4);
    for (const [size, stride, fill] of [
      [4, 2, 0.5],
      [5, 3, 0.5],
      [3, 1, 0],
    ] as const) {
      const r = await attributor.occlusion(image, { classIndex: 1, size, stride, fill });
      const n = Math.floor((SIZE - size) / stride) + 1;
      expect([r.grid.rows, r.grid.cols]).toEqual([n, n]);
      expect(r.base).toBeCloseTo(outputOf(model, image, SIZE, 1), 6);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const direct = outputOf(model, occlude(image, i * stride, j * stride, size, fill), SIZE, 1);
          expect(r.occluded[i * n + j]).toBeCloseTo(direct, 5);
          expect(r.drops[i * n + j]).toBeCloseTo(r.base - direct, 5);
        }
    }
    model.dispose();
  });

  it('measures the score before softmax when asked, as the net without its softmax gives it', async () => {
    const { model: net, logits } = await netWithLogits(smallConvNet(SIZE, CLASSES), 8);
    const explainer = new Explainer(net);
    const attributor = new EngineAttributor(net, (x) => explainer.explain(x));
    const image = randomImage(SIZE, 6);
    const r = await attributor.occlusion(image, { classIndex: 2, size: 4, stride: 4, measure: 'score' });
    expect(r.measure).toBe('score');
    expect(r.base).toBeCloseTo(outputOf(logits, image, SIZE, 2), 5);
    for (let i = 0; i < 9; i++) {
      const direct = outputOf(logits, occlude(image, Math.floor(i / 3) * 4, (i % 3) * 4, 4, 0.5), SIZE, 2);
      expect(r.occluded[i]).toBeCloseTo(direct, 4);
    }
    net.dispose();
    logits.dispose();
  });

  it('reports progress after every batch up to the total, pausing between batches', async () => {
    const { model, attributor } = await setUp();
    const progress: number[] = [];
    let pauses = 0;
    const r = await attributor.occlusion(randomImage(SIZE, 2), {
      classIndex: 0,
      size: 2,
      stride: 1,
      budgetMs: 0.001, // one image per batch after the first
      onProgress: (done, total) => {
        expect(total).toBe(121);
        progress.push(done);
      },
      pause: async () => void pauses++,
    });
    expect(r.drops.length).toBe(121);
    expect(progress.at(-1)).toBe(121);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]!);
    expect(pauses).toBe(progress.length - 1);
    model.dispose();
  });

  it('previews the drops measured so far after every batch but the last, the rest NaN; the map leaves those places plain', async () => {
    const { model, attributor } = await setUp();
    const previews: Float32Array[] = [];
    const done: number[] = [];
    const r = await attributor.occlusion(randomImage(SIZE, 4), {
      classIndex: 1,
      size: 2,
      stride: 1,
      budgetMs: 0.001,
      onProgress: (d) => void done.push(d),
      onPreview: (drops) => void previews.push(drops),
    });
    expect(previews.length).toBe(done.length - 1);
    previews.forEach((p, k) => {
      expect(p.length).toBe(121);
      const measured = done[k]!;
      for (let i = 0; i < 121; i++)
        if (i < measured) expect(p[i]).toBeCloseTo(r.drops[i]!, 6);
        else expect(p[i]).toBeNaN();
    });
    // Half measured: the map is the full one's where only measured patches cover a pixel, 0 where none does.
    const half = previews.find((p) => p.filter(Number.isFinite).length > 40)!;
    const partMap = occlusionPixelMap(half, r.grid);
    expect(partMap.every(Number.isFinite)).toBe(true);
    const measured = half.filter(Number.isFinite).length;
    const lastRow = Math.floor((measured - 1) / r.grid.cols);
    expect(partMap[(SIZE - 1) * SIZE + (SIZE - 1)]).toBe(0);
    expect(partMap[0]).toBeCloseTo(occlusionPixelMap(r.drops, r.grid)[0]!, 6);
    expect(lastRow).toBeLessThan(r.grid.rows - 1);
    model.dispose();
  });

  it('runs batches of a few fixed sizes only (powers of two, a short last one padded), so backends reuse their set-up', async () => {
    const { model, attributor } = await setUp();
    const sizes: number[] = [];
    const predict = model.predict.bind(model);
    model.predict = (x, args) => {
      sizes.push((Array.isArray(x) ? x[0]! : x).shape[0]!);
      return predict(x, args);
    };
    const r = await attributor.occlusion(randomImage(SIZE, 5), {
      classIndex: 1,
      size: 2,
      stride: 1,
      budgetMs: 5,
    });
    expect(r.drops.length).toBe(121);
    for (const n of sizes) expect([1, 2, 4, 8, 16, 32]).toContain(n);
    // 121 positions and the image itself, some padding at most in the last batch.
    expect(sizes.reduce((a, b) => a + b, 0) - 1 - 121).toBeLessThan(sizes.at(-1)!);
    model.dispose();
  });

  it('stops when its signal is aborted, and leaves no tensor behind', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 3);
    await attributor.occlusion(image, { classIndex: 0, size: 4, stride: 4 }); // warm-up
    const before = tensorCount();
    const stop = new AbortController();
    let batches = 0;
    const run = attributor.occlusion(image, {
      classIndex: 2,
      size: 2,
      stride: 1,
      budgetMs: 0.001,
      signal: stop.signal,
      onProgress: () => {
        if (++batches === 3) stop.abort(new Error('settings changed'));
      },
    });
    await expect(run).rejects.toThrow('settings changed');
    expect(batches).toBe(3);
    await attributor.occlusion(image, { classIndex: 2, size: 3, stride: 2 });
    expect(tensorCount()).toBe(before);
    model.dispose();
  });

  it('refuses a patch larger than the image or a stride of 0, naming the value', async () => {
    const { model, attributor } = await setUp();
    const image = randomImage(SIZE, 3);
    await expect(attributor.occlusion(image, { classIndex: 0, size: 13, stride: 1 })).rejects.toThrow(
      'occlusion patch size must be a whole number from 1 to 12, not 13',
    );
    await expect(attributor.occlusion(image, { classIndex: 0, size: 3, stride: 0 })).rejects.toThrow(
      'occlusion stride must be a whole number from 1 to 12, not 0',
    );
    model.dispose();
  });
});

/**
 * Reads the example strip's thumbnails off the screen: each thumbnail's pixels as painted,
 * reduced to a 4 × 4 grid of mean colours, compared with the same grid of every shipped
 * picture. A thumbnail is in its place when the closest picture is its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';
import { readPng } from '../../scripts/lib/examplePng';
import { shrinkImage } from '../../scripts/lib/exampleThumbnails';

const DIR = 'static/examples';
const GRID = 4;

/** Mean colours of a GRID × GRID grid over an RGB(A) image's central part (its rounded corners left out). */
function signature(data: ArrayLike<number>, width: number, height: number, channels: number): number[] {
  const inset = Math.round(width / 7);
  const out: number[] = [];
  const cell = (width - 2 * inset) / GRID;
  for (let gy = 0; gy < GRID; gy++)
    for (let gx = 0; gx < GRID; gx++) {
      const sum = [0, 0, 0];
      let n = 0;
      for (let y = Math.floor(inset + gy * cell); y < inset + (gy + 1) * cell && y < height; y++)
        for (let x = Math.floor(inset + gx * cell); x < inset + (gx + 1) * cell; x++, n++)
          for (let c = 0; c < 3; c++) sum[c]! += data[(y * width + x) * channels + c]!;
      out.push(...sum.map((s) => s / n));
    }
  return out;
}

const distance = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;

/** The shipped pictures' signatures at `side` pixels, by file. */
function shippedSignatures(side: number): Map<string, number[]> {
  const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as {
    examples: { file: string }[];
    patterns: { file: string }[];
  };
  return new Map(
    [...index.examples, ...index.patterns].map(({ file }) => [
      file,
      signature(shrinkImage(readPng(readFileSync(join(DIR, file))), side), side, side, 3),
    ]),
  );
}

/**
 * For each example button under `strip`: its file and the shipped picture its painted
 * thumbnail looks most like (and how far it is from a blank box's single colour).
 */
export async function readThumbnails(
  strip: Locator,
): Promise<{ file: string; closest: string; spread: number }[]> {
  const buttons = strip.locator('[data-testid="example"]');
  const count = await buttons.count();
  const out: { file: string; closest: string; spread: number }[] = [];
  let shipped: Map<string, number[]> | null = null;
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const box = button.locator('[data-testid="example-thumbnail"], img');
    const png = PNG.sync.read(await box.screenshot());
    shipped ??= shippedSignatures(png.width);
    const own = signature(png.data, png.width, png.height, 4);
    let closest = '';
    let best = Infinity;
    for (const [file, sig] of shipped) {
      const d = distance(own, sig);
      if (d < best) [best, closest] = [d, file];
    }
    const kind = await button.getAttribute('data-kind');
    const cls = await button.getAttribute('data-class');
    const mean = own.reduce((s, v) => s + v, 0) / own.length;
    out.push({
      file: kind === 'pattern' ? `pattern-${cls}.png` : `${cls}.png`,
      closest,
      spread: Math.max(...own.map((v) => Math.abs(v - mean))),
    });
  }
  return out;
}

/**
 * The snapshot's pixels (src/prerender/snapshot.ts): the overview's canvases and the image
 * previews, painted from the build's sprites with the operations the app uses (MapPainter's
 * paintColumn, RawImageCanvas, ImageCanvas), so they come out the same.
 */
import type { OverviewLayout } from '../lib/overview/layout';
import { EMPTY_RGBA, type SpriteMap } from './sprite';

export interface PreviewRect {
  id: string;
  x: number;
  y: number;
  cols: number;
  rows: number;
}

/** A look-up table shipped as base64 of its packed pixels (schemeLut(…).packed). */
export function decodeLut(base64: string): Uint32Array {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Uint32Array(bytes.buffer);
}

const EMPTY_PIXEL = new Uint32Array(new Uint8ClampedArray(EMPTY_RGBA).buffer)[0] ?? 0;

/** The whole sprite's pixels, read back once (RGBA; a grey level in R, G and B). */
export interface SheetPixels {
  data: Uint8ClampedArray;
  width: number;
}

/** A map's pixels: its indices (the sprite's grey levels) through its scheme's table. */
export function colourMap(sheet: SheetPixels, m: SpriteMap, lut: Uint32Array, out: Uint32Array): void {
  for (let i = 0; i < m.cols * m.rows; i++) {
    const at = ((m.y + Math.floor(i / m.cols)) * sheet.width + m.x + (i % m.cols)) * 4;
    out[i] = i < m.count ? lut[sheet.data[at]!]! : EMPTY_PIXEL;
  }
}

/** One column's canvas, as MapPainter.paintColumn draws it. */
export function paintColumn(
  canvas: HTMLCanvasElement,
  col: OverviewLayout['columns'][number],
  maps: ReadonlyMap<string, SpriteMap>,
  luts: ReadonlyMap<string, Uint32Array>,
  sheet: SheetPixels,
): void {
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const top = Math.min(...col.neurons.map((n) => n.y));
  const height = Math.max(...col.neurons.map((n) => n.y + n.h)) - top;
  canvas.width = Math.round(col.width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  const { rows, cols } = col.column.grid;
  const scratch = document.createElement('canvas');
  [scratch.width, scratch.height] = [cols, rows];
  const sctx = scratch.getContext('2d');
  if (!ctx || !sctx) return;
  const image = sctx.createImageData(cols, rows);
  const pixels = new Uint32Array(image.data.buffer);
  const strip = col.column.kind === 'strip';
  for (const n of col.neurons) {
    const m = maps.get(`${col.column.id}/${strip ? 0 : n.channel}`);
    const lut = m && luts.get(m.scheme);
    if (!m || !lut) continue;
    colourMap(sheet, m, lut, pixels);
    sctx.putImageData(image, 0, 0);
    const w = Math.round(n.w * scale);
    const h = Math.round(n.h * scale);
    ctx.imageSmoothingEnabled = w < cols || h < rows;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(scratch, Math.round((n.x - col.x) * scale), Math.round((n.y - top) * scale), w, h);
  }
}

/** The previews of the image and of the model's input, as RawImageCanvas and ImageCanvas put them. */
export function paintPreviews(
  root: HTMLElement,
  rects: readonly PreviewRect[],
  sheet: CanvasRenderingContext2D,
): void {
  const where: Record<string, string> = {
    '@raw': '.preview figure:first-child canvas',
    '@input': '[data-testid="model-input"] canvas',
  };
  for (const r of rects) {
    const selector = where[r.id];
    const canvas = selector ? root.querySelector<HTMLCanvasElement>(selector) : null;
    if (canvas?.width === r.cols && canvas.height === r.rows)
      canvas.getContext('2d')?.putImageData(sheet.getImageData(r.x, r.y, r.cols, r.rows), 0, 0);
  }
}

/** An image's pixels on a canvas of its own, to read from. */
export async function imageSheet(url: string): Promise<CanvasRenderingContext2D> {
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(img, 0, 0);
  return ctx;
}

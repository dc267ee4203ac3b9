/**
 * Reads an ImageFolder split (`<root>/<class>/<image>`) into memory as raw RGB pixels.
 * Layout problems are errors that name the folder; files that cannot be decoded are listed,
 * skipped and counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RawImage } from '../lib/preprocess/preprocess';

export class DatasetError extends Error {}

export interface ImageFolderData {
  classes: string[];
  images: RawImage[];
  labels: Int32Array;
  skipped: { file: string; reason: string }[];
}

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png']);

export function decodeImageFile(path: string): RawImage {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new Error('the file is empty');
  const ext = extname(path).toLowerCase();
  if (ext === '.png') {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data, channels: 4 };
  }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 512 });
  return { width: img.width, height: img.height, data: img.data, channels: 3 };
}

export function listClasses(root: string): string[] {
  if (!existsSync(root)) throw new DatasetError(`${root}: folder not found`);
  if (!statSync(root).isDirectory()) throw new DatasetError(`${root}: not a folder`);
  const classes = readdirSync(root)
    .filter((n) => !n.startsWith('.') && statSync(join(root, n)).isDirectory())
    .sort();
  if (classes.length === 0)
    throw new DatasetError(`${root}: no class folders in it (expected <class>/<image> files)`);
  if (classes.length === 1)
    throw new DatasetError(
      `${root}: only one class folder ("${classes[0]}"); a classifier needs at least two`,
    );
  return classes;
}

export function readImageFolder(
  root: string,
  options: { classes?: string[]; limitPerClass?: number } = {},
): ImageFolderData {
  const classes = options.classes ?? listClasses(root);
  const images: RawImage[] = [];
  const labels: number[] = [];
  const skipped: ImageFolderData['skipped'] = [];
  classes.forEach((cls, label) => {
    const dir = join(root, cls);
    if (!existsSync(dir)) throw new DatasetError(`${dir}: class folder missing`);
    let files = readdirSync(dir)
      .filter((f) => IMAGE_EXT.has(extname(f).toLowerCase()))
      .sort();
    if (files.length === 0) throw new DatasetError(`${dir}: empty class (no .jpg or .png images)`);
    if (options.limitPerClass) files = files.slice(0, options.limitPerClass);
    for (const f of files) {
      const path = join(dir, f);
      try {
        images.push(decodeImageFile(path));
        labels.push(label);
      } catch (e) {
        skipped.push({ file: path, reason: e instanceof Error ? e.message : String(e) });
      }
    }
  });
  return { classes, images, labels: Int32Array.from(labels), skipped };
}

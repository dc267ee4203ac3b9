/**
 * Turns a user's zip file, picked folder or webcam captures into a training set: every image
 * decoded with the explainer's decoder and fitted by the explainer's preprocessing, kept as
 * bytes; what could not be used is listed; the split is stratified and seeded.
 */
import { unzip, type Unzipped } from 'fflate';
import { translate } from '../../lib/i18n';
import type { Localized } from '../../lib/spec/types';
import { listImageFolder } from '../../lib/data/userDataset/listing';
import { splitStratified, type Split } from '../../lib/data/userDataset/split';
import { validateDataset, type DatasetIssue, type FailedFile } from '../../lib/data/userDataset/validate';
import { preprocessImage, type FitMode, type RawImage } from '../../lib/preprocess/preprocess';
import { decodeImageFile } from '../browser/decodeImage';
import { NoticeError } from '../browser/notice';

export interface UserDataset {
  name: string;
  kind: 'zip' | 'folder' | 'webcam';
  size: number;
  classes: string[];
  /** Images per class, in class order. */
  counts: number[];
  count: number;
  pixels: Uint8Array;
  labels: Int32Array;
  split: Split;
  issues: DatasetIssue[];
  /** False when an issue is an error: training cannot start on it. */
  usable: boolean;
}

export interface NamedBlob {
  path: string;
  blob: Blob;
}

export interface BuildOptions {
  name: string;
  kind: UserDataset['kind'];
  size: number;
  fit: FitMode;
  seed: number;
  validationShare: number;
}

/** More images than this are left out (with a warning): 64×64 bytes of 10,000 images is 120 MB. */
export const MAX_IMAGES = 10_000;

export class DatasetError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

export function readZip(file: File): Promise<NamedBlob[]> {
  return file.arrayBuffer().then(
    (buffer) =>
      new Promise<NamedBlob[]>((resolve, reject) => {
        unzip(new Uint8Array(buffer), (err: Error | null, files: Unzipped) => {
          if (err) {
            reject(
              new DatasetError({
                en: `${file.name}: not a readable zip file (${err.message})`,
                zh: `${file.name}：不是可读取的 zip 文件（${err.message}）`,
              }),
            );
            return;
          }
          resolve(
            Object.entries(files)
              .filter(([path]) => !path.endsWith('/'))
              .map(([path, bytes]) => ({ path, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) })),
          );
        });
      }),
  );
}

/** Files from `<input webkitdirectory>`, with their paths inside the chosen folder. */
export function folderEntries(files: readonly File[]): NamedBlob[] {
  return files.map((f) => ({ path: f.webkitRelativePath || f.name, blob: f }));
}

/** The decoder's reason without the file name it starts with (the list already names the file). */
function reasonFor(e: unknown, path: string): Localized | string {
  const strip = (text: string): string =>
    text.startsWith(`${path}:`) || text.startsWith(`${path}：`) ? text.slice(path.length + 1).trim() : text;
  if (e instanceof NoticeError)
    return {
      en: strip(translate('en', e.notice.key, e.notice.vars)),
      zh: strip(translate('zh-CN', e.notice.key, e.notice.vars)),
    };
  return strip(e instanceof Error ? e.message : String(e));
}

/** Preprocesses one image exactly as the explainer would and stores it as bytes. */
export function imageBytes(raw: RawImage, size: number, fit: FitMode): Uint8Array {
  const x = preprocessImage(raw, { size, fit });
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.round(x[i]! * 255);
  return out;
}

export function assemble(
  classes: { name: string; images: Uint8Array[] }[],
  failed: FailedFile[],
  sizes: Map<string, number>,
  options: BuildOptions,
  extraIssues: DatasetIssue[] = [],
): UserDataset {
  const issues = [
    ...validateDataset({
      classes: classes.map((c) => ({ name: c.name, count: c.images.length })),
      failed,
      sizes,
      inputSize: options.size,
      fit: options.fit,
    }),
    ...extraIssues,
  ];
  const kept = classes.filter((c) => c.images.length > 0);
  const per = options.size * options.size * 3;
  const count = kept.reduce((s, c) => s + c.images.length, 0);
  const pixels = new Uint8Array(count * per);
  const labels = new Int32Array(count);
  let i = 0;
  kept.forEach((c, label) => {
    for (const img of c.images) {
      pixels.set(img, i * per);
      labels[i++] = label;
    }
  });
  return {
    name: options.name,
    kind: options.kind,
    size: options.size,
    classes: kept.map((c) => c.name),
    counts: kept.map((c) => c.images.length),
    count,
    pixels,
    labels,
    split: splitStratified(labels, options.validationShare, options.seed),
    issues,
    usable: !issues.some((x) => x.level === 'error'),
  };
}

export async function buildFromFiles(
  entries: NamedBlob[],
  options: BuildOptions,
  onProgress: (done: number, total: number) => void,
): Promise<UserDataset> {
  const listing = listImageFolder(entries.map((e) => e.path));
  const byPath = new Map(entries.map((e) => [e.path, e.blob]));
  const failed: FailedFile[] = listing.ignored.map((i) => ({ path: i.path, reason: i.reason }));
  const sizes = new Map<string, number>();
  const total = Math.min(
    MAX_IMAGES,
    listing.classes.reduce((s, c) => s + c.files.length, 0),
  );
  const extra: DatasetIssue[] = [];
  let done = 0;
  const classes: { name: string; images: Uint8Array[] }[] = [];
  for (const c of listing.classes) {
    const images: Uint8Array[] = [];
    for (const path of c.files) {
      if (done >= MAX_IMAGES) break;
      try {
        const raw = await decodeImageFile(byPath.get(path)!, path);
        const key = `${raw.width}×${raw.height}`;
        sizes.set(key, (sizes.get(key) ?? 0) + 1);
        images.push(imageBytes(raw, options.size, options.fit));
      } catch (e) {
        failed.push({ path, reason: reasonFor(e, path) });
      }
      done++;
      if (done % 16 === 0 || done === total) onProgress(done, total);
    }
    classes.push({ name: c.name, images });
  }
  if (listing.classes.reduce((s, c) => s + c.files.length, 0) > MAX_IMAGES)
    extra.push({
      level: 'warning',
      message: {
        en: `Only the first ${MAX_IMAGES} images are used, to keep memory in bounds.`,
        zh: `为控制内存，只使用前 ${MAX_IMAGES} 张图像。`,
      },
    });
  return assemble(classes, failed, sizes, options, extra);
}

/**
 * Reads the class structure out of a list of file paths, as a zip or a picked folder gives
 * them: ImageFolder layout, one subfolder per class. A folder that wraps everything
 * (`mydata/cats/1.png`) is looked through; system clutter (`__MACOSX/`, `.DS_Store`) is
 * dropped silently; anything else that cannot be used is listed with the reason.
 */
import type { Localized } from '../../spec/types';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif'] as const;

export interface ListedClass {
  name: string;
  /** Paths as given, in name order. */
  files: string[];
}

export interface IgnoredFile {
  path: string;
  reason: Localized;
}

export interface Listing {
  classes: ListedClass[];
  ignored: IgnoredFile[];
}

function isClutter(parts: string[]): boolean {
  return parts.some((p) => p === '__MACOSX' || p.startsWith('.')) || parts[parts.length - 1] === 'Thumbs.db';
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Paths split into parts, with the folders every path shares (beyond the class level) removed. */
function stripCommonRoot(paths: string[][]): string[][] {
  let out = paths;
  // A shared first folder is a wrapper when something sits two levels below it (class/file);
  // `cats/1.png, cats/2.png` alone is one class, not a wrapper around loose files.
  while (
    out.length > 0 &&
    out.every((p) => p.length >= 2 && p[0] === out[0]![0]) &&
    out.some((p) => p.length >= 3)
  )
    out = out.map((p) => p.slice(1));
  return out;
}

export function listImageFolder(paths: readonly string[]): Listing {
  const ignored: IgnoredFile[] = [];
  const kept: { original: string; parts: string[] }[] = [];
  for (const original of paths) {
    const parts = original
      .replace(/\\/g, '/')
      .split('/')
      .filter((p) => p.length > 0 && p !== '.');
    if (parts.length === 0 || isClutter(parts)) continue;
    kept.push({ original, parts });
  }
  const stripped = stripCommonRoot(kept.map((k) => k.parts));
  const byClass = new Map<string, string[]>();
  stripped.forEach((parts, i) => {
    const original = kept[i]!.original;
    if (parts.length < 2) {
      ignored.push({
        path: original,
        reason: { en: 'not inside a class folder', zh: '不在任何类别文件夹中' },
      });
      return;
    }
    const ext = extension(parts[parts.length - 1]!);
    if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
      ignored.push({
        path: original,
        reason: { en: `not an image file type (.${ext || '?'})`, zh: `不是图像文件类型（.${ext || '?'}）` },
      });
      return;
    }
    const name = parts[0]!;
    const list = byClass.get(name) ?? [];
    list.push(original);
    byClass.set(name, list);
  });
  const classes = [...byClass.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, files]) => ({
      name,
      files: files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    }));
  return { classes, ignored };
}

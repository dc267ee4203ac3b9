/**
 * Reading static/examples/index.json (written by `npm run examples`): the two sets of example
 * pictures, and where each one's thumbnail is in the thumbnail sheet. The file is ours, but it
 * is read defensively: a malformed entry is left out, never guessed at, and names are only ever
 * plain file names (they go into URLs and CSS).
 */

export type ExampleKind = 'drawn' | 'pattern';

/** A picture's place in the thumbnail sheet: one row of `count` squares, this one at `index`. */
export interface ThumbnailPlace {
  sheetUrl: string;
  index: number;
  count: number;
}

export interface ExampleImage {
  kind: ExampleKind;
  /** The class the picture shows (drawn) or was optimised to maximise (pattern). */
  className: string;
  /** The file name, also the name the image is shown under. */
  file: string;
  url: string;
  /** Absent when the index has no sheet, or one that does not list this file. */
  thumbnail?: ThumbnailPlace;
}

export const EXAMPLES_BASE = './examples/';
/** Letters, digits, `_`, `.` and `-`: nothing that could leave a URL path or a CSS `url()`. */
const SAFE_FILE = /^[\w.-]+$/;
const safeFile = (f: unknown): f is string => typeof f === 'string' && SAFE_FILE.test(f) && !/^\.+$/.test(f);

/** The sheet's files in order, or null unless the entry is whole and every name is safe. */
function readSheet(json: unknown): { url: string; files: string[] } | null {
  if (typeof json !== 'object' || json === null) return null;
  const { file, side, files } = json as { file?: unknown; side?: unknown; files?: unknown };
  if (!safeFile(file) || !Number.isInteger(side) || (side as number) < 1) return null;
  if (!Array.isArray(files) || files.length === 0 || !files.every(safeFile)) return null;
  // A file listed twice would make its place ambiguous.
  if (new Set(files).size !== files.length) return null;
  return { url: `${EXAMPLES_BASE}${file}`, files };
}

function readList(list: unknown, kind: ExampleKind): Omit<ExampleImage, 'thumbnail'>[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((e: unknown) => {
    const x = e as { class?: unknown; file?: unknown };
    return typeof x.class === 'string' && safeFile(x.file)
      ? [{ kind, className: x.class, file: x.file, url: `${EXAMPLES_BASE}${x.file}` }]
      : [];
  });
}

/** The examples index.json lists, drawn pictures first, then patterns; [] for anything malformed. */
export function readExampleIndex(json: unknown): ExampleImage[] {
  if (typeof json !== 'object' || json === null) return [];
  const { examples, patterns, thumbnails } = json as Record<string, unknown>;
  const sheet = readSheet(thumbnails);
  return [...readList(examples, 'drawn'), ...readList(patterns, 'pattern')].map((e) => {
    const index = sheet ? sheet.files.indexOf(e.file) : -1;
    return sheet && index >= 0
      ? { ...e, thumbnail: { sheetUrl: sheet.url, index, count: sheet.files.length } }
      : e;
  });
}

/**
 * The sheet as a CSS image for the `--example-thumbnails` custom property: an absolute URL,
 * since a relative one inside a custom property may be resolved against the stylesheet that
 * uses it (the page's CSS under assets/) rather than the page; quotes and backslashes escaped.
 */
export function thumbnailSheetCss(sheetUrl: string, base: string): string {
  return `url("${new URL(sheetUrl, base).href.replace(/["\\]/g, (c) => `\\${c}`)}")`;
}

/**
 * The errors every format raises: a sentence in both languages and where the problem is,
 * as a line and column in the text (1-based) and, for JSON, the path of the value. The
 * text pane highlights that spot; the CLI prints `file:line:column: message`.
 */
import type { Localized } from '../spec/types';

export interface TextPos {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  column: number;
}

export interface ErrorPlace {
  pos?: TextPos;
  /** JSON path of the offending value, e.g. `$.config.layers[3].class_name`. */
  path?: string;
}

export type FormatName = 'spec' | 'keras' | 'caffe' | 'pbtxt' | 'pytorch' | 'onnx' | 'unknown';

/** Longest run without spaces a message keeps whole (a layer name, a quoted value). */
const MAX_WORD = 80;
/** Longest message: it names a place and a value, it never repeats the file. */
const MAX_TEXT = 600;
/** Longest JSON path a message shows. */
const MAX_PATH = 200;

/** `text` cut at `end` code units, never between the halves of a surrogate pair. */
function cutAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * A message short enough to show: a long name or value it quotes (a 1 MB layer name, a
 * deeply nested list) keeps its start and end around an ellipsis, and the whole is capped.
 */
export function clipText(text: string, max = MAX_TEXT): string {
  const words = text.replace(new RegExp(`\\S{${MAX_WORD + 1},}`, 'g'), (w) => {
    const tail = w.slice(-12);
    const safeTail = /^[\udc00-\udfff]/.test(tail) ? tail.slice(1) : tail;
    return `${cutAt(w, MAX_WORD - 14)}…${safeTail}`;
  });
  return words.length > max ? `${cutAt(words, max - 1)}…` : words;
}

export function clipLocalized(text: Localized): Localized {
  return { en: clipText(text.en), zh: clipText(text.zh) };
}

export class FormatError extends Error {
  /** What is wrong, without the place. */
  readonly text: Localized;
  readonly place: ErrorPlace;

  constructor(
    readonly format: FormatName,
    text: Localized,
    place: ErrorPlace = {},
  ) {
    const clipped = clipLocalized(text);
    const at = place.path === undefined ? place : { ...place, path: clipText(place.path, MAX_PATH) };
    super(`${placeLabel(at, 'en')}${clipped.en}`);
    this.text = clipped;
    this.place = at;
  }

  /** The message with its place, in both languages. */
  localized(): Localized {
    return {
      en: `${placeLabel(this.place, 'en')}${this.text.en}`,
      zh: `${placeLabel(this.place, 'zh')}${this.text.zh}`,
    };
  }
}

function placeLabel(place: ErrorPlace, lang: 'en' | 'zh'): string {
  const { pos, path } = place;
  const at = pos
    ? lang === 'en'
      ? `line ${pos.line}, column ${pos.column}`
      : `第 ${pos.line} 行第 ${pos.column} 列`
    : '';
  if (at && path) return lang === 'en' ? `${at} (${path}): ` : `${at}（${path}）：`;
  if (at || path) return lang === 'en' ? `${at || path}: ` : `${at || path}：`;
  return '';
}

/** Line and column of a character offset. */
export function posAt(text: string, offset: number): TextPos {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: end - start + 1 };
}

/** A fast offset → line/column lookup for one text (binary search over line starts). */
export function lineIndex(text: string): (offset: number) => TextPos {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/**
 * A JSON reader that remembers where every value starts, so that a problem found later at
 * a JSON path (`$.config.layers[3].class_name`) can be shown at its line and column, and
 * whose syntax errors name the line and column instead of a character offset.
 */
import { lineIndex, posAt, type TextPos } from './formatError';
import type { Localized } from '../spec/types';

export class JsonSyntaxError extends Error {
  constructor(
    readonly text: Localized,
    readonly pos: TextPos,
  ) {
    super(text.en);
  }
}

export interface JsonText {
  value: unknown;
  /** Where the value at this path starts; the nearest enclosing value's start when unknown. */
  posOf(path: string): TextPos | undefined;
}

/** Nesting deeper than this is refused rather than risking the call stack. */
const MAX_DEPTH = 400;

export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export function parseJsonText(text: string): JsonText {
  const starts = new Map<string, number>();
  let i = 0;

  const fail = (en: string, zh: string, at = i): never => {
    throw new JsonSyntaxError({ en, zh }, posAt(text, at));
  };
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else break;
    }
  };
  const describe = (): string => (i >= text.length ? 'the end of the text' : JSON.stringify(text[i]));
  const describeZh = (): string => (i >= text.length ? '文本结尾' : JSON.stringify(text[i]));

  const readString = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('this string is never closed with "', '字符串没有用 " 结束', start);
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('a string cannot run over the end of the line', '字符串不能跨行', start);
      if (c === '\\') {
        const e = text[i + 1] ?? '';
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`"\\${e}" is not a valid escape`, `"\\${e}" 不是有效的转义`);
      } else {
        out += c;
        i++;
      }
    }
  };

  const readNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`expected a value, found ${describe()}`, `此处应为一个值，实际为 ${describeZh()}`);
    i += m[0].length;
    return Number(m[0]);
  };

  const readValue = (path: string, depth: number): unknown => {
    skipSpace();
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`, `嵌套超过 ${MAX_DEPTH} 层`);
    starts.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"')
          fail(
            `expected a "key" in quotes, found ${describe()}`,
            `此处应为带引号的 "键"，实际为 ${describeZh()}`,
          );
        const key = readString();
        skipSpace();
        if (text[i] !== ':')
          fail(
            `expected ":" after "${key}", found ${describe()}`,
            `"${key}" 之后应为 ":"，实际为 ${describeZh()}`,
          );
        i++;
        obj[key] = readValue(jsonPath(path, key), depth + 1);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(
          `expected "," or "}" in the object at ${path}, found ${describe()}`,
          `${path} 处的对象中应为 "," 或 "}"，实际为 ${describeZh()}`,
        );
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(readValue(jsonPath(path, arr.length), depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(
          `expected "," or "]" in the list at ${path}, found ${describe()}`,
          `${path} 处的列表中应为 "," 或 "]"，实际为 ${describeZh()}`,
        );
      }
    }
    if (c === '"') return readString();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    return readNumber();
  };

  const value = readValue('$', 0);
  skipSpace();
  if (i < text.length)
    fail(
      `unexpected ${describe()} after the end of the JSON value`,
      `JSON 值结束后出现多余的 ${describeZh()}`,
    );
  let index: ((offset: number) => TextPos) | null = null;
  return {
    value,
    posOf(path) {
      for (let p = path; p.length > 0; p = p.replace(/(\.[^.[]*|\[[^\]]*\])$/, '')) {
        const at = starts.get(p);
        if (at !== undefined) return (index ??= lineIndex(text))(at);
        if (p === '$') break;
      }
      return undefined;
    },
  };
}

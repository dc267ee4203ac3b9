/**
 * A JSON reader that remembers where every value starts, so that a problem found later at
 * a JSON path (`$.config.layers[3].class_name`) can be shown at its line and column, and
 * whose syntax errors name the line and column instead of a character offset.
 *
 * Reading is linear in the text's length: the starts are kept in a tree shaped like the
 * value (never one path string per value, which grows with the depth and the length of
 * the keys above it), strings are copied in runs, and object keys are capped in length
 * (V8 hashes long property names by their length alone, so many long keys of one length
 * make building the object quadratic).
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
/** Longest object key read; no format the app reads has keys anywhere near this long. */
export const MAX_KEY_CHARS = 1000;

/** Where one value starts, and its children's (by key for objects, by index for lists). */
interface StartNode {
  start: number;
  keys?: string[];
  kids?: StartNode[];
}

export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** The steps of a path written by `jsonPath`; stops at the first step it cannot read. */
function pathSteps(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  if (!path.startsWith('$')) return steps;
  let i = 1;
  while (i < path.length) {
    if (path[i] === '.') {
      const m = /^[A-Za-z_$][\w$]*/.exec(path.slice(i + 1, i + 1 + MAX_KEY_CHARS + 1));
      if (!m) break;
      steps.push(m[0]);
      i += 1 + m[0].length;
    } else if (path[i] === '[' && path[i + 1] === '"') {
      let j = i + 2;
      while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
      try {
        steps.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
      } catch {
        break;
      }
      i = j + 2;
    } else if (path[i] === '[') {
      const m = /^\[(\d+)\]/.exec(path.slice(i, i + 24));
      if (!m) break;
      steps.push(Number(m[1]));
      i += m[0].length;
    } else break;
  }
  return steps;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function parseJsonText(text: string): JsonText {
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
    const parts: string[] = [];
    let run = i;
    for (;;) {
      if (i >= text.length) fail('this string is never closed with "', '字符串没有用 " 结束', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        parts.push(text.slice(run, i));
        i++;
        return parts.join('');
      }
      if (c === 10) fail('a string cannot run over the end of the line', '字符串不能跨行', start);
      if (c !== 92) {
        i++;
        continue;
      }
      parts.push(text.slice(run, i));
      const e = text[i + 1] ?? '';
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        parts.push(simple);
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        parts.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
        i += 6;
      } else fail(`"\\${e}" is not a valid escape`, `"\\${e}" 不是有效的转义`);
      run = i;
    }
  };

  const readNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`expected a value, found ${describe()}`, `此处应为一个值，实际为 ${describeZh()}`);
    i += m[0].length;
    return Number(m[0]);
  };

  const readKey = (where: string): string => {
    const at = i;
    const key = readString();
    if (key.length > MAX_KEY_CHARS)
      fail(
        `a key ${key.length.toLocaleString('en-US')} characters long in the object at ${where} (keys may be at most ${MAX_KEY_CHARS.toLocaleString('en-US')} characters)`,
        `${where} 处的对象中有一个长 ${key.length} 个字符的键（键最多 ${MAX_KEY_CHARS} 个字符）`,
        at,
      );
    return key;
  };

  const readObject = (node: StartNode, path: () => string, depth: number): Record<string, unknown> => {
    i++;
    const obj: Record<string, unknown> = {};
    const keys: string[] = [];
    const kids: StartNode[] = [];
    node.keys = keys;
    node.kids = kids;
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
      const key = readKey(path());
      skipSpace();
      if (text[i] !== ':')
        fail(
          `expected ":" after "${key}", found ${describe()}`,
          `"${key}" 之后应为 ":"，实际为 ${describeZh()}`,
        );
      i++;
      const kid: StartNode = { start: i };
      keys.push(key);
      kids.push(kid);
      const value = readValue(kid, () => jsonPath(path(), key), depth + 1);
      // A key named __proto__ is data here, not the object's prototype.
      if (key === '__proto__')
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
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
        `expected "," or "}" in the object at ${path()}, found ${describe()}`,
        `${path()} 处的对象中应为 "," 或 "}"，实际为 ${describeZh()}`,
      );
    }
  };

  const readArray = (node: StartNode, path: () => string, depth: number): unknown[] => {
    i++;
    const arr: unknown[] = [];
    const kids: StartNode[] = [];
    node.kids = kids;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      const kid: StartNode = { start: i };
      kids.push(kid);
      const index = arr.length;
      arr.push(readValue(kid, () => jsonPath(path(), index), depth + 1));
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
        `expected "," or "]" in the list at ${path()}, found ${describe()}`,
        `${path()} 处的列表中应为 "," 或 "]"，实际为 ${describeZh()}`,
      );
    }
  };

  /** `path` is only called to word an error, so no path string is built for a good text. */
  const readValue = (node: StartNode, path: () => string, depth: number): unknown => {
    skipSpace();
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`, `嵌套超过 ${MAX_DEPTH} 层`);
    node.start = i;
    const c = text[i];
    if (c === '{') return readObject(node, path, depth);
    if (c === '[') return readArray(node, path, depth);
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

  const root: StartNode = { start: 0 };
  const value = readValue(root, () => '$', 0);
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
      if (!path.startsWith('$')) return undefined;
      let node = root;
      for (const step of pathSteps(path)) {
        const at = typeof step === 'number' ? step : (node.keys?.lastIndexOf(step) ?? -1);
        const kid = node.kids?.[at];
        if (!kid || (typeof step === 'number') !== (node.keys === undefined)) break;
        node = kid;
      }
      return (index ??= lineIndex(text))(node.start);
    },
  };
}

/**
 * Protocol-buffer text format, as Caffe's .prototxt files use it: `key: value` fields and
 * `key { ... }` messages (also `key: { }` and `key < >`), `#` comments, strings in single
 * or double quotes, enum identifiers, optional `,`/`;` separators and `key: [1, 2]` lists.
 * Every field keeps its line and column for error messages.
 */
import { FormatError, lineIndex, type TextPos } from '../formatError';
import { prototxtString } from '../escape';

export class CaffeFormatError extends FormatError {
  constructor(en: string, zh: string, pos?: TextPos) {
    super('caffe', { en, zh }, pos ? { pos } : {});
  }
}

/** Protobuf text format's C-style escapes (octal and hex ones are read as bytes). */
const PROTO_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

export type PValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'ident'; value: string }
  | { kind: 'message'; value: PMessage };

export interface PField {
  name: string;
  value: PValue;
  pos: TextPos;
}

export interface PMessage {
  fields: PField[];
  pos: TextPos;
}

const MAX_DEPTH = 100;

export function parsePrototxt(text: string): PMessage {
  let i = 0;
  const where = lineIndex(text);
  const pos = (at = i): TextPos => where(at);
  function fail(en: string, zh: string, at = i): never {
    throw new CaffeFormatError(en, zh, pos(at));
  }
  const skip = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '#') while (i < text.length && text[i] !== '\n') i++;
      else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') i++;
      else break;
    }
  };
  const seen = (): string =>
    i >= text.length
      ? 'the end of the file'
      : JSON.stringify(text.slice(i, i + 12).split(/\s/)[0] || text[i]);
  const seenZh = (): string =>
    i >= text.length ? '文件结尾' : JSON.stringify(text.slice(i, i + 12).split(/\s/)[0] || text[i]);
  const ident = (): string | null => {
    const m = /^[A-Za-z_][\w.]*/.exec(text.slice(i, i + 200));
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };

  const readString = (): string => {
    const parts: string[] = [];
    // Octal and hex escapes are bytes; a run of them is read as UTF-8, as protobuf does.
    let bytes: number[] = [];
    const flushBytes = (): void => {
      if (bytes.length > 0) parts.push(new TextDecoder().decode(Uint8Array.from(bytes)));
      bytes = [];
    };
    // Adjacent string literals are one string, as in C.
    while (text[i] === '"' || text[i] === "'") {
      const quote = text[i];
      const start = i;
      i++;
      while (text[i] !== quote) {
        if (i >= text.length || text[i] === '\n')
          fail('this string is never closed', '字符串没有结束引号', start);
        if (text[i] !== '\\') {
          flushBytes();
          const run = i;
          while (i < text.length && text[i] !== quote && text[i] !== '\\' && text[i] !== '\n') i++;
          parts.push(text.slice(run, i));
          continue;
        }
        const e = text[i + 1] ?? '';
        const byte =
          /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4)) ??
          /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1, i + 4));
        if (byte) {
          bytes.push(byte[0].startsWith('x') ? parseInt(byte[1] ?? '0', 16) : parseInt(byte[0], 8) & 0xff);
          i += 1 + byte[0].length;
          continue;
        }
        flushBytes();
        parts.push(PROTO_ESCAPES[e] ?? e);
        i += 2;
      }
      flushBytes();
      i++;
      skip();
    }
    return parts.join('');
  };

  const readScalar = (): PValue => {
    const c = text[i];
    if (c === '"' || c === "'") return { kind: 'string', value: readString() };
    const m = /^[-+]?(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[fF]?|inf(inity)?|nan)/i.exec(
      text.slice(i, i + 100),
    );
    if (m) {
      const raw = m[0];
      i += raw.length;
      const body = raw.replace(/[fF]$/, '').toLowerCase();
      const sign = body.startsWith('-') ? -1 : 1;
      const bare = body.replace(/^[-+]/, '');
      const value = bare.startsWith('inf')
        ? sign * Infinity
        : bare === 'nan'
          ? NaN
          : bare.startsWith('0x')
            ? sign * parseInt(bare, 16)
            : Number(body);
      return { kind: 'number', value, raw };
    }
    const id = ident();
    if (id !== null) return { kind: 'ident', value: id };
    return fail(`expected a value, found ${seen()}`, `此处应为一个值，实际为 ${seenZh()}`);
  };

  const readMessage = (close: string | null, depth: number, at: number): PMessage => {
    if (depth > MAX_DEPTH)
      fail(`messages nested more than ${MAX_DEPTH} deep`, `消息嵌套超过 ${MAX_DEPTH} 层`);
    const msg: PMessage = { fields: [], pos: pos(at) };
    for (;;) {
      skip();
      if (i >= text.length) {
        if (close)
          fail(
            `the block opened at line ${msg.pos.line} is never closed with "${close}"`,
            `第 ${msg.pos.line} 行打开的块没有用 "${close}" 结束`,
          );
        return msg;
      }
      if (close && text[i] === close) {
        i++;
        return msg;
      }
      if (text[i] === '}' || text[i] === '>')
        fail(`"${text[i] ?? ''}" has no matching opening bracket`, `"${text[i] ?? ''}" 没有对应的左括号`);
      const fieldAt = i;
      const name = ident();
      if (name === null) fail(`expected a field name, found ${seen()}`, `此处应为字段名，实际为 ${seenZh()}`);
      skip();
      let colon = false;
      if (text[i] === ':') {
        colon = true;
        i++;
        skip();
      }
      const open = text[i];
      if (open === '{' || open === '<') {
        const start = i;
        i++;
        const value = readMessage(open === '{' ? '}' : '>', depth + 1, start);
        msg.fields.push({ name, value: { kind: 'message', value }, pos: pos(fieldAt) });
      } else if (!colon)
        fail(
          `expected ":" or "{" after ${name}, found ${seen()}`,
          `${name} 之后应为 ":" 或 "{"，实际为 ${seenZh()}`,
        );
      else if (open === '[') {
        i++;
        skip();
        while (text[i] !== ']') {
          if (i >= text.length)
            fail(`the list of ${name} is never closed with "]"`, `${name} 的列表没有用 "]" 结束`);
          msg.fields.push({ name, value: readScalar(), pos: pos(fieldAt) });
          skip();
          if (text[i] === ',') i++;
          skip();
        }
        i++;
      } else msg.fields.push({ name, value: readScalar(), pos: pos(fieldAt) });
      skip();
      if (text[i] === ',' || text[i] === ';') i++;
    }
  };

  return readMessage(null, 0, 0);
}

/** Writes a value for a prototxt: strings quoted, enums and numbers bare. */
export function formatScalar(v: string | number | boolean, enumLike = false): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(9)));
  if (typeof v === 'boolean') return String(v);
  return enumLike ? v : prototxtString(v);
}

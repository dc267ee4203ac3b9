/**
 * Protocol-buffer text format, as Caffe's .prototxt and TensorFlow's .pbtxt files use it:
 * `key: value` fields and `key { ... }` messages (also `key: { }` and `key < >`), `#`
 * comments, strings in single or double quotes with C escapes, enum identifiers, optional
 * `,`/`;` separators and `key: [1, 2]` lists. One linear pass; every field keeps its line
 * and column, and each format raises its own error type through `options.error`.
 */
import { lineIndex, type FormatError, type TextPos } from './formatError';
import { prototxtString } from './escape';
import { Bytes, NAMED_ESCAPES, hexValue, isOctal } from './protoTextBytes';

export type PValue =
  | { kind: 'string'; value: string }
  /** A string field listed in `bytesFields` (TensorProto's tensor_content): its bytes as written. */
  | { kind: 'bytes'; value: Uint8Array }
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

export interface ProtoTextOptions {
  /** The format's own error for a syntax problem at `pos`. */
  error(en: string, zh: string, pos: TextPos): FormatError;
  /** Fields whose strings are binary data, kept as bytes instead of read as UTF-8 text. */
  bytesFields?: ReadonlySet<string>;
}

const MAX_DEPTH = 100;

export function parseProtoText(text: string, options: ProtoTextOptions): PMessage {
  let i = 0;
  const where = lineIndex(text);
  const pos = (at = i): TextPos => where(at);
  function fail(en: string, zh: string, at = i): never {
    throw options.error(en, zh, pos(at));
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

  /** `count` hex digits after i as a number, or -1 when they are not all there. */
  const hexDigits = (from: number, count: number): number => {
    let v = 0;
    for (let k = 0; k < count; k++) {
      const d = hexValue(text.charCodeAt(from + k));
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };

  /** One escape at i (the backslash) into `out`; returns where the string goes on. */
  const readEscape = (out: Bytes): number => {
    const c = text.charCodeAt(i + 1);
    if (isOctal(c)) {
      let v = 0;
      let k = i + 1;
      while (k < i + 4 && isOctal(text.charCodeAt(k))) v = v * 8 + text.charCodeAt(k++) - 48;
      out.byte(v & 0xff);
      return k;
    }
    if (c === 120 /* x */ || c === 88 /* X */) {
      let v = -1;
      let k = i + 2;
      for (; k < i + 4 && hexValue(text.charCodeAt(k)) >= 0; k++)
        v = (v < 0 ? 0 : v * 16) + hexValue(text.charCodeAt(k));
      if (v < 0) fail('\\x must be followed by a hex digit', '\\x 之后必须是十六进制数字');
      out.byte(v);
      return k;
    }
    if (c === 117 /* u */ || c === 85 /* U */) {
      const n = c === 117 ? 4 : 8;
      const code = hexDigits(i + 2, n);
      if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        fail(
          `\\${text[i + 1] ?? ''} must be followed by ${n} hex digits of a Unicode character`,
          `\\${text[i + 1] ?? ''} 之后必须是表示 Unicode 字符的 ${n} 位十六进制数字`,
        );
      out.text(String.fromCodePoint(code));
      return i + 2 + n;
    }
    const named = NAMED_ESCAPES[text[i + 1] ?? ''];
    if (named === undefined)
      fail(
        `unknown escape \\${text[i + 1] ?? ''} in a string (write \\\\ for a backslash)`,
        `字符串中有未知的转义 \\${text[i + 1] ?? ''}（反斜杠请写成 \\\\）`,
      );
    out.byte(named);
    return i + 2;
  };

  // One buffer for every string of the file: allocating one per string is most of the time.
  const gathered = new Bytes();

  /** Adjacent literals are one string, as in C; octal and hex escapes are bytes. */
  const readStringBytes = (): Bytes => {
    gathered.reset();
    while (text[i] === '"' || text[i] === "'") {
      const quote = text[i];
      const start = i;
      i++;
      while (text[i] !== quote) {
        if (i >= text.length || text[i] === '\n')
          fail('this string is never closed', '字符串没有结束引号', start);
        if (text[i] === '\\') {
          i = readEscape(gathered);
          continue;
        }
        const run = i;
        while (i < text.length && text[i] !== quote && text[i] !== '\\' && text[i] !== '\n') i++;
        gathered.text(text.slice(run, i));
      }
      i++;
      skip();
    }
    return gathered;
  };

  /** A string with no escapes and no literal after it: the text between its quotes as it is (most strings). */
  const plainString = (): string | null => {
    const quote = text[i] ?? '';
    const start = i;
    let end = i + 1;
    while (end < text.length && text[end] !== quote && text[end] !== '\\' && text[end] !== '\n') end++;
    if (text[end] !== quote) return null;
    i = end + 1;
    skip();
    if (text[i] === '"' || text[i] === "'") {
      i = start;
      return null;
    }
    return text.slice(start + 1, end);
  };

  const readScalar = (name: string): PValue => {
    const c = text[i];
    if (c === '"' || c === "'") {
      if (options.bytesFields?.has(name)) return { kind: 'bytes', value: readStringBytes().take() };
      const plain = plainString();
      return { kind: 'string', value: plain ?? readStringBytes().utf8() };
    }
    const m = /^[-+]?(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[fF]?|inf(inity)?|nan)/i.exec(
      text.slice(i, i + 100),
    );
    if (m) {
      const raw = m[0];
      i += raw.length;
      // A float's `f` suffix (1.5f); hex digits and `inf` end in f too.
      const body = (/^[-+]?(0x|inf)/i.test(raw) ? raw : raw.replace(/[fF]$/, '')).toLowerCase();
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
          msg.fields.push({ name, value: readScalar(name), pos: pos(fieldAt) });
          skip();
          if (text[i] === ',') i++;
          skip();
        }
        i++;
      } else msg.fields.push({ name, value: readScalar(name), pos: pos(fieldAt) });
      skip();
      if (text[i] === ',' || text[i] === ';') i++;
    }
  };

  return readMessage(null, 0, 0);
}

/** Writes a value for a protobuf text file: strings quoted, enums and numbers bare. */
export function formatScalar(v: string | number | boolean, enumLike = false): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(9)));
  if (typeof v === 'boolean') return String(v);
  return enumLike ? v : prototxtString(v);
}

/**
 * Escaping for every language CNN Studio writes text in. Any string that comes from a file
 * or a link (a model's name, layer ids, blob names) goes into generated code or markup only
 * through one of these, so no name can end a literal, start a statement, break a line or
 * make the file unreadable. JSON needs nothing beyond `JSON.stringify`, which escapes
 * quotes, backslashes, control characters and lone surrogates itself.
 */

/** Characters that must never appear raw in generated source, whatever the quoting. */
function isUnsafe(code: number): boolean {
  return (
    code < 0x20 || // C0 controls: NUL, tab, line feed, carriage return, vertical tab, form feed…
    (code >= 0x7f && code <= 0x9f) || // DEL and C1 controls (U+0085 is a line break to some tools)
    code === 0x2028 || // line separator
    code === 0x2029 || // paragraph separator
    (code >= 0x202a && code <= 0x202e) || // bidirectional embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) || // bidirectional isolates
    code === 0x200e ||
    code === 0x200f || // left-to-right and right-to-left marks
    code === 0xfeff // byte order mark
  );
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/**
 * Rewrites `text` character by character: `escape(code)` gives the replacement of a BMP
 * character (or null to keep it), `lone(code)` that of a surrogate without its pair; a
 * valid surrogate pair is always kept. Unchanged runs are copied whole.
 */
function rewrite(
  text: string,
  escape: (code: number) => string | null,
  lone: (code: number) => string,
): string {
  const out: string[] = [];
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let esc: string | null;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      esc = lone(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) esc = lone(c);
    else esc = escape(c);
    if (esc === null) continue;
    out.push(text.slice(run, i), esc);
    run = i + 1;
  }
  out.push(text.slice(run));
  return out.join('');
}

/** The C-style escapes Python and protobuf text share. */
const COMMON: Record<number, string> = {
  0x5c: '\\\\',
  0x22: '\\"',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
};

/**
 * The text as it goes between the quotes of a Python string literal (either quote, single
 * or triple, as the escapes cover both): backslashes and quotes escaped, unsafe characters
 * and lone surrogates written as `\xhh` / `\uhhhh`, everything else (Chinese, accents,
 * emoji) left as it is. Python reads the literal back as exactly the original text.
 */
export function pythonEscaped(text: string): string {
  return rewrite(
    text,
    (c) =>
      COMMON[c] ??
      (c === 0x27 ? "\\'" : isUnsafe(c) ? (c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`) : null),
    (c) => `\\u${hex(c, 4)}`,
  );
}

/** A Python string literal, `"…"`, that reads back as exactly `text`. */
export function pythonString(text: string): string {
  return `"${pythonEscaped(text)}"`;
}

/**
 * Text for a Python `#` comment: comments have no escapes, so everything that could end
 * the line or mislead the eye is shown escaped, as in a string literal.
 */
export function pythonComment(text: string): string {
  return pythonEscaped(text);
}

/**
 * A string for a protobuf text file (Caffe prototxt, pbtxt): `"…"` with backslash, quote,
 * `\n`, `\r`, `\t` and other control characters escaped in C style (octal), as protobuf's
 * text format reads them. Lone surrogates cannot be written in UTF-8 at all, so they become
 * U+FFFD, as any UTF-8 encoder would make them.
 */
export function prototxtString(text: string): string {
  const escaped = rewrite(
    text,
    (c) => COMMON[c] ?? (c < 0x20 || c === 0x7f ? `\\${c.toString(8).padStart(3, '0')}` : null),
    () => '\ufffd',
  );
  return `"${escaped}"`;
}

/**
 * Text that XML 1.0 (so SVG) can hold: characters it forbids anywhere (NUL and the other
 * C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. The
 * serializer escapes `<`, `&` and quotes; these it would write raw, making the file unreadable.
 */
export function xmlChars(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

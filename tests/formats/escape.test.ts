/**
 * Hostile names cannot escape into generated code or markup. For Python, the docstring is
 * found and decoded by a small reader of Python's string syntax (no Python needed) and must
 * hold exactly the name, with the module's statements unchanged around it; prototxt, Keras
 * and spec JSON and share links give back exactly the names they were given; SVG text holds
 * only characters XML allows. (By hand, once: every PyTorch export below parses with
 * `python3 -c "import ast; ast.parse(...)"` and its docstring equals the name.)
 */
import { describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { pythonEscaped, pythonString, prototxtString, xmlChars } from '../../src/lib/formats/escape';
import { serializePytorch } from '../../src/lib/formats/pytorch/pytorchExport';
import { pythonClassName } from '../../src/lib/formats/pytorch/pythonNames';
import { parsePrototxt } from '../../src/lib/formats/caffe/prototxt';
import { exportText, importText } from '../../src/lib/formats';
import { decodeShareHash, encodeShareHash } from '../../src/lib/formats/shareLink';
import { prettyJson } from '../../src/lib/formats/prettyJson';
import { HOSTILE_NAMES, nameLabel } from '../fixtures/hostile/names';

const cases = HOSTILE_NAMES.map((n) => [nameLabel(n), n] as const);
const short = cases.filter(([, n]) => n.length < 1000);

/** Decodes the body of a non-raw Python string literal the way Python does. */
function decodePython(body: string): string {
  const simple: Record<string, string> = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    n: '\n',
    r: '\r',
    t: '\t',
    a: '\x07',
    b: '\b',
    f: '\f',
    v: '\v',
    '\n': '',
  };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1] ?? '';
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width > 0) {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + width), 16));
      i += 1 + width;
    } else if (e === 'N') throw new Error('\\N{…} escape in generated code');
    else if (e in simple) {
      out += simple[e] ?? '';
      i++;
    } else out += c; // Python keeps an unknown escape's backslash
  }
  return out;
}

/** Where the module docstring `"""…"""` at the start of `code` ends (after its closing quotes). */
function docstringEnd(code: string): number {
  expect(code.startsWith('"""')).toBe(true);
  for (let i = 3; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code.startsWith('"""', i)) return i + 3;
  }
  throw new Error('the docstring never ends');
}

/** Every layer of TinyVGG renamed after `name`. */
function renamed(name: string, ids = true): NetworkSpec {
  const spec = tinyVggSpec();
  if (!ids) return { ...spec, name };
  const map = new Map(spec.layers.map((l, i) => [l.id, `${name}${i}`]));
  const id = (x: string) => map.get(x) ?? x;
  return { name, layers: spec.layers.map((l) => ({ ...l, id: id(l.id), inputs: l.inputs.map(id) })) };
}

/** What a UTF-8 file can hold of a name: lone surrogates become U+FFFD. */
const utf8 = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s));

const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]/;

describe('Python escaping', () => {
  it.each(cases)('%s reads back exactly, with nothing unsafe in the literal', (_label, name) => {
    const literal = pythonString(name);
    expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
    const body = literal.slice(1, -1);
    expect(body).not.toMatch(UNSAFE);
    expect(body).not.toMatch(/(^|[^\\])(\\\\)*["']/); // no quote that is not escaped
    expect(/[\ud800-\udfff]/.test(body.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))).toBe(false);
    expect(decodePython(body)).toBe(name);
  });

  const benign = serializePytorch(renamed('benign'));
  const skeleton = (code: string) =>
    code
      .slice(docstringEnd(code))
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.replace(/^class \w+\(/, 'class C('));

  it.each(cases)('PyTorch export named %s: the name stays in the docstring', (_label, name) => {
    const code = serializePytorch(renamed(name, name.length < 1000));
    const end = docstringEnd(code);
    const doc = decodePython(code.slice(3, end - 3));
    expect(doc.startsWith(`${name}, exported from CNN Studio.\n`)).toBe(true);
    expect(doc.endsWith("give each tensor's shape.\n")).toBe(true);
    const rest = code.slice(end);
    expect(rest).toMatch(/^[\n\x20-\x7e]*$/);
    expect(rest).not.toContain('"""');
    expect(code.split('\n').length).toBe(benign.split('\n').length);
    expect(skeleton(code)).toEqual(skeleton(benign));
    expect(pythonEscaped(name).length).toBeLessThan(name.length * 6 + 1);
  });

  it.each([
    ['None', 'NetNone'],
    ['true', 'NetTrue'],
    ['f', 'NetF'],
    ['__name__', 'Net__name__'],
    ['tiny vgg', 'TinyVgg'],
  ])('class name for %s is %s', (name, cls) => {
    expect(pythonClassName(name)).toBe(cls);
  });

  it('an input layer named print or sum does not hide the builtin the demo calls', () => {
    const spec = tinyVggSpec();
    const first = spec.layers[0];
    if (!first) throw new Error('TinyVGG changed');
    const renamedSpec = {
      ...spec,
      layers: spec.layers.map((l) => ({
        ...l,
        id: l === first ? 'print' : l.id,
        inputs: l.inputs.map((i) => (i === first.id ? 'print' : i)),
      })),
    };
    expect(serializePytorch(renamedSpec)).toMatch(/\n {4}print_ = torch\.randn/);
  });
});

describe('prototxt escaping', () => {
  it.each(cases)('%s is one quoted string that reads back', (_label, name) => {
    const text = `name: ${prototxtString(name)}\n`;
    expect(text.split('\n').length).toBe(2);
    const field = parsePrototxt(text).fields[0];
    expect(field?.value).toEqual({ kind: 'string', value: utf8(name) });
  });

  it.each(short)('a Caffe export with net and layers named %s reads back the same names', (_label, name) => {
    const spec = renamed(name);
    const back = importText(exportText(spec, 'caffe'), 'caffe').spec;
    expect(back.name).toBe(utf8(name));
    expect(back.layers.slice(0, spec.layers.length).map((l) => l.id)).toEqual(
      spec.layers.map((l) => utf8(l.id)),
    );
  });

  it('reads octal and hex escapes as UTF-8 bytes', () => {
    expect(parsePrototxt('name: "caf\\303\\251 \\x41\\0"').fields[0]?.value).toEqual({
      kind: 'string',
      value: 'café A\u0000',
    });
  });
});

describe('JSON formats and share links', () => {
  it.each(short)('Keras and spec JSON exports of %s read back exactly', (_label, name) => {
    const spec = renamed(name);
    for (const format of ['keras', 'spec'] as const) {
      const back = importText(exportText(spec, format), format).spec;
      expect(back.name).toBe(name);
      expect(back.layers.map((l) => l.id)).toEqual(spec.layers.map((l) => l.id));
    }
  });

  it.each(short)('a share link of %s gives the names back', (_label, name) => {
    const spec = renamed(name);
    expect(decodeShareHash(encodeShareHash(spec)).layers.map((l) => l.id)).toEqual(
      spec.layers.map((l) => l.id),
    );
  });

  it('keeps commas inside strings when it lays a list out on one line', () => {
    expect(prettyJson({ output_layers: [['a,b', 0, 0]] })).toContain('"output_layers": [["a,b", 0, 0]]');
    expect(
      prettyJson([
        ['x,y', 'z'],
        [2, 3],
      ]),
    ).toBe('[["x,y", "z"], [2, 3]]');
  });
});

describe('XML text', () => {
  // eslint-disable-next-line no-control-regex
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
  it.each(cases)('%s keeps only what XML allows', (_label, name) => {
    const clean = xmlChars(name);
    expect(clean).not.toMatch(forbidden);
    expect(clean).toBe(utf8(name).replace(new RegExp(forbidden.source, 'g'), '\ufffd'));
  });
});

/**
 * The protobuf text-format parser as GraphDef files use it, and the GraphDef reader on top:
 * every syntax form, string escapes (octal, hex, \u, named) and raw bytes, numbers, comments
 * and separators; typed AttrValues and TensorProto values (packed content, repeated fields
 * that fill the tensor, half floats, 64-bit ints); errors name their line and column.
 */
import { describe, expect, it } from 'vitest';
import { parseProtoText, type PMessage } from '../../src/lib/formats/protoText';
import { readGraphDef, TfFormatError } from '../../src/lib/formats/tensorflow/graphDef';
import { readTensor } from '../../src/lib/formats/tensorflow/tensorProto';
import { FormatError } from '../../src/lib/formats/formatError';

const parse = (text: string, bytes: string[] = []) =>
  parseProtoText(text, {
    error: (en, zh, pos) => new TfFormatError(en, zh, pos),
    bytesFields: new Set(bytes),
  });

function failure(run: () => unknown): TfFormatError {
  try {
    run();
  } catch (e) {
    if (e instanceof TfFormatError) return e;
    throw e;
  }
  throw new Error('no error');
}

const tensorOf = (body: string): PMessage => {
  const [field] = parse(`tensor { ${body} }`, ['tensor_content']).fields;
  if (field?.value.kind !== 'message') throw new Error('not a message');
  return field.value.value;
};

describe('protobuf text format', () => {
  it('reads `key: value`, `key { }`, `key: { }`, `key < >`, lists and separators', () => {
    const m = parse('a: 1 b { c: "x" } d: { e: DT_FLOAT } f < g: true >; h: [1, 2, 3], i: -inf j: nan');
    expect(m.fields.map((f) => f.name)).toEqual(['a', 'b', 'd', 'f', 'h', 'h', 'h', 'i', 'j']);
    expect(m.fields[2]?.value.kind).toBe('message');
    expect(m.fields[3]?.value.kind).toBe('message');
    expect(m.fields.slice(4, 7).map((f) => (f.value.kind === 'number' ? f.value.value : null))).toEqual([
      1, 2, 3,
    ]);
    expect(m.fields[7]?.value).toMatchObject({ kind: 'number', value: -Infinity });
    expect(Number.isNaN(m.fields[8]?.value.kind === 'number' ? m.fields[8].value.value : 0)).toBe(true);
  });

  it('skips # comments and keeps every field at its line and column', () => {
    const m = parse('# a comment with "quotes" and { braces\nnode {\n  name: "a" # trailing\n}\n');
    const node = m.fields[0];
    expect(node?.pos).toEqual({ line: 2, column: 1 });
    expect(node?.value.kind === 'message' && node.value.value.fields[0]?.pos).toEqual({ line: 3, column: 3 });
  });

  it.each([
    ['octal UTF-8 bytes', '"caf\\303\\251"', 'café'],
    ['hex bytes', '"\\x41\\x4a"', 'AJ'],
    ['named escapes', '"\\n\\t\\r\\"\\\'\\\\\\a\\?"', '\n\t\r"\'\\\u0007?'],
    ['\\u and \\U', '"\\u00e9\\U0001F600"', 'é😀'],
    ['single quotes', "'it\"s'", 'it"s'],
    ['adjacent literals joined', '"ab" \'cd\'\n "ef"', 'abcdef'],
    ['non-ASCII written as is', '"模型 😀"', '模型 😀'],
  ])('strings: %s', (_label, literal, value) => {
    expect(parse(`name: ${literal}`).fields[0]?.value).toEqual({ kind: 'string', value });
  });

  it('keeps a bytes field as the bytes written, not as UTF-8 text', () => {
    const v = parse('tensor_content: "\\000\\377\\200?ab"', ['tensor_content']).fields[0]?.value;
    expect(v?.kind).toBe('bytes');
    expect(v?.kind === 'bytes' && Array.from(v.value)).toEqual([0, 255, 128, 63, 97, 98]);
  });

  it.each([
    ['integers and exponents', 'a: 42 b: -7 c: 1e-05 d: 0.5f e: 0x1F', [42, -7, 1e-5, 0.5, 31]],
    [
      'float forms TensorFlow prints',
      'f: 0.0010000000474974513 g: .25 h: 3.',
      [0.0010000000474974513, 0.25, 3],
    ],
  ])('numbers: %s', (_label, text, values) => {
    expect(parse(text).fields.map((f) => (f.value.kind === 'number' ? f.value.value : null))).toEqual(values);
  });

  it.each([
    ['an unknown escape', 'name: "a\\qb"', 1, 9, 'unknown escape \\q in a string'],
    ['\\x without a digit', 'name: "\\xg"', 1, 8, '\\x must be followed by a hex digit'],
    ['a bad \\u', 'name: "\\u12"', 1, 8, '\\u must be followed by 4 hex digits'],
    ['a string cut by a line break', 'a: 1\nname: "open\n', 2, 7, 'this string is never closed'],
    [
      'an unclosed block',
      'node {\n  name: "a"\n',
      3,
      1,
      'the block opened at line 1 is never closed with "}"',
    ],
    ['a stray bracket', 'a: 1\n}', 2, 1, '"}" has no matching opening bracket'],
    ['a missing colon', 'a 1', 1, 3, 'expected ":" or "{" after a, found "1"'],
    ['a missing value', 'a: }', 1, 4, 'expected a value, found "}"'],
    ['an unclosed list', 'a: [1, 2', 1, 9, 'the list of a is never closed with "]"'],
  ])('refuses %s at its line and column', (_label, text, line, column, message) => {
    const e = failure(() => parse(text));
    expect(e).toBeInstanceOf(FormatError);
    expect(e.format).toBe('pbtxt');
    expect(e.place.pos).toEqual({ line, column });
    expect(e.text.en).toContain(message);
  });

  it('limits nesting with a message instead of overflowing the stack', () => {
    const e = failure(() => parse(`${'a { '.repeat(5000)}${'}'.repeat(5000)}`));
    expect(e.text.en).toBe('messages nested more than 100 deep');
  });
});

describe('GraphDef reading', () => {
  it('reads a NodeDef with every AttrValue kind', () => {
    const g = readGraphDef(`node {
      name: "n" op: "Op" input: "a" input: "b:1" input: "^c" device: "/cpu:0"
      attr { key: "s" value { s: "SAME" } }
      attr { key: "i" value { i: -3 } }
      attr { key: "f" value { f: 0.5 } }
      attr { key: "b" value { b: true } }
      attr { key: "t" value { type: 3 } }
      attr { key: "shape" value { shape { dim { size: -1 } dim { size: 28 } } } }
      attr { key: "unknown" value { shape { unknown_rank: true } } }
      attr { key: "list" value { list { i: 1 i: 2 s: "x" type: DT_FLOAT shape { dim { size: 2 } } } } }
      attr { key: "empty" value { } }
    }
    versions { producer: 27 min_consumer: 12 }
    library { }`);
    expect(g.producer).toBe(27);
    const [n] = g.nodes;
    expect(n?.inputs).toEqual(['a', 'b:1', '^c']);
    const attr = (k: string) => n?.attrs.get(k)?.value;
    expect(attr('s')).toEqual({ kind: 's', value: 'SAME' });
    expect(attr('i')).toEqual({ kind: 'i', value: -3 });
    expect(attr('f')).toEqual({ kind: 'f', value: 0.5 });
    expect(attr('b')).toEqual({ kind: 'b', value: true });
    expect(attr('t')).toEqual({ kind: 'type', value: { name: 'DT_INT32', code: 3 } });
    expect(attr('shape')).toEqual({ kind: 'shape', value: { dims: [-1, 28] } });
    expect(attr('unknown')).toEqual({ kind: 'shape', value: { dims: null } });
    const list = attr('list');
    expect(list?.kind === 'list' && [list.value.i, list.value.s, list.value.shape]).toEqual([
      [1, 2],
      ['x'],
      [{ dims: [2] }],
    ]);
    expect(attr('empty')).toEqual({ kind: 'none' });
  });

  it.each([
    [
      'a field NodeDef lacks',
      'node { name: "a" op: "Relu" inputs: "x" }',
      1,
      29,
      'NodeDef has no field "inputs"',
    ],
    ['a name given twice', 'node {\n name: "a"\n name: "b" op: "X" }', 3, 2, 'NodeDef.name is given twice'],
    ['a node without op', 'node { name: "a" }', 1, 1, 'node "a" has no op'],
    [
      'an attr given twice',
      'node { name: "a" op: "X"\nattr { key: "T" value { i: 1 } }\nattr { key: "T" value { i: 2 } } }',
      3,
      1,
      'attr "T" is given twice',
    ],
    [
      'two values in one AttrValue',
      'node { name: "a" op: "X" attr { key: "T" value { i: 1 f: 2 } } }',
      1,
      55,
      'an AttrValue holds one value',
    ],
    [
      'an unknown data type',
      'node { name: "a" op: "X" attr { key: "T" value { type: DT_FLOATY } } }',
      1,
      50,
      'DT_FLOATY is not a TensorFlow data type',
    ],
    [
      'a fractional integer',
      'node { name: "a" op: "X" attr { key: "N" value { i: 2.5 } } }',
      1,
      50,
      'i must be a whole number, not 2.5',
    ],
    ['a top-level field GraphDef lacks', 'nodes { name: "a" }', 1, 1, 'GraphDef has no field "nodes"'],
  ])('refuses %s, naming line and column', (_label, text, line, column, message) => {
    const e = failure(() => readGraphDef(text));
    expect(e.place.pos).toEqual({ line, column });
    expect(e.text.en).toContain(message);
  });

  it('reads the GraphDef inside a MetaGraphDef or a SavedModel', () => {
    const node = 'node { name: "x" op: "Placeholder" }';
    expect(readGraphDef(`meta_info_def { tags: "serve" } graph_def { ${node} }`).nodes[0]?.name).toBe('x');
    expect(
      readGraphDef(`saved_model_schema_version: 1 meta_graphs { graph_def { ${node} } }`).nodes[0]?.op,
    ).toBe('Placeholder');
  });
});

describe('TensorProto values', () => {
  it('reads packed little-endian float32 content', () => {
    const t = readTensor(
      tensorOf(
        'dtype: DT_FLOAT tensor_shape { dim { size: 2 } } tensor_content: "\\000\\000\\000?\\000\\000\\200\\277"',
      ),
      'w',
    );
    expect(t.shape).toEqual([2]);
    expect(Array.from(t.values)).toEqual([0.5, -1]);
  });

  it('fills the tensor with the last value when fewer are given, zeros when none', () => {
    expect(
      Array.from(
        readTensor(
          tensorOf(
            'dtype: DT_FLOAT tensor_shape { dim { size: 2 } dim { size: 2 } } float_val: 1 float_val: 2',
          ),
          'w',
        ).values,
      ),
    ).toEqual([1, 2, 2, 2]);
    expect(
      Array.from(readTensor(tensorOf('dtype: DT_FLOAT tensor_shape { dim { size: 3 } }'), 'w').values),
    ).toEqual([0, 0, 0]);
  });

  it('reads int32, int64 (packed and listed), half floats, bools and doubles', () => {
    expect(
      readTensor(
        tensorOf(
          'dtype: DT_INT32 tensor_shape { dim { size: 2 } } tensor_content: "\\377\\377\\377\\377\\200\\030\\000\\000"',
        ),
        'c',
      ).values,
    ).toEqual([-1, 6272]);
    expect(
      readTensor(
        tensorOf(
          'dtype: DT_INT64 tensor_shape { dim { size: 1 } } tensor_content: "\\376\\377\\377\\377\\377\\377\\377\\377"',
        ),
        'c',
      ).values,
    ).toEqual([-2]);
    expect(readTensor(tensorOf('dtype: DT_INT64 tensor_shape { } int64_val: 7'), 'c').values).toEqual([7]);
    // 0x3C00 is 1.0 and 0xC000 is -2.0 in half precision.
    expect(
      Array.from(
        readTensor(
          tensorOf('dtype: DT_HALF tensor_shape { dim { size: 2 } } half_val: 15360 half_val: 49152'),
          'h',
        ).values,
      ),
    ).toEqual([1, -2]);
    expect(readTensor(tensorOf('dtype: DT_BOOL tensor_shape { } bool_val: true'), 'b').values).toEqual([1]);
    expect(
      Array.from(readTensor(tensorOf('dtype: DT_DOUBLE tensor_shape { } double_val: 0.25'), 'd').values),
    ).toEqual([0.25]);
  });

  it.each([
    [
      'content of the wrong size',
      'dtype: DT_FLOAT tensor_shape { dim { size: 3 } } tensor_content: "\\000\\000\\200?"',
      'tensor_content has 4 bytes, but 3 of DT_FLOAT needs 12',
    ],
    [
      'more values than elements',
      'dtype: DT_FLOAT tensor_shape { dim { size: 1 } } float_val: 1 float_val: 2',
      'float_val has 2 values for 1 elements',
    ],
    [
      'an unknown size',
      'dtype: DT_FLOAT tensor_shape { dim { size: -1 } }',
      "a constant's shape cannot have an unknown size",
    ],
    ['no dtype', 'tensor_shape { }', 'the tensor has no dtype'],
    ['a field TensorProto lacks', 'dtype: DT_FLOAT floats: 1', 'TensorProto has no field "floats"'],
    [
      'a tensor too large to hold',
      'dtype: DT_FLOAT tensor_shape { dim { size: 100000 } dim { size: 100000 } } float_val: 0',
      'more than the 268435456 CNN Studio holds in memory',
    ],
  ])('refuses %s, naming the node', (_label, body, message) => {
    const e = failure(() => readTensor(tensorOf(body), 'constant "w"'));
    expect(e.text.en).toContain('constant "w"');
    expect(e.text.en).toContain(message);
  });
});

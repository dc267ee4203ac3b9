/**
 * Seeded mutations of a model file's text: byte flips, truncation, deleted and duplicated
 * spans, number swaps (huge, negative, fractional, non-finite), value type swaps (a string
 * where a number was, a list where an object was), deep nesting, long strings, duplicated
 * names and stray tokens. The same seed gives the same mutations.
 */
import { randomInt, type Rng } from '../../../src/lib/random';

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

type Mutation = (text: string, rng: Rng) => string;

function at(text: string, rng: Rng): number {
  return randomInt(rng, 0, Math.max(0, text.length - 1));
}

const NUMBERS = [
  '0',
  '-1',
  '-0',
  '3.5',
  '8.0',
  '1e308',
  '1e999',
  '-1e999',
  '99999999999999999999',
  '4294967297',
  'NaN',
  'Infinity',
  '0x10',
  '1e-320',
];

/** Scalars in a `key: value` or `"key": value` position, JSON and prototxt alike. */
const VALUE = /:\s*("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|[A-Z_]{2,})/g;

const VALUES = [
  '"x"',
  '""',
  '"SAME"',
  '"channels_first"',
  '42',
  '-3',
  '2.5',
  'true',
  'false',
  'null',
  '[]',
  '{}',
  '[1, 2]',
  '[[1, 2], [3]]',
  '{"a": 1}',
  '{ }',
  'MAX',
];

function replaceMatch(text: string, rng: Rng, pattern: RegExp, make: (old: string) => string): string {
  const all = [...text.matchAll(pattern)];
  if (all.length === 0) return text;
  const m = pick(rng, all);
  const start = (m.index ?? 0) + m[0].length - (m[1] ?? m[0]).length;
  const old = m[1] ?? m[0];
  return text.slice(0, start) + make(old) + text.slice(start + old.length);
}

const mutations: Record<string, Mutation> = {
  truncate: (t, rng) => t.slice(0, at(t, rng)),
  flipChar: (t, rng) => {
    const i = at(t, rng);
    const c = pick(rng, [randomInt(rng, 0, 0x7f), randomInt(rng, 0, 0xffff), 0, 0xd800, 0x2028]);
    return t.slice(0, i) + String.fromCharCode(c) + t.slice(i + 1);
  },
  deleteSpan: (t, rng) => {
    const i = at(t, rng);
    return t.slice(0, i) + t.slice(i + randomInt(rng, 1, 400));
  },
  duplicateSpan: (t, rng) => {
    const i = at(t, rng);
    const span = t.slice(i, i + randomInt(rng, 1, 300));
    return t.slice(0, i) + span.repeat(randomInt(rng, 1, rng() < 0.1 ? 200 : 3)) + t.slice(i);
  },
  deleteBracket: (t, rng) => replaceMatch(t, rng, /[{}[\]<>]/g, () => ''),
  swapNumber: (t, rng) => replaceMatch(t, rng, /-?\d+(\.\d+)?([eE][-+]?\d+)?/g, () => pick(rng, NUMBERS)),
  swapValue: (t, rng) => replaceMatch(t, rng, VALUE, () => pick(rng, VALUES)),
  swapName: (t, rng) => {
    // Gives one name the value of another: duplicate layer names and dangling references.
    const names = [...t.matchAll(/"(?:name|id|top|bottom)"?\s*:\s*("[^"\n]*")/g)].map((m) => m[1] ?? '');
    return names.length < 2
      ? t
      : replaceMatch(t, rng, /"(?:name|id|top|bottom)"?\s*:\s*("[^"\n]*")/g, () => pick(rng, names));
  },
  swapType: (t, rng) =>
    replaceMatch(
      t,
      rng,
      /"(Conv2D|Dense|Convolution|Pooling|MaxPooling2D|InnerProduct|ReLU|Input|InputLayer|Flatten)"|\b(CONVOLUTION|POOLING)\b/g,
      () =>
        pick(rng, [
          '"Bogus"',
          'BOGUS',
          '"conv2d"',
          '""',
          '42',
          '"GroupedConv2D"',
          '"Deconvolution"',
          '"Sequential"',
        ]),
    ),
  deepNest: (t, rng) => {
    const i = at(t, rng);
    const k = pick(rng, [10, 200, 5000, 50000]);
    const open = pick(rng, ['[', '{"a":', 'a {']);
    const close = open === '[' ? ']' : '}';
    return t.slice(0, i) + open.repeat(k) + '1' + close.repeat(k) + t.slice(i);
  },
  longString: (t, rng) =>
    replaceMatch(
      t,
      rng,
      /"[^"\n]*"/g,
      () => `"${pick(rng, ['a', 'é', '/', '"', '\\\\'])?.repeat(pick(rng, [1000, 100_000]))}"`,
    ),
  insertToken: (t, rng) => {
    const i = at(t, rng);
    const token = pick(rng, [
      '"',
      '{',
      '}',
      ':',
      ',',
      '#',
      '\\',
      'null',
      'layer {',
      '[[[[',
      '\n',
      "'",
      '\u2028',
      '\0',
    ]);
    return t.slice(0, i) + token + t.slice(i);
  },
};

export const MUTATION_NAMES = Object.keys(mutations);

/** One to three mutations in a row, named so a failure can say what was done. */
export function mutate(text: string, rng: Rng): { text: string; steps: string[] } {
  const steps: string[] = [];
  let out = text;
  for (let k = randomInt(rng, 1, 3); k > 0; k--) {
    const name = pick(rng, MUTATION_NAMES);
    steps.push(name);
    out = (mutations[name] as Mutation)(out, rng);
  }
  return { text: out, steps };
}

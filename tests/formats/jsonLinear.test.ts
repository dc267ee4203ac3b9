/**
 * The JSON reader is linear in its input: long keys, deep nesting under long keys and wide
 * lists under them used to build one path string per value (quadratic in size, and hashed
 * by length alone once over ~16k characters), freezing share links, pasted files and
 * `inspect`. Each case below took from tens of seconds to forever before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { jsonPath, parseJsonText, MAX_KEY_CHARS, JsonSyntaxError } from '../../src/lib/formats/jsonText';
import { parseSpecJson, SpecJsonError } from '../../src/lib/formats/specJson';
import { parseKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { decodeShareHash, ShareLinkError } from '../../src/lib/formats/shareLink';
import { fastestOfEach, timesNativeJsonParse, LINEAR_GROWTH_4X } from './timing';

/** Our readers against JSON.parse on the same text: ~15–30× when linear, thousands when not. */
const LINEAR_RATIO = 300;

/** Runs `read`, which must throw (the case is refused), for timing. */
function refusing(read: () => unknown): () => void {
  return () => {
    expect(read).toThrow();
  };
}

/** `depth` objects each under a key of `keyChars` characters, around a list of `count` zeros. */
function buried(depth: number, keyChars: number, count: number): string {
  const open = Array.from({ length: depth }, (_, d) => `{"${String(d).padEnd(keyChars, 'k')}": `).join('');
  return `${open}[${new Array<string>(count).fill('0').join(',')}]${'}'.repeat(depth)}`;
}

describe('JSON reading is linear in the input', () => {
  it('reads 300,000 values under 20 keys of 1,000 characters (paths of 20k characters) at once', () => {
    const text = buried(20, MAX_KEY_CHARS, 300_000);
    const json = parseJsonText(text);
    expect(timesNativeJsonParse(text, () => parseJsonText(text))).toBeLessThan(LINEAR_RATIO);
    // The place of a deep value is still found, through the long keys.
    const path = Array.from(
      { length: 20 },
      (_, d) => `[${JSON.stringify(String(d).padEnd(MAX_KEY_CHARS, 'k'))}]`,
    );
    expect(json.posOf(`$${path.join('')}[2]`)).toEqual({ line: 1, column: text.indexOf('[0,') + 6 });
  });

  it('takes about 4× as long for 4× the input, not 16×', () => {
    const small = buried(20, 500, 100_000);
    const large = buried(20, 500, 400_000);
    parseJsonText(small); // warm up the compiler
    const [tSmall, tLarge] = fastestOfEach(
      () => parseJsonText(small),
      () => parseJsonText(large),
    );
    const ratio = tLarge / tSmall;
    expect(ratio).toBeLessThan(LINEAR_GROWTH_4X);
  });

  it('refuses a key longer than the cap with its line and column, before reading on', () => {
    const text = `{"a": 1,\n "${'x'.repeat(MAX_KEY_CHARS + 1)}": [0]}`;
    let error: unknown;
    try {
      parseJsonText(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect((error as JsonSyntaxError).pos).toEqual({ line: 2, column: 2 });
    expect((error as JsonSyntaxError).text.en).toBe(
      'a key 1,001 characters long in the object at $ (keys may be at most 1,000 characters)',
    );
  });

  it('finds values under keys holding dots, brackets and quotes, and the last of duplicate keys', () => {
    const text = '{"a.b": {"x]": [0, {"q\\"": 1}]},\n "d": 1, "d": [7]}';
    const json = parseJsonText(text);
    expect(json.posOf(jsonPath(jsonPath(jsonPath(jsonPath('$', 'a.b'), 'x]'), 1), 'q"'))).toEqual({
      line: 1,
      column: text.indexOf('1}') + 1,
    });
    expect(json.posOf('$.d[0]')).toEqual({ line: 2, column: text.indexOf('7') - text.indexOf('\n') });
    // A path that leaves the value stops at the nearest value it reached.
    expect(json.posOf('$["a.b"].nothing[3]')).toEqual({ line: 1, column: 9 });
  });

  it('keeps a "__proto__" key as data', () => {
    const value = parseJsonText('{"__proto__": {"polluted": 1}}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { polluted?: number }).polluted).toBeUndefined();
  });

  it('a spec file of 2 MB with a 17k-character key is refused at once, naming the key', () => {
    const key = 'p'.repeat(17_000);
    const zeros = new Array<string>(1_000_000).fill('0').join(',');
    const text = `{"layers": [{"id": "in", "type": "Input", "params": {"${key}": [${zeros}]}}]}`;
    expect(() => parseSpecJson(text)).toThrow(SpecJsonError);
    expect(() => parseSpecJson(text)).toThrow(
      /line 1, column 54: a key 17,000 characters long in the object at \$\.layers\[0\]\.params/,
    );
    expect(
      timesNativeJsonParse(
        text,
        refusing(() => parseSpecJson(text)),
      ),
    ).toBeLessThan(LINEAR_RATIO);
  });

  it('a 2 MB model.json with long keys under a layer config imports at once', () => {
    const model = JSON.parse(
      readFileSync('tests/fixtures/keras/keras2_sequential_converted.json', 'utf8'),
    ) as {
      modelTopology: { model_config: { config: { layers: { config: Record<string, unknown> }[] } } };
    };
    const layer = model.modelTopology.model_config.config.layers[1];
    if (!layer) throw new Error('fixture changed');
    layer.config.extra = '@@';
    const text = JSON.stringify(model).replace('"@@"', buried(20, 900, 1_000_000));
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(parseKerasJson(text).spec.layers.length).toBeGreaterThan(2);
    expect(timesNativeJsonParse(text, () => parseKerasJson(text))).toBeLessThan(LINEAR_RATIO);
  });

  it('a share link of under 3,000 characters that inflates to 1 MB is refused at once', () => {
    const compact = `{"n":"m","l":[["in","Input",{"${'q'.repeat(17_000)}":[${new Array<string>(600_000).fill('0').join(',')}]}]]}`;
    const hash = `net=1.${Buffer.from(deflateSync(new TextEncoder().encode(compact), { level: 9 })).toString('base64url')}`;
    expect(hash.length).toBeLessThan(3000);
    expect(() => decodeShareHash(hash)).toThrow(ShareLinkError);
    expect(() => decodeShareHash(hash)).toThrow(/a key 17,000 characters long/);
    // Inflating is part of the work, so the baseline is JSON.parse of the inflated text.
    expect(
      timesNativeJsonParse(
        compact,
        refusing(() => decodeShareHash(hash)),
      ),
    ).toBeLessThan(LINEAR_RATIO);
  });

  it('a Keras 3 model.json with long-keyed nesting in a layer call reads at once', () => {
    const text = readFileSync('tests/fixtures/keras/keras3_functional_converted.json', 'utf8').replace(
      '"args":[',
      `"args":[${buried(300, 900, 300_000)},`,
    );
    expect(text.length).toBeGreaterThan(800_000);
    expect(parseKerasJson(text).spec.layers.length).toBeGreaterThan(2);
    expect(timesNativeJsonParse(text, () => parseKerasJson(text))).toBeLessThan(LINEAR_RATIO);
  });
});

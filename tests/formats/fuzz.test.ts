/**
 * Fuzzing the readers: the good fixtures of each format mutated 2,000 times with a seeded
 * RNG (truncation, byte flips, deleted brackets, huge numbers, unknown layer types, copied
 * spans). Every result is a spec (which shape inference and every exporter handle) or the
 * format's own error; nothing else is thrown and no parse hangs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng, randomInt, type Rng } from '../../src/lib/random';
import { FormatError } from '../../src/lib/formats/formatError';
import { exportText, importText, type ModelFormat } from '../../src/lib/formats';
import { serializeSpecJson } from '../../src/lib/formats/specJson';
import { parsePrototxtNet } from '../../src/lib/formats/caffe/caffeImport';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { KERAS_FIXTURES, fixtureJsonText, fixtureShard } from '../fixtures/keras/generate';

const RUNS = 2000;
/** Generous: a hang check, not a speed target. */
const MAX_MS = 1000;

const caffe = ['lenet', 'alexnet', 'caffenet_train_val', 'nin'].map((n) =>
  readFileSync(`tests/fixtures/caffe/${n}.prototxt`, 'utf8'),
);
const keras = Object.values(KERAS_FIXTURES).map((make) => make());
const specs = [serializeSpecJson(tinyVggSpec()), serializeSpecJson(parsePrototxtNet(caffe[0] ?? '').spec)];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

function mutate(text: string, rng: Rng): string {
  const at = randomInt(rng, 0, Math.max(0, text.length - 1));
  switch (randomInt(rng, 0, 7)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + String.fromCharCode(randomInt(rng, 0, 0x2fff)) + text.slice(at + 1);
    case 2: {
      const brackets = [...text.matchAll(/[{}[\]]/g)];
      const b = brackets.length > 0 ? pick(rng, brackets) : undefined;
      return b?.index === undefined ? text : text.slice(0, b.index) + text.slice(b.index + 1);
    }
    case 3: {
      const nums = [...text.matchAll(/-?\d+(\.\d+)?/g)];
      const n = nums.length > 0 ? pick(rng, nums) : undefined;
      const huge = pick(rng, ['1e308', '99999999999999999999', '-7', '0', '1e999', '3.5', 'NaN', '-0']);
      return n?.index === undefined
        ? text
        : text.slice(0, n.index) + huge + text.slice(n.index + n[0].length);
    }
    case 4:
      return text.replace(
        pick(rng, [
          /"Conv2D"/,
          /"Dense"/,
          /"Convolution"/,
          /CONVOLUTION/,
          /"Pooling"/,
          /"MaxPooling2D"/,
          /"InnerProduct"/,
        ]),
        pick(rng, ['"Bogus"', 'BOGUS', '"conv2d"', '""', '42']),
      );
    case 5: {
      const len = randomInt(rng, 1, 200);
      return text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
    }
    case 6: {
      const len = randomInt(rng, 1, 400);
      return text.slice(0, at) + text.slice(at + len);
    }
    default:
      return (
        text.slice(0, at) +
        pick(rng, ['"', '{', '}', ':', ',', '#', '\\', 'null', 'layer {', '[[[[', '\n']) +
        text.slice(at)
      );
  }
}

function check(
  format: ModelFormat,
  text: string,
  shards?: ReadonlyMap<string, Uint8Array>,
): 'spec' | 'error' {
  const parse = () => importText(text, format, shards ? { shards } : {});
  /** Milliseconds of one parse, whatever its outcome. */
  const timed = (): number => {
    const t0 = performance.now();
    try {
      parse();
    } catch {
      // Only the time matters here; the outcome is checked below.
    }
    return performance.now() - t0;
  };
  let outcome: 'spec' | 'error';
  try {
    const r = parse();
    expect(Array.isArray(r.spec.layers)).toBe(true);
    inferShapes(r.spec);
    for (const out of ['spec', 'keras', 'caffe', 'pytorch'] as const)
      try {
        exportText(r.spec, out);
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
      }
    outcome = 'spec';
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    expect(e.text.en.length).toBeGreaterThan(5);
    expect(e.text.zh.length).toBeGreaterThan(1);
    outcome = 'error';
  }
  // A hang is slow every time; a garbage-collection pause on a busy machine is not, so a slow parse gets a second try.
  let ms = timed();
  if (ms >= MAX_MS) ms = Math.min(ms, timed());
  expect(ms).toBeLessThan(MAX_MS);
  return outcome;
}

function fuzz(
  format: ModelFormat,
  seed: number,
  source: (rng: Rng) => { text: string; shards?: ReadonlyMap<string, Uint8Array> },
): Record<string, number> {
  const rng = createRng(seed);
  const tally: Record<string, number> = { spec: 0, error: 0 };
  for (let run = 0; run < RUNS; run++) {
    const { text, shards } = source(rng);
    let mutated = text;
    for (let k = randomInt(rng, 1, 3); k > 0; k--) mutated = mutate(mutated, rng);
    try {
      tally[check(format, mutated, shards)]! += 1;
    } catch (e) {
      throw new Error(
        `${format} run ${run} (seed ${seed}): ${e instanceof Error ? e.message : String(e)}\n--- input ---\n${mutated.slice(0, 2000)}`,
      );
    }
  }
  return tally;
}

describe('fuzzing the readers', () => {
  it(`Caffe prototxt: ${RUNS} mutations`, { timeout: 240_000 }, () => {
    const tally = fuzz('caffe', 11, (rng) => ({ text: pick(rng, caffe) }));
    expect(tally.spec! + tally.error!).toBe(RUNS);
    expect(tally.error).toBeGreaterThan(RUNS / 10);
  });

  it(`Keras model.json with weight shards: ${RUNS} mutations`, { timeout: 240_000 }, () => {
    const tally = fuzz('keras', 12, (rng) => {
      const f = pick(rng, keras);
      return {
        text: fixtureJsonText(f),
        shards: new Map([['group1-shard1of1.bin', fixtureShard(f.weights)]]),
      };
    });
    expect(tally.spec! + tally.error!).toBe(RUNS);
    expect(tally.error).toBeGreaterThan(RUNS / 10);
  });

  it(`spec JSON: ${RUNS} mutations`, { timeout: 240_000 }, () => {
    const tally = fuzz('spec', 13, (rng) => ({ text: pick(rng, specs) }));
    expect(tally.spec! + tally.error!).toBe(RUNS);
    expect(tally.error).toBeGreaterThan(RUNS / 10);
  });
});

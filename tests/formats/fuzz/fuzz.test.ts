/**
 * Fuzzing every reader: the good fixtures of each format (Caffe prototxt, TensorFlow GraphDef text, Keras model.json
 * with its weight shard, CNN Studio JSON, share links) mutated with a seeded generator.
 * Every case must end in a spec that shape inference and the exporters handle, or in the
 * format's own error with a short message and no stack trace, within HANG_MS. A failure
 * prints its seed; FUZZ_SEED and FUZZ_CASES run other or more cases:
 *   FUZZ_CASES=5000 FUZZ_SEED=7 npx vitest run tests/formats/fuzz
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { randomInt } from '../../../src/lib/random';
import { FormatError } from '../../../src/lib/formats/formatError';
import { exportText } from '../../../src/lib/formats';
import { parseKerasJson } from '../../../src/lib/formats/keras/kerasJson';
import { parsePrototxtNet } from '../../../src/lib/formats/caffe/caffeImport';
import { parsePbtxt } from '../../../src/lib/formats/tensorflow/pbtxtImport';
import { parseSpecJson, serializeSpecJson } from '../../../src/lib/formats/specJson';
import { decodeShareHash, encodeShareHash, ShareLinkError } from '../../../src/lib/formats/shareLink';
import { tinyVggSpec } from '../../../src/lib/zoo/tinyvgg';
import { KERAS_FIXTURES, fixtureJsonText, fixtureShard } from '../../fixtures/keras/generate';
import { describeFailures, runFuzz, type FuzzTarget } from './harness';
import { pick } from './mutate';

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const formatText = (e: unknown) => (e instanceof FormatError ? e.localized() : null);

const caffeTexts = ['lenet', 'alexnet', 'caffenet_train_val', 'nin'].map((n) =>
  readFileSync(`tests/fixtures/caffe/${n}.prototxt`, 'utf8'),
);
const lenetSpec = parsePrototxtNet(caffeTexts[0] ?? '').spec;
// GraphDefs in several styles: hand-written fixtures and our own export (frozen, with weights).
const pbtxtTexts = [
  ...['keras_tf1', 'keras_learning_phase', 'frozen_tf1_tutorial', 'tf2_metagraph', 'slim_bn'].map((n) =>
    readFileSync(`tests/fixtures/pbtxt/${n}.pbtxt`, 'utf8'),
  ),
  exportText(lenetSpec, 'pbtxt'),
];
const specTexts = [serializeSpecJson(tinyVggSpec()), serializeSpecJson(lenetSpec)];
const keras = Object.values(KERAS_FIXTURES).map((make) => make());

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A link's packed JSON, to mutate before packing it again (mutating the packed bytes mostly breaks inflate). */
function packedJson(hash: string): string {
  const spec = decodeShareHash(hash);
  return JSON.stringify({ n: spec.name, l: spec.layers.map((l) => [l.id, l.type, l.params, l.inputs]) });
}

const links = [encodeShareHash(tinyVggSpec()), encodeShareHash(lenetSpec)];

const TARGETS: FuzzTarget[] = [
  {
    name: 'Caffe prototxt',
    source: (rng) => ({ text: pick(rng, caffeTexts) }),
    read: (c) => parsePrototxtNet(c.text).spec,
    errorText: formatText,
  },
  {
    name: 'Keras model.json with its weight shard',
    source: (rng) => {
      const f = pick(rng, keras);
      const shard = fixtureShard(f.weights);
      // Now and then the shard is cut short or lost as well.
      const cut = rng() < 0.15 ? shard.slice(0, randomInt(rng, 0, shard.length)) : shard;
      const shards = rng() < 0.05 ? new Map<string, Uint8Array>() : new Map([['group1-shard1of1.bin', cut]]);
      return { text: fixtureJsonText(f), shards };
    },
    read: (c) => parseKerasJson(c.text, c.shards ? { shards: c.shards } : {}).spec,
    errorText: formatText,
  },
  {
    name: 'CNN Studio JSON',
    source: (rng) => ({ text: pick(rng, specTexts) }),
    read: (c) => parseSpecJson(c.text).spec,
    errorText: formatText,
  },
  {
    name: 'share link',
    // Half the cases damage the link itself, half the JSON inside it (then packed as a link).
    source: (rng) => ({ text: rng() < 0.5 ? `#${pick(rng, links)}` : packedJson(pick(rng, links)) }),
    read: (c) =>
      decodeShareHash(
        c.text.startsWith('#')
          ? c.text
          : `net=1.${toBase64Url(deflateSync(new TextEncoder().encode(c.text), { level: 6 }))}`,
      ),
    errorText: (e) => (e instanceof ShareLinkError ? e.text : null),
  },
  {
    name: 'TensorFlow GraphDef text',
    source: (rng) => ({ text: pick(rng, pbtxtTexts) }),
    read: (c) => parsePbtxt(c.text).spec,
    errorText: formatText,
  },
];

describe('fuzzing the readers', () => {
  TARGETS.forEach((target, k) => {
    const seed = SEED ?? 1400 + k;
    it(
      `${target.name}: ${CASES} mutated cases (FUZZ_SEED=${seed})`,
      { timeout: 60_000 + CASES * 200 },
      () => {
        const r = runFuzz(target, seed, CASES);
        if (process.env.FUZZ_CASES) console.info(`${target.name} (seed ${seed}): ${JSON.stringify(r.tally)}`);
        expect(r.failures, describeFailures(r, target.name)).toEqual([]);
        // The mutations reach past the first check: some cases still read, most are refused.
        expect(r.tally.error).toBeGreaterThan(CASES / 10);
        expect(r.tally.success).toBeGreaterThan(0);
      },
    );
  });
});

/**
 * Runs a reader over mutated fixtures and sorts every case: `success` (a spec that shape
 * inference and every exporter handle, each exporter either refusing with its format's
 * error or writing a file that reads back, and whose share link opens), `error` (the format's own error with a short, plain message), `crash`
 * (anything else thrown, a stack trace or a huge message, an export that blows up) or
 * `hang` (slower than HANG_MS twice running).
 */
import { createRng, type Rng } from '../../../src/lib/random';
import { FormatError } from '../../../src/lib/formats/formatError';
import { exportText, importText } from '../../../src/lib/formats';
import { decodeShareHash, encodeShareHash, ShareLinkError } from '../../../src/lib/formats/shareLink';
import { inferShapes } from '../../../src/lib/spec/inferShapes';
import type { Localized, NetworkSpec } from '../../../src/lib/spec/types';
import { mutate } from './mutate';

export type Outcome = 'success' | 'error' | 'crash' | 'hang';

/** Generous: a hang check, not a speed target. */
export const HANG_MS = 2000;
/** Longest message a reader may give: it names a place and a value, it does not echo the file. */
export const MAX_MESSAGE = 1000;

export interface FuzzCase {
  text: string;
  /** Extra inputs that go with the text (a model.json's weight shards). */
  shards?: ReadonlyMap<string, Uint8Array>;
}

export interface FuzzTarget {
  name: string;
  /** Picks a fixture (and may damage what goes with it). */
  source(rng: Rng): FuzzCase;
  /** Reads a case; throws on refusal. */
  read(c: FuzzCase): NetworkSpec;
  /** The localized text of the format's own error, or null for any other throw. */
  errorText(e: unknown): Localized | null;
}

export interface Failure {
  run: number;
  outcome: Outcome;
  detail: string;
  steps: string[];
  input: string;
}

export interface FuzzResult {
  seed: number;
  tally: Record<Outcome, number>;
  failures: Failure[];
}

function messageProblem(text: Localized): string | null {
  for (const m of [text.en, text.zh]) {
    if (m.trim().length < 2) return 'an empty message';
    if (m.length > MAX_MESSAGE) return `a message of ${m.length} characters`;
    if (/\n\s+at \S|\bat Object\.|\.ts:\d+:\d+/.test(m))
      return `a stack trace in the message: ${m.slice(0, 200)}`;
  }
  return null;
}

/** Shape inference and every exporter on a spec a reader accepted. */
function useSpec(spec: NetworkSpec, inputLength: number): string | null {
  if (!Array.isArray(spec.layers)) return 'the spec has no layer list';
  inferShapes(spec);
  const limit = Math.max(200_000, inputLength * 100);
  for (const out of ['spec', 'keras', 'caffe', 'pbtxt', 'pytorch'] as const) {
    let text: string;
    try {
      text = exportText(spec, out);
    } catch (e) {
      if (!(e instanceof FormatError)) return `the ${out} export threw ${String(e).slice(0, 300)}`;
      const problem = messageProblem(e.localized());
      if (problem) return `the ${out} export gave ${problem}`;
      continue;
    }
    if (text.length > limit) return `the ${out} export is ${text.length} characters long`;
    // What the app writes it must read back: an export that cannot be reopened is a bug.
    if (out !== 'pytorch')
      try {
        importText(text, out);
      } catch (e) {
        return `the ${out} export cannot be read back: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`;
      }
  }
  try {
    decodeShareHash(encodeShareHash(spec));
  } catch (e) {
    if (!(e instanceof ShareLinkError)) throw e;
    // A link too long to share is refused by design; anything else is a link that cannot be reopened.
    if (!/too long|too large/.test(e.text.en)) return `its share link cannot be opened: ${e.text.en}`;
  }
  return null;
}

function classify(target: FuzzTarget, c: FuzzCase): { outcome: Outcome; detail: string } {
  let spec: NetworkSpec;
  try {
    spec = target.read(c);
  } catch (e) {
    const text = target.errorText(e);
    if (!text)
      return {
        outcome: 'crash',
        detail: `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(0, 1500),
      };
    const problem = messageProblem(text);
    return problem ? { outcome: 'crash', detail: problem } : { outcome: 'error', detail: text.en };
  }
  try {
    const problem = useSpec(spec, c.text.length);
    return problem ? { outcome: 'crash', detail: problem } : { outcome: 'success', detail: '' };
  } catch (e) {
    return {
      outcome: 'crash',
      detail: `using the spec threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(
        0,
        1500,
      ),
    };
  }
}

function timedClassify(target: FuzzTarget, c: FuzzCase): { outcome: Outcome; detail: string } {
  const t0 = performance.now();
  const r = classify(target, c);
  if (performance.now() - t0 < HANG_MS) return r;
  // A hang is slow every time; a garbage-collection pause on a busy machine is not.
  const t1 = performance.now();
  classify(target, c);
  const ms = performance.now() - t1;
  return ms < HANG_MS ? r : { outcome: 'hang', detail: `took ${Math.round(ms)} ms` };
}

export function runFuzz(target: FuzzTarget, seed: number, cases: number): FuzzResult {
  const rng = createRng(seed);
  const tally: Record<Outcome, number> = { success: 0, error: 0, crash: 0, hang: 0 };
  const failures: Failure[] = [];
  for (let run = 0; run < cases; run++) {
    const base = target.source(rng);
    const { text, steps } = mutate(base.text, rng);
    const c: FuzzCase = base.shards ? { text, shards: base.shards } : { text };
    const { outcome, detail } = timedClassify(target, c);
    tally[outcome]++;
    if (outcome === 'crash' || outcome === 'hang')
      failures.push({
        run,
        outcome,
        detail,
        steps,
        input: text.length > 600 ? `${text.slice(0, 600)}…` : text,
      });
  }
  return { seed, tally, failures };
}

/** The failures as a report that says how to run the same cases again. */
export function describeFailures(r: FuzzResult, target: string): string {
  const head = `${target}: ${r.failures.length} failing case(s) with FUZZ_SEED=${r.seed}`;
  const cases = r.failures
    .slice(0, 5)
    .map((f) => `--- run ${f.run} (${f.outcome}; ${f.steps.join(' → ')}): ${f.detail}\n${f.input}`);
  return [head, ...cases].join('\n');
}

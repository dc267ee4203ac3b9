/**
 * The page takes the worker's step reports a few at a time (StepPacer): fewer redraws, but
 * no step lost, none out of order, and every other report (validation, weights, the end)
 * finds the steps before it on record.
 */
import { describe, expect, it } from 'vitest';
import { StepPacer, type PacerClock } from '../../src/lib/training/stepPacer';
import type { StepRecord } from '../../src/lib/training/log';
import { TrainingState } from '../../src/app/state/trainingState.svelte';
import type { ExplainerState } from '../../src/app/state/explainerState.svelte';
import type { EditorState } from '../../src/app/state/editorState.svelte';
import { I18n } from '../../src/app/state/i18n.svelte';

/** A clock the test moves by hand; `later` calls run when it passes their time. */
function manualClock(): PacerClock & { advance(ms: number): void; queued(): number } {
  let now = 0;
  let calls: { at: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => now,
    later(fn, ms) {
      const call = { at: now + ms, fn, live: true };
      calls.push(call);
      return () => (call.live = false);
    },
    advance(ms) {
      now += ms;
      const due = calls.filter((c) => c.live && c.at <= now);
      calls = calls.filter((c) => c.live && c.at > now);
      for (const c of due) c.fn();
    },
    queued: () => calls.filter((c) => c.live).length,
  };
}

const step = (n: number): StepRecord => ({
  step: n,
  epoch: 1,
  seconds: n / 10,
  learningRate: 0.01,
  loss: 2 / n,
  accuracy: n / 100,
});

describe('StepPacer', () => {
  it('hands the first step over at once, then the next ones together once the interval is up', () => {
    const clock = manualClock();
    const got: number[][] = [];
    const pacer = new StepPacer((s) => got.push(s.map((r) => r.step)), clock, 200);
    pacer.push(step(1));
    expect(got).toEqual([[1]]);
    clock.advance(70);
    pacer.push(step(2));
    clock.advance(70);
    pacer.push(step(3));
    expect(got).toEqual([[1]]);
    expect(pacer.waiting).toBe(2);
    clock.advance(60);
    expect(got).toEqual([[1], [2, 3]]);
    expect(pacer.waiting).toBe(0);
    // A step long after the last delivery goes at once again.
    clock.advance(500);
    pacer.push(step(4));
    expect(got).toEqual([[1], [2, 3], [4]]);
  });

  it('flushes what waits on demand and cancels the timer it had set', () => {
    const clock = manualClock();
    const got: number[][] = [];
    const pacer = new StepPacer((s) => got.push(s.map((r) => r.step)), clock, 200);
    pacer.push(step(1));
    pacer.push(step(2));
    expect(clock.queued()).toBe(1);
    pacer.flush();
    expect(got).toEqual([[1], [2]]);
    expect(clock.queued()).toBe(0);
    pacer.flush();
    expect(got).toHaveLength(2);
  });

  it('drops what waits when cleared', () => {
    const clock = manualClock();
    const got: number[][] = [];
    const pacer = new StepPacer((s) => got.push(s.map((r) => r.step)), clock, 200);
    pacer.push(step(1));
    pacer.push(step(2));
    pacer.clear();
    clock.advance(1000);
    expect(got).toEqual([[1]]);
    // After a clear the next step shows at once.
    pacer.push(step(1));
    expect(got).toEqual([[1], [1]]);
  });
});

describe('TrainingState with paced steps', () => {
  function setUp() {
    const clock = manualClock();
    const explainer = { spec: null, shapes: null, meta: null, setClasses: () => {} };
    const training = new TrainingState(
      explainer as unknown as ExplainerState,
      new I18n(),
      {} as EditorState,
      clock,
    );
    return { training, clock };
  }

  it('records steps together, and puts waiting steps on record before a validation', () => {
    const { training, clock } = setUp();
    training.receive({
      type: 'started',
      totalSteps: 100,
      stepsPerEpoch: 50,
      trainCount: 1600,
      valCount: 400,
    });
    const before = training.version;
    for (let n = 1; n <= 5; n++) training.receive({ type: 'step', record: step(n) });
    // The first at once, the other four waiting.
    expect(training.log.steps.map((s) => s.step)).toEqual([1]);
    expect(training.lastStep?.step).toBe(1);
    training.receive({
      type: 'validation',
      record: { step: 5, epoch: 1, seconds: 0.5, loss: 0.4, accuracy: 0.9 },
    });
    expect(training.log.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(training.lastStep?.step).toBe(5);
    expect(training.lastValidation?.step).toBe(5);
    // One redraw for the first step, one for the four, one for the validation.
    expect(training.version - before).toBe(3);
    clock.advance(1000);
    expect(training.log.steps).toHaveLength(5);
  });

  it('shows the last steps when the interval is up, and a new run starts from an empty log', () => {
    const { training, clock } = setUp();
    training.receive({ type: 'step', record: step(1) });
    training.receive({ type: 'step', record: step(2) });
    clock.advance(1000);
    expect(training.log.steps.map((s) => s.step)).toEqual([1, 2]);
    training.receive({ type: 'step', record: step(3) });
    training.receive({ type: 'step', record: step(4) });
    training.clearLog();
    clock.advance(1000);
    expect(training.log.steps).toHaveLength(0);
    expect(training.lastStep).toBeNull();
  });
});

describe('weight snapshots on the page', () => {
  function setUp() {
    const clock = manualClock();
    const shown: number[] = [];
    // No net, so none edited since the run began (whose net is null too before a start).
    const explainer = {
      spec: null,
      shapes: null,
      meta: null,
      setClasses: () => {},
      setWeights: (named: ReadonlyMap<string, Float32Array>) => shown.push(named.get('w')![0]!),
    };
    const training = new TrainingState(
      explainer as unknown as ExplainerState,
      new I18n(),
      {} as EditorState,
      clock,
    );
    const weights = (v: number): [string, Float32Array][] => [['w', new Float32Array([v])]];
    return { training, clock, shown, weights };
  }

  it('shows a snapshot in a later task, and only the newest of those that came meanwhile', () => {
    const { training, clock, shown, weights } = setUp();
    training.receive({ type: 'weights', step: 5, weights: weights(5) });
    expect(shown).toEqual([]);
    training.receive({ type: 'weights', step: 10, weights: weights(10) });
    clock.advance(0);
    expect(shown).toEqual([10]);
    expect(training.shownStep).toBe(10);
    training.receive({ type: 'weights', step: 15, weights: weights(15) });
    clock.advance(0);
    expect(shown).toEqual([10, 15]);
  });

  it('drops a waiting snapshot when the run finishes with its final weights', () => {
    const { training, clock, shown, weights } = setUp();
    training.receive({ type: 'weights', step: 5, weights: weights(5) });
    training.receive({
      type: 'finished',
      reason: 'completed',
      evaluation: { accuracy: 1, loss: 0, confusion: [], perClass: [] },
      weights: weights(99),
    });
    clock.advance(0);
    expect(shown).toEqual([99]);
  });
});

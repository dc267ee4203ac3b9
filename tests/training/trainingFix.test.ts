/**
 * "Adapt the output layer" and Start: the problem and its fix stay until the adapted net is the
 * explainer's, and Start waits meanwhile. (CI once pressed Start between the two, while the
 * old 10-output net was still shown: the run was refused again and never started.)
 */
import { describe, expect, it } from 'vitest';
import { TrainingState } from '../../src/app/state/trainingState.svelte';
import type { ExplainerState } from '../../src/app/state/explainerState.svelte';
import type { EditorState } from '../../src/app/state/editorState.svelte';
import type { NetworkSource } from '../../src/app/net/types';
import { I18n } from '../../src/app/state/i18n.svelte';
import { SHAPE_CLASSES } from '../../src/lib/data/synthetic';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../../src/lib/spec/types';

function setUp(opened: boolean) {
  const spec = tinyVggSpec(SHAPE_CLASSES.length + 3, 32);
  const explainer = {
    spec: spec as NetworkSpec | null,
    shapes: inferShapes(spec),
    inputSize: 32,
    meta: null,
    setClasses: () => {},
    getWeights: () => new Map<string, Float32Array>(),
  };
  let settle: () => void = () => {};
  const editor = {
    openNetwork: (source: NetworkSource) =>
      new Promise((resolve) => {
        settle = () => {
          if (opened) {
            explainer.spec = source.spec;
            explainer.shapes = inferShapes(source.spec);
          }
          resolve(opened ? { ok: true } : { ok: false, reason: 'superseded' });
        };
      }),
  };
  const training = new TrainingState(
    explainer as unknown as ExplainerState,
    new I18n(),
    editor as unknown as EditorState,
  );
  return { training, explainer, settle: () => settle() };
}

describe('adapting the output layer before training', () => {
  it('keeps the problem and refuses Start until the adapted net is shown, then clears it', async () => {
    const { training, explainer, settle } = setUp(true);
    expect(training.start()).toBe(false);
    const problem = training.problem;
    expect(problem?.text.en).toMatch(/outputs but the dataset has \d+ classes/);
    expect(problem?.fix).not.toBeNull();

    const fixing = training.applyFix();
    expect(training.fixing).toBe(true);
    // Start pressed now must neither run on the old net nor replace the problem.
    expect(training.start()).toBe(false);
    expect(training.problem).toBe(problem);
    expect(training.status).toBe('idle');

    settle();
    await fixing;
    expect(training.fixing).toBe(false);
    expect(training.problem).toBeNull();
    const outputs = explainer.spec?.layers.find((l) => l.id === 'output')?.params.units;
    expect(outputs).toBe(SHAPE_CLASSES.length);
  });

  it('says so when the net could not be changed', async () => {
    const { training, settle } = setUp(false);
    training.start();
    const fixing = training.applyFix();
    settle();
    await fixing;
    expect(training.fixing).toBe(false);
    expect(training.problem?.text.en).toBe('The network could not be changed.');
    expect(training.problem?.fix).toBeNull();
  });
});

/**
 * What a training run leaves on record: its log of steps and validations, where it got to,
 * its final evaluation and the first kernels it started from. `TrainingState` adds the
 * dataset, the settings and the worker on top.
 */
import { emptyLog, type StepRecord, type TrainingLog, type ValidationRecord } from '../../lib/training/log';
import type { FinalEvaluation } from '../../lib/training/protocol';
import { estimateRemaining } from '../../lib/training/eta';
import { browserClock, StepPacer, type PacerClock } from '../../lib/training/stepPacer';
import type { NetworkSpec } from '../../lib/spec/types';
import { specWeights } from '../../lib/training/specWeights';
import { firstKernel } from '../../lib/training/kernelImages';

export class RunRecord {
  /** The log is appended to in place; `version` tells the views it changed. */
  readonly log: TrainingLog = emptyLog();
  version = $state(0);
  totalSteps = $state(0);
  /** Epochs of the run the log belongs to. */
  runEpochs = $state(0);
  trainCount = $state(0);
  valCount = $state(0);
  lastStep = $state.raw<StepRecord | null>(null);
  lastValidation = $state.raw<ValidationRecord | null>(null);
  evaluation = $state.raw<FinalEvaluation | null>(null);
  /** Class names of the run, for the confusion matrix. */
  runClasses = $state.raw<string[]>([]);
  /** The last step whose weights the explainer shows. */
  shownStep = $state(0);
  /** Bumped whenever this panel puts new weights into the explainer (for views without an image). */
  weightsVersion = $state(0);
  /**
   * The first convolution's kernels when training began (or at the last reset), so the panel
   * can show what training has changed: that difference is where edge detectors appear.
   */
  startKernel = $state.raw<{ name: string; data: Float32Array } | null>(null);
  /** Added to the worker's step, epoch and seconds when a run continues an earlier one. */
  protected offset = { step: 0, epoch: 0, seconds: 0 };
  /** The worker's step reports, put on record a few times a second (not one redraw each). */
  protected readonly stepReports: StepPacer;

  constructor(clock: PacerClock = browserClock) {
    this.stepReports = new StepPacer((steps) => this.recordSteps(steps), clock);
  }

  get eta(): number | null {
    void this.version;
    return estimateRemaining(this.log.steps, this.totalSteps);
  }

  /** Images a second over the last 30 steps of `batch` (null before there are two). */
  protected rate(batch: number): number | null {
    void this.version;
    const s = this.log.steps;
    const last = s[s.length - 1];
    const first = s[Math.max(0, s.length - 30)];
    if (!last || !first || last.seconds <= first.seconds) return null;
    return (
      ((last.step - first.step) * Math.min(batch, this.trainCount || Infinity)) /
      (last.seconds - first.seconds)
    );
  }

  /** Copies the first convolution's kernels as they are now (before the buffers are sent away). */
  protected keepStartKernel(spec: NetworkSpec, weights: ReadonlyMap<string, Float32Array>): void {
    const kernel = firstKernel(specWeights(spec));
    const data = kernel ? weights.get(kernel.name) : undefined;
    this.startKernel = kernel && data ? { name: kernel.name, data: data.slice() } : null;
  }

  clearLog(): void {
    this.stepReports.clear();
    this.log.steps.length = 0;
    this.log.validation.length = 0;
    this.version++;
    this.lastStep = null;
    this.lastValidation = null;
    this.evaluation = null;
    this.shownStep = 0;
    this.totalSteps = 0;
  }

  /** Puts a saved run's record back in place of the current one. */
  protected putRecord(log: TrainingLog, evaluation: FinalEvaluation | null, classes: string[]): void {
    this.clearLog();
    this.weightsVersion++;
    this.log.steps.push(...log.steps);
    this.log.validation.push(...log.validation);
    this.lastStep = log.steps[log.steps.length - 1] ?? null;
    this.lastValidation = log.validation[log.validation.length - 1] ?? null;
    this.totalSteps = this.lastStep?.step ?? 0;
    this.evaluation = evaluation;
    this.runClasses = classes;
    this.startKernel = null;
    this.runEpochs = this.lastStep?.epoch ?? 0;
    this.version++;
  }

  private shifted(r: { step: number; epoch: number; seconds: number }): {
    step: number;
    epoch: number;
    seconds: number;
  } {
    return {
      step: r.step + this.offset.step,
      epoch: r.epoch + this.offset.epoch,
      seconds: r.seconds + this.offset.seconds,
    };
  }

  /**
   * Appends steps the worker reported (counted on from an earlier run it continues), several
   * at a time as the StepPacer hands them over: the views redraw once for them all.
   */
  protected recordSteps(steps: readonly StepRecord[]): void {
    if (steps.length === 0) return;
    for (const step of steps) this.log.steps.push({ ...step, ...this.shifted(step) });
    this.lastStep = this.log.steps[this.log.steps.length - 1] ?? null;
    this.version++;
  }

  protected recordValidation(validation: ValidationRecord): void {
    const record = { ...validation, ...this.shifted(validation) };
    this.log.validation.push(record);
    this.lastValidation = record;
    this.version++;
  }
}

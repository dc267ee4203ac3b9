/**
 * Learning-rate schedules, as a function of the step: constant, step decay (Caffe's "step"
 * policy: ×γ every k epochs) and cosine decay to a floor. A short linear warm-up can precede
 * any of them; it keeps Adam's first, badly estimated updates from wrecking fresh weights.
 */

export type ScheduleKind = 'constant' | 'step' | 'cosine';

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'step', 'cosine'];

export interface Schedule {
  kind: ScheduleKind;
  /** Peak learning rate. */
  base: number;
  /** Steps of linear warm-up from base/10 (0 = none). */
  warmupSteps: number;
  /** For 'step': multiply by `gamma` every `everySteps`. */
  gamma: number;
  everySteps: number;
  /** For 'cosine': the rate at the end, as a share of base. */
  floor: number;
}

export function learningRateAt(s: Schedule, step: number, totalSteps: number): number {
  if (step < s.warmupSteps) return s.base * (0.1 + (0.9 * step) / s.warmupSteps);
  if (s.kind === 'constant') return s.base;
  if (s.kind === 'step') return s.base * s.gamma ** Math.floor(step / Math.max(1, s.everySteps));
  const span = Math.max(1, totalSteps - s.warmupSteps);
  const t = Math.min(1, (step - s.warmupSteps) / span);
  return s.base * (s.floor + (1 - s.floor) * 0.5 * (1 + Math.cos(Math.PI * t)));
}

/** What a training run records: one row per step and one per validation pass. */

export interface StepRecord {
  step: number;
  /** 1-based epoch the step belongs to. */
  epoch: number;
  /** Training time since the start, pauses left out. */
  seconds: number;
  learningRate: number;
  loss: number;
  accuracy: number;
}

export interface ValidationRecord {
  /** The step after which the validation set was evaluated. */
  step: number;
  epoch: number;
  seconds: number;
  loss: number;
  accuracy: number;
}

export interface TrainingLog {
  steps: StepRecord[];
  validation: ValidationRecord[];
}

export function emptyLog(): TrainingLog {
  return { steps: [], validation: [] };
}

/**
 * Messages between the page and the training worker. Plain structured-clone data: typed
 * arrays travel as transferables, so weights cross without a copy on the sending side.
 */
import type { TrainingConfig } from './config';
import type { StepRecord, ValidationRecord } from './log';
import type { Localized, NetworkSpec } from '../spec/types';

/** Where the training images come from. */
export type DataSource =
  | { kind: 'shapes'; seed: number; trainCount: number; valCount: number; size: number }
  | {
      kind: 'images';
      size: number;
      /** count × size × size × 3 bytes, HWC per image. */
      pixels: Uint8Array;
      labels: Int32Array;
      trainIndices: Int32Array;
      valIndices: Int32Array;
    };

export type WeightList = [string, Float32Array][];

export type ToWorker =
  | { type: 'init'; wasmPaths: Record<string, string> }
  | {
      type: 'start';
      spec: NetworkSpec;
      weights: WeightList;
      classes: number;
      data: DataSource;
      config: TrainingConfig;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'setSnapshotEvery'; steps: number };

export interface FinalEvaluation {
  accuracy: number;
  loss: number;
  confusion: number[][];
  perClass: number[];
}

export type FromWorker =
  | { type: 'ready'; backend: string }
  | { type: 'preparing'; stage: 'data' | 'model' }
  | { type: 'started'; totalSteps: number; stepsPerEpoch: number; trainCount: number; valCount: number }
  | { type: 'step'; record: StepRecord }
  | { type: 'validation'; record: ValidationRecord }
  | { type: 'weights'; step: number; weights: WeightList }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'finished'; reason: 'completed' | 'stopped'; evaluation: FinalEvaluation; weights: WeightList }
  /** The explainer keeps the last weights it was sent: they were still finite. */
  | { type: 'diverged'; step: number; message: Localized }
  | { type: 'error'; message: string };

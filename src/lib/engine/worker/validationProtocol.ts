/**
 * Messages between the training worker and its validation worker, which validates weight
 * snapshots on the other core so that training never stops for it. A run's validation set
 * is sent once (`setup`), then one `validate` per validation with that step's weights; every
 * message names its run, so answers for a run that has ended are recognised and dropped.
 */
import type { NetworkSpec } from '../../spec/types';
import type { FinalEvaluation, WeightList } from '../../training/protocol';
import type { ValidationImages } from './validationImages';

export type ToValidation =
  | { type: 'init'; wasmPaths?: Record<string, string> }
  | { type: 'setup'; run: number; spec: NetworkSpec; classes: number; images: ValidationImages }
  | { type: 'validate'; run: number; id: number; weights: WeightList }
  /** The run is over: its model is freed and its queued requests are skipped. */
  | { type: 'end'; run: number };

export type FromValidation =
  | { type: 'result'; run: number; id: number; evaluation: FinalEvaluation }
  | { type: 'error'; run: number; id: number; message: string };

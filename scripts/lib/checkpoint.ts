/**
 * A training checkpoint on disk, so `npm run train -- --resume` continues where a run stopped,
 * in the same clone or a fresh one: the current weights (weights.json/.bin, named as tfjs names
 * them; the architecture comes from the spec), the optimizer's state (Adam's moments and step
 * count), and the loop state (last epoch, log, best epoch, the arguments, whose seed and epoch
 * number regenerate every random draw). The best weights are not repeated here: they are the
 * model the run writes beside meta.json. Checkpoints written before this layout (model.json and
 * best.bin in the folder) are still read.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedTensor } from '../../src/lib/engine/train';

export interface EpochLog {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  learningRate: number;
  seconds: number;
}

export interface CheckpointState {
  /** The last completed epoch, 0-based. */
  epoch: number;
  log: EpochLog[];
  bestEpoch: number;
  bestValAccuracy: number;
  args: unknown;
}

interface TensorIndex {
  name: string;
  shape: number[];
}

function writeTensors(dir: string, base: string, tensors: SavedTensor[]): void {
  const index: TensorIndex[] = tensors.map(({ name, shape }) => ({ name, shape }));
  const total = tensors.reduce((s, t) => s + t.data.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const t of tensors) {
    all.set(t.data, o);
    o += t.data.length;
  }
  writeFileSync(join(dir, `${base}.json`), JSON.stringify(index));
  writeFileSync(join(dir, `${base}.bin`), Buffer.from(all.buffer));
}

function readTensors(dir: string, base: string): SavedTensor[] {
  const index = JSON.parse(readFileSync(join(dir, `${base}.json`), 'utf8')) as TensorIndex[];
  const bytes = readFileSync(join(dir, `${base}.bin`));
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let o = 0;
  return index.map(({ name, shape }) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const data = all.slice(o, o + n);
    o += n;
    return { name, shape, data };
  });
}

function toMap(tensors: SavedTensor[]): Map<string, Float32Array> {
  return new Map(tensors.map((t) => [t.name, t.data]));
}

export function writeCheckpoint(
  dir: string,
  cp: { weights: Map<string, Float32Array>; optimizer: SavedTensor[]; state: CheckpointState },
): void {
  mkdirSync(dir, { recursive: true });
  // State last: a run killed mid-write leaves the previous state.json, whose epoch the
  // half-written files may be ahead of by one epoch at most.
  writeTensors(
    dir,
    'weights',
    [...cp.weights].map(([name, data]) => ({ name, shape: [data.length], data })),
  );
  writeTensors(dir, 'optimizer', cp.optimizer);
  const tmp = join(dir, 'state.json.tmp');
  writeFileSync(tmp, `${JSON.stringify(cp.state, null, 1)}\n`);
  renameSync(tmp, join(dir, 'state.json'));
}

export interface Checkpoint {
  /** The weights after the last completed epoch; null in an old-layout checkpoint (read model.json). */
  weights: Map<string, Float32Array> | null;
  optimizer: SavedTensor[];
  /** Only in old-layout checkpoints; new ones keep the best model beside meta.json. */
  best: Map<string, Float32Array> | null;
  state: CheckpointState;
}

export function readCheckpoint(dir: string): Checkpoint {
  const statePath = join(dir, 'state.json');
  if (!existsSync(statePath)) throw new Error(`${dir}: no checkpoint to resume from (no state.json)`);
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as CheckpointState;
  const weights = existsSync(join(dir, 'weights.json')) ? toMap(readTensors(dir, 'weights')) : null;
  const best = existsSync(join(dir, 'best.json')) ? toMap(readTensors(dir, 'best')) : null;
  return { weights, optimizer: readTensors(dir, 'optimizer'), best, state };
}

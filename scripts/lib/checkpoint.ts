/**
 * A training checkpoint on disk: the current model, the optimizer's state, the best weights
 * so far and the loop state, so `npm run train -- --resume` continues where a run stopped.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelArtifacts } from '../../src/lib/engine/io';
import type { SavedTensor } from '../../src/lib/engine/train';
import { writeModelArtifacts } from '../../src/node/modelFiles';

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

export async function writeCheckpoint(
  dir: string,
  cp: {
    artifacts: ModelArtifacts;
    optimizer: SavedTensor[];
    best: Map<string, Float32Array> | null;
    state: CheckpointState;
  },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeModelArtifacts(dir, cp.artifacts);
  writeTensors(dir, 'optimizer', cp.optimizer);
  if (cp.best)
    writeTensors(
      dir,
      'best',
      [...cp.best].map(([name, data]) => ({ name, shape: [data.length], data })),
    );
  writeFileSync(join(dir, 'state.json'), JSON.stringify(cp.state, null, 1));
}

export function readCheckpoint(dir: string): {
  optimizer: SavedTensor[];
  best: Map<string, Float32Array> | null;
  state: CheckpointState;
} {
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as CheckpointState;
  const best = existsSync(join(dir, 'best.json'))
    ? new Map(readTensors(dir, 'best').map((t) => [t.name, t.data]))
    : null;
  return { optimizer: readTensors(dir, 'optimizer'), best, state };
}

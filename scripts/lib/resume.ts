/** Resuming a training run: the settings it started with and the best weights it kept. */
import { join } from 'node:path';
import { getNamedWeights } from '../../src/lib/engine/build';
import { loadModelFromArtifacts } from '../../src/lib/engine/io';
import { readModelArtifacts } from '../../src/node/modelFiles';

/**
 * A resumed run continues with the settings it started with (so the schedule, the shuffles and
 * the split stay the same) unless an option is given again on the command line.
 */
export const RUN_SETTINGS = [
  'seed',
  'epochs',
  'batch',
  'lr',
  'optimizer',
  'weight-decay',
  'flip',
  'crop',
  'val',
  'patience',
  'limit',
];

export function adoptRunSettings(args: Record<string, unknown>, saved: unknown, argv: string[]): void {
  if (typeof saved !== 'object' || saved === null) return;
  const given = (k: string) =>
    argv.some((a) => a === `--${k}` || a === `--no-${k}` || a.startsWith(`--${k}=`));
  for (const k of RUN_SETTINGS) {
    const v = (saved as Record<string, unknown>)[k];
    if (given(k) || v === undefined || typeof v !== typeof args[k]) continue;
    if (v !== args[k]) process.stderr.write(`--${k} ${String(v)} (as the run started)\n`);
    args[k] = v;
  }
}

/** The best weights so far: the model the run last wrote beside meta.json. */
export async function readBest(out: string): Promise<Map<string, Float32Array>> {
  const { model } = await loadModelFromArtifacts(readModelArtifacts(out), join(out, 'model.json'));
  try {
    return getNamedWeights(model);
  } finally {
    model.dispose();
  }
}

/**
 * Which nets the net worker builds and runs, and what a build there takes along: pure
 * decisions, apart from the worker and the page so they are tested in Node.
 */
import { inferShapes, totals } from '../../lib/spec/inferShapes';
import type { NetworkSpec } from '../../lib/spec/types';
import type { NetRunner } from '../../lib/tensor/types';
import type { WeightBankMessage } from '../../lib/engine/worker/netProtocol';

/**
 * Nets above this many multiply-adds per image run in the worker. One forward pass of such a
 * net takes tens of milliseconds or more on the page's thread; below it (TinyVGG: ~4 M, the
 * CIFAR-10 nets: ~10–40 M) the page's own engine answers within a frame and keeps the
 * synchronous path that live camera and image switching rely on.
 */
export const WORKER_MACS = 100e6;

/**
 * Nets with more weights than this also run in the worker, whatever their multiply-adds: building
 * and filling 4 M weights in tfjs (16 MB) takes the page's thread well over 100 ms, and an
 * imported file's dense-heavy net (an 80 MB ONNX classifier head, say) took it 3–4 s.
 */
export const WORKER_PARAMS = 4e6;

export function runsInWorker(spec: NetworkSpec, limit = WORKER_MACS, params = WORKER_PARAMS): boolean {
  const sum = totals(inferShapes(spec));
  return sum.valid && (sum.macs > limit || sum.params > params);
}

/** The side of the square input the net takes (0 when it has no spatial input). */
export function inputSizeOf(spec: NetworkSpec): number {
  const table = inferShapes(spec);
  const first = table.order[0];
  const info = first === undefined ? undefined : table.layers.get(first);
  return info?.status === 'ok' ? (info.shape[0] ?? 0) : 0;
}

/**
 * What a rebuild that keeps weights may take them from, as the worker wants it: the current
 * net (its values copied, so moving them to the worker leaves the runner whole), then the
 * pretrained bank (copied likewise: the host keeps it).
 */
export function banksFor(
  current: NetRunner | null,
  untrained: ReadonlySet<string>,
  bank: { values: ReadonlyMap<string, Float32Array>; shapes: ReadonlyMap<string, number[]> } | undefined,
): WeightBankMessage[] {
  const out: WeightBankMessage[] = [];
  if (current)
    out.push({
      values: [...current.namedWeights()],
      shapes: [...current.weightShapes()],
      untrained: [...untrained],
    });
  if (bank)
    out.push({
      values: [...bank.values].map(([n, v]) => [n, v.slice()]),
      shapes: [...bank.shapes],
      untrained: [],
    });
  return out;
}

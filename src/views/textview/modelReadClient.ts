/**
 * The page's side of the model-reading worker: one fresh worker per file, ended when it
 * answers. A newer open ends an older one still running (its promise rejects with
 * SupersededOpen, which the pane ignores). Without Worker (Node tests) the same code runs here.
 */
import type { Imported } from '../../lib/formats';
import { openModel } from '../../lib/formats/modelRead/importModel';
import {
  fromWire,
  type FromModelWorker,
  type OpenRequest,
  type OpenStage,
} from '../../lib/formats/modelRead/protocol';

/** A newer file was opened before this one was read. */
export class SupersededOpen extends Error {}

/** The worker itself stopped (out of memory, a script that failed to load). */
export class ReaderCrashed extends Error {}

let nextId = 1;
let running: { cancel(): void } | null = null;

export function openModelOffThread(
  request: Omit<OpenRequest, 'type' | 'id'>,
  onStage: (stage: OpenStage) => void,
): Promise<Imported> {
  if (typeof Worker === 'undefined') return openModel(request, onStage);
  running?.cancel();
  const id = nextId++;
  return new Promise<Imported>((resolve, reject) => {
    const worker = new Worker(new URL('../../lib/formats/modelRead/modelReadWorker.ts', import.meta.url), {
      type: 'module',
      name: 'model-reader',
    });
    const self = {
      cancel: () => {
        end();
        reject(new SupersededOpen());
      },
    };
    const end = () => {
      worker.terminate();
      if (running === self) running = null;
    };
    running = self;
    worker.onmessage = (e: MessageEvent<FromModelWorker>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') return onStage(m);
      end();
      if (m.type === 'opened') resolve(m.imported);
      else reject(fromWire(m.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new ReaderCrashed(e.message || 'the model reader stopped'));
    };
    // The shards are the page's only for this import: handed over, not copied.
    const buffers = new Set<ArrayBuffer>();
    for (const s of request.shards.values()) if (s.buffer instanceof ArrayBuffer) buffers.add(s.buffer);
    worker.postMessage({ type: 'open', id, ...request } satisfies OpenRequest, [...buffers]);
  });
}

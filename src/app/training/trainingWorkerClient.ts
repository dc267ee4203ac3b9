/**
 * The page's side of the training worker: starts it (one module worker, made on first use),
 * hands it the bundled wasm files' URLs (a worker cannot see the page's `setWasmPaths`), and
 * passes typed messages both ways.
 */
import type { FromWorker, ToWorker } from '../../lib/training/protocol';
import { wasmFileUrls } from '../../lib/engine/wasmFiles';

export class TrainingWorkerClient {
  private readonly worker: Worker;

  constructor(onMessage: (message: FromWorker) => void, onCrash: (reason: string) => void) {
    this.worker = new Worker(new URL('../../lib/engine/worker/trainingWorker.ts', import.meta.url), {
      type: 'module',
      name: 'training',
    });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    this.worker.onerror = (e) => onCrash(e.message || 'the training worker failed to start');
    this.send({
      type: 'init',
      // Absolute, so the worker (whose base URL is its own script's) finds the same files.
      wasmPaths: wasmFileUrls(document.baseURI),
    });
  }

  send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

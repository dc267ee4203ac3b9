/**
 * The page's side of the training worker: starts it (one module worker, made on first use),
 * hands it the bundled wasm files' URLs (a worker cannot see the page's `setWasmPaths`), and
 * passes typed messages both ways.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { FromWorker, ToWorker } from '../../lib/training/protocol';

/** Absolute, so the worker (whose base URL is its own script's) finds the same files. */
function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

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
      wasmPaths: {
        'tfjs-backend-wasm.wasm': absolute(wasmPlain),
        'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
        'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
      },
    });
  }

  send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/**
 * The net worker: TensorFlow.js (wasm) off the page's main thread for big networks. It
 * builds them (random initialisation of millions of weights included), runs them and sends
 * every layer's activations back as transferable arrays; see NetWorkerHandler for the logic.
 * Requests are answered one at a time, in order; a `cancel` is acted on as it arrives (a
 * "Why?" run pauses between its pieces, so it is heard), and progress is posted as it comes.
 */
import { initBackend } from '../backend';
import { NetWorkerHandler } from './netHandler';
import type { FromNetWorker, ToNetWorker } from './netProtocol';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const handler = new NetWorkerHandler();
let queue: Promise<unknown> = Promise.resolve();

function post(message: FromNetWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = (event: MessageEvent<ToNetWorker>) => {
  const request = event.data;
  if (request.type === 'init') {
    queue = initBackend({ order: ['wasm', 'cpu'], wasmPaths: request.wasmPaths }).then(
      (backend) => post({ type: 'ready', id: request.id, backend }),
      (e: unknown) =>
        post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  if (request.type === 'cancel') {
    handler.cancel(request.target);
    return;
  }
  queue = queue.then(async () => {
    const { message, transfer } = await handler.handle(request, post);
    post(message, transfer);
  });
};

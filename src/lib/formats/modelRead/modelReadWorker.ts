/**
 * The model-reading worker: reads a dropped model file and decodes it (protobuf, prototxt,
 * JSON) off the main thread, so a 100 MB weight file never freezes the page. One request per
 * worker; the page starts a fresh one for each file and ends it after the answer.
 */
import { openModel } from './importModel';
import { toWire, transferablesOf, type FromModelWorker, type OpenRequest } from './protocol';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

function post(message: FromModelWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = async (e: MessageEvent<OpenRequest>) => {
  const { id, ...request } = e.data;
  try {
    const imported = await openModel(request, (stage) => post({ type: 'progress', id, ...stage }));
    post({ type: 'opened', id, imported }, transferablesOf(imported));
  } catch (err) {
    post({ type: 'failed', id, error: toWire(err) });
  }
};

/**
 * A net worker in the same thread, for Node tests: messages are cloned with their transfer
 * lists as `postMessage` does (transferred buffers are detached), requests are answered one
 * at a time in order, progress is passed on as it comes, and a `cancel` acts at once, as
 * netWorker.ts does.
 */
import { tf } from '../../src/lib/engine/tf';
import { NetWorkerHandler } from '../../src/lib/engine/worker/netHandler';
import type { FromNetWorker, ToNetWorker } from '../../src/lib/engine/worker/netProtocol';
import { NetWorkerClient, type WorkerPort } from '../../src/app/net/netWorkerClient';

export class HandlerPort implements WorkerPort {
  onmessage: ((event: MessageEvent<FromNetWorker>) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  constructor(readonly handler: NetWorkerHandler) {}

  postMessage(message: ToNetWorker, transfer: Transferable[]): void {
    const copy = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
    if (copy.type === 'cancel') return this.handler.cancel(copy.target);
    const answer = (m: FromNetWorker, t: ArrayBuffer[]) =>
      this.onmessage?.({ data: structuredClone(m, { transfer: t }) } as MessageEvent<FromNetWorker>);
    this.queue = this.queue.then(async () => {
      if (copy.type === 'init') return answer({ type: 'ready', id: copy.id, backend: tf.getBackend() }, []);
      const { message: reply, transfer: moved } = await this.handler.handle(copy, answer);
      answer(reply, moved);
    });
  }
}

export function handlerClient(): { client: NetWorkerClient; handler: NetWorkerHandler } {
  const handler = new NetWorkerHandler();
  return { client: new NetWorkerClient(new HandlerPort(handler), {}), handler };
}

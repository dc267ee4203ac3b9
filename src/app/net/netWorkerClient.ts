/**
 * The page's side of the net worker (src/lib/engine/worker/netWorker.ts): one module worker,
 * started on first use (or ahead, by `warm`, when the zoo opens), told where the bundled wasm
 * files are, and asked by promise: every request gets the one reply with its id. A worker
 * that cannot start rejects every request with the reason, so callers can build on the page.
 */
import type { FromNetWorker, ToNetWorker } from '../../lib/engine/worker/netProtocol';
import { wasmFileUrls } from '../../lib/engine/wasmFiles';

type Request = ToNetWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** Where requests go: a real Worker, or (in tests) anything with the same two members. */
export interface WorkerPort {
  postMessage(message: ToNetWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromNetWorker>) => void) | null;
}

export class NetWorkerClient {
  private nextId = 1;
  private nextModel = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (m: FromNetWorker) => void; reject: (e: Error) => void }
  >();
  private broken: Error | null = null;
  readonly ready: Promise<string>;

  constructor(
    private readonly port: WorkerPort,
    wasmPaths: Record<string, string>,
  ) {
    port.onmessage = (event) => {
      const m = event.data;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.type === 'error') w?.reject(new Error(m.message));
      else w?.resolve(m);
    };
    this.ready = this.request({ type: 'init', wasmPaths }).then((m) => (m.type === 'ready' ? m.backend : ''));
  }

  /** A fresh model number for a `build`. */
  newModel(): number {
    return this.nextModel++;
  }

  /** Fails every waiting and later request with `reason` (the worker crashed or could not start). */
  fail(reason: string): void {
    this.broken = new Error(reason);
    for (const w of this.waiting.values()) w.reject(this.broken);
    this.waiting.clear();
  }

  request(message: Request, transfer: Transferable[] = []): Promise<FromNetWorker> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.port.postMessage({ ...message, id } as ToNetWorker, transfer);
    });
  }
}

let shared: NetWorkerClient | null = null;

/** The page's one net worker, started on first call; null where workers cannot run. */
export function netWorker(): NetWorkerClient | null {
  if (shared) return shared;
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('../../lib/engine/worker/netWorker.ts', import.meta.url), {
    type: 'module',
    name: 'nets',
  });
  const client = new NetWorkerClient(worker as unknown as WorkerPort, wasmFileUrls(document.baseURI));
  worker.onerror = (e) => {
    client.fail(e.message || 'the net worker failed to start');
    if (shared === client) shared = null; // the next big net tries a new worker
  };
  shared = client;
  return client;
}

/** Starts the worker (and its wasm) ahead of a big net, e.g. when the zoo opens. */
export function warmNetWorker(): void {
  netWorker()?.ready.catch(() => undefined);
}

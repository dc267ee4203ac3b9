/**
 * The page's side of the net worker (src/lib/engine/worker/netWorker.ts): one module worker,
 * started on first use (or ahead, by `warm`, when the zoo opens), told where the bundled wasm
 * files are, and asked by promise: every request gets the one reply with its id. A worker
 * that cannot start rejects every request with the reason, so callers can build on the page.
 */
import type { FromNetWorker, ToNetWorker } from '../../lib/engine/worker/netProtocol';
import type { ProgressMessage } from '../../lib/engine/worker/attributionProtocol';
import { wasmFileUrls } from '../../lib/engine/wasmFiles';

type Request = ToNetWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** What a long request may take: a listener for its progress, and a signal that cancels it. */
export interface RequestHooks {
  onProgress?: (m: ProgressMessage) => void;
  signal?: AbortSignal;
}

type Answer = Exclude<FromNetWorker, ProgressMessage>;

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
    { resolve: (m: Answer) => void; reject: (e: Error) => void; progress?: (m: ProgressMessage) => void }
  >();
  private broken: Error | null = null;
  readonly ready: Promise<string>;

  constructor(
    private readonly port: WorkerPort,
    wasmPaths: Record<string, string>,
  ) {
    port.onmessage = (event) => {
      const m = event.data;
      if (m.type === 'progress') return this.waiting.get(m.id)?.progress?.(m);
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

  /**
   * Sends `message`; resolves with its answer. Aborting `hooks.signal` rejects at once with the
   * signal's reason and tells the worker to stop (its late answer, if any, is dropped).
   */
  request(message: Request, transfer: Transferable[] = [], hooks: RequestHooks = {}): Promise<Answer> {
    if (this.broken) return Promise.reject(this.broken);
    const { signal, onProgress } = hooks;
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const stop = (): void => {
        if (!this.waiting.delete(id)) return;
        this.port.postMessage({ type: 'cancel', id: 0, target: id }, []);
        reject(signal?.reason as Error);
      };
      const done = (): void => signal?.removeEventListener('abort', stop);
      this.waiting.set(id, {
        resolve: (m) => (done(), resolve(m)),
        reject: (e) => (done(), reject(e)),
        progress: onProgress,
      });
      signal?.addEventListener('abort', stop);
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

/**
 * The non-reactive half of the graph layout: a cache keyed by topology and node sizes,
 * inline dagre for small graphs and a worker for big ones. Answers come back by callback.
 */
import { layoutGraph, type GraphLayout } from '../../../lib/editor/layout';
import type { NetworkSpec } from '../../../lib/spec/types';
import type { LayoutReply, LayoutRequest } from './layoutMessages';

/** Below this many layers dagre answers within a frame; above, it goes to the worker. */
const INLINE_LIMIT = 40;
const CACHE_SIZE = 24;

export type Sizes = Record<string, { width: number; height: number }>;

export const EMPTY_LAYOUT: GraphLayout = { nodes: new Map(), edges: [], width: 0, height: 0 };

function keyOf(spec: NetworkSpec, sizes: Sizes): string {
  return JSON.stringify(spec.layers.map((l) => [l.id, l.inputs, sizes[l.id]?.width, sizes[l.id]?.height]));
}

function fromReply(r: LayoutReply): GraphLayout {
  return { nodes: new Map(r.nodes.map((n) => [n.id, n])), edges: r.edges, width: r.width, height: r.height };
}

export class LayoutService {
  private readonly cache = new Map<string, GraphLayout>();
  private readonly keys = new Map<number, string>();
  private worker: Worker | null = null;
  private latest = 0;

  /** `show` receives the layout for the latest request, at once when cached or small. Returns whether it is pending. */
  request(spec: NetworkSpec, sizes: Sizes, show: (layout: GraphLayout) => void): boolean {
    const key = keyOf(spec, sizes);
    const id = ++this.latest;
    const hit = this.cache.get(key);
    if (hit) {
      show(hit);
      return false;
    }
    if (spec.layers.length <= INLINE_LIMIT || typeof Worker === 'undefined') {
      show(
        this.store(
          key,
          layoutGraph(spec, (l) => sizes[l.id] ?? { width: 184, height: 50 }),
        ),
      );
      return false;
    }
    const worker = (this.worker ??= new Worker(new URL('./layoutWorker.ts', import.meta.url), {
      type: 'module',
    }));
    worker.onmessage = (e: MessageEvent<LayoutReply>) => {
      const k = this.keys.get(e.data.id);
      this.keys.delete(e.data.id);
      const layout = fromReply(e.data);
      if (k) this.store(k, layout);
      // An older answer is cached but not shown: a newer request is on its way.
      if (e.data.id === this.latest) show(layout);
    };
    this.keys.set(id, key);
    const message: LayoutRequest = { id, spec: structuredClone(spec), sizes };
    worker.postMessage(message);
    return true;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private store(key: string, layout: GraphLayout): GraphLayout {
    this.cache.set(key, layout);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return layout;
  }
}

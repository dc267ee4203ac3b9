/**
 * The training worker's side of shapesWorker.ts: asks it to draw images of a LazyShapes in a
 * given order and puts what comes back into the source. Where workers cannot be started (Node)
 * nothing is prefetched and the source draws every image itself.
 */
import type { LazyShapes } from '../../data/synthetic/lazy';

export interface ShapesRequest {
  seed: number;
  size: number;
  /** Image indices, the soonest needed first. */
  order: Int32Array;
}

export interface ShapesChunk {
  indices: Int32Array;
  pixels: Uint8Array;
}

export class ShapesPrefetch {
  private worker: Worker | null = null;

  constructor(
    private readonly shapes: LazyShapes,
    private readonly seed: number,
  ) {
    if (typeof Worker === 'undefined') return;
    try {
      this.worker = new Worker(new URL('./shapesWorker.ts', import.meta.url), {
        type: 'module',
        name: 'shapes',
      });
      this.worker.onmessage = (e: MessageEvent<ShapesChunk>) =>
        this.shapes.accept(e.data.indices, e.data.pixels);
      this.worker.onerror = () => this.dispose();
    } catch {
      this.worker = null;
    }
  }

  /** Draws these images ahead, in this order (replacing any earlier order). */
  prefetch(order: ArrayLike<number>): void {
    const request: ShapesRequest = { seed: this.seed, size: this.shapes.size, order: Int32Array.from(order) };
    this.worker?.postMessage(request, [request.order.buffer]);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

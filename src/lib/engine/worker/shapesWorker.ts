/**
 * Draws the built-in shapes for the training worker on the other core, in the order training
 * will ask for them, and hands them over in small chunks (transferred, not copied). Drawing an
 * image (~0.5 ms) cost the training worker about a fifth of each first-epoch step; whatever this
 * worker has not delivered yet, the training worker still draws itself, to the same bytes.
 */
import { shapeImageAt } from '../../data/synthetic';
import { DEFAULT_RENDER } from '../../data/synthetic/render';
import type { ShapesChunk, ShapesRequest } from './shapesPrefetch';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const CHUNK = 16;
let job = 0;
const drawn = new Set<number>();

async function draw(request: ShapesRequest, mine: number): Promise<void> {
  const render = { ...DEFAULT_RENDER, size: request.size };
  const per = request.size * request.size * 3;
  const todo = Array.from(request.order).filter((i) => !drawn.has(i));
  for (let start = 0; start < todo.length; start += CHUNK) {
    // A newer order replaces this one; it is read between chunks.
    if (job !== mine) return;
    const t0 = performance.now();
    const indices = Int32Array.from(todo.slice(start, start + CHUNK));
    const pixels = new Uint8Array(indices.length * per);
    indices.forEach((index, k) => {
      shapeImageAt(request.seed, index, render, pixels.subarray(k * per, (k + 1) * per));
      drawn.add(index);
    });
    const chunk: ShapesChunk = { indices, pixels };
    scope.postMessage(chunk, [indices.buffer, pixels.buffer]);
    // Half the time idle: still ~2× faster than a step consumes images, and the page's main thread,
    // which shares the two cores with both workers, is not crowded out while it redraws.
    await new Promise((r) => setTimeout(r, performance.now() - t0));
  }
}

scope.onmessage = (event: MessageEvent<ShapesRequest>) => {
  void draw(event.data, ++job);
};

/**
 * The graph's layout as reactive state. Layouts are cached by topology and node sizes, so
 * a parameter edit that changes neither costs nothing; big graphs are laid out in a worker
 * while the last layout stays on screen (marked pending). A layout that brings many new nodes
 * (a big net opened) is shown a chunk of nodes per frame (`shown`), so no one task mounts them all.
 */
import { flushSync, untrack } from 'svelte';
import type { GraphLayout } from '../../../lib/editor/layout';
import { firstMount, newNodeCount, nextMount } from '../../../lib/editor/mountChunks';
import type { NetworkSpec } from '../../../lib/spec/types';
import { EMPTY_LAYOUT, LayoutService, type Sizes } from './layoutService';

/** A frame's time for mounting nodes, leaving as much again to their style, layout and paint. */
const FRAME_BUDGET_MS = 8;

export class LayoutRunner {
  layout = $state.raw<GraphLayout>(EMPTY_LAYOUT);
  /** A worker layout is on its way. */
  pending = $state(false);
  /** How many of the spec's layers (in order) have their nodes mounted; Infinity: all. */
  shown = $state(Number.POSITIVE_INFINITY);
  private readonly service = new LayoutService();
  private frame = 0;

  update(spec: NetworkSpec, sizes: Sizes): void {
    this.pending = this.service.request(spec, sizes, (layout) => {
      // Read without tracking: the caller may be an effect, which must not rerun on a new layout.
      const fresh = newNodeCount(new Set(untrack(() => this.layout).nodes.keys()), layout.nodes.keys());
      this.mountInChunks(firstMount(layout.nodes.size, fresh), layout.nodes.size);
      this.layout = layout;
      this.pending = false;
    });
  }

  private mountInChunks(first: number, total: number): void {
    // Where there are no frames (Node), everything at once.
    const inFrames = typeof requestAnimationFrame !== 'undefined';
    if (inFrames) cancelAnimationFrame(this.frame);
    const shown = inFrames ? first : Number.POSITIVE_INFINITY;
    // Written, never read here: the caller may be an effect, which must not depend on it.
    this.shown = shown;
    if (!Number.isFinite(shown)) return;
    let added = first;
    let spent = 0;
    const step = (): void => {
      const before = this.shown;
      this.shown = nextMount(before, total, added, spent, FRAME_BUDGET_MS);
      const t = performance.now();
      flushSync();
      spent = performance.now() - t;
      added = Number.isFinite(this.shown) ? this.shown - before : total - before;
      if (Number.isFinite(this.shown)) this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  dispose(): void {
    if (typeof cancelAnimationFrame !== 'undefined') cancelAnimationFrame(this.frame);
    this.service.dispose();
  }
}

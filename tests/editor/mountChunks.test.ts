import { describe, expect, it } from 'vitest';
import {
  FIRST_CHUNK,
  firstMount,
  MOUNT_AT_ONCE,
  newNodeCount,
  nextMount,
} from '../../src/lib/editor/mountChunks';

describe('mounting a graph in chunks', () => {
  it('counts the ids a layout adds to those shown', () => {
    expect(newNodeCount(new Set(['a', 'b']), ['a', 'b', 'c', 'd'])).toBe(2);
    expect(newNodeCount(new Set(), ['a'])).toBe(1);
    expect(newNodeCount(new Set(['a']), [])).toBe(0);
  });

  it('mounts a small net or an edit at once, and a big new net from a first chunk', () => {
    expect(firstMount(13, 13)).toBe(Infinity);
    expect(firstMount(157, 1)).toBe(Infinity);
    expect(firstMount(157, MOUNT_AT_ONCE)).toBe(Infinity);
    expect(firstMount(157, 157)).toBe(FIRST_CHUNK);
    expect(FIRST_CHUNK).toBeLessThan(MOUNT_AT_ONCE);
  });

  it('sizes the next chunk from the last one’s cost per node and the budget', () => {
    // 40 nodes in 20 ms: 0.5 ms a node, 12 ms of budget → 24 more.
    expect(nextMount(40, 157, 40, 20, 12)).toBe(64);
    // Cheap nodes: at most twice the last chunk.
    expect(nextMount(40, 157, 20, 1, 12)).toBe(80);
    // Nothing timed yet: a first-sized chunk.
    expect(nextMount(16, 157, 16, 0, 12)).toBe(16 + FIRST_CHUNK);
    // A very slow frame still adds the smallest chunk.
    expect(nextMount(40, 157, 40, 400, 12)).toBe(48);
  });

  it('shows everything once the chunk reaches the end, and never stalls', () => {
    expect(nextMount(150, 157, 40, 10, 12)).toBe(Infinity);
    expect(nextMount(157, 157, 0, 0, 12)).toBe(Infinity);
    let shown = FIRST_CHUNK;
    let frames = 0;
    while (Number.isFinite(shown) && frames < 100) {
      const next = nextMount(shown, 157, 8, 1000, 12);
      expect(next).toBeGreaterThan(shown);
      shown = next;
      frames++;
    }
    expect(shown).toBe(Infinity);
  });
});

/**
 * Mounting a big graph's nodes a chunk per frame, so no one task builds them all: how many
 * to show first (all of them when few are new), and how many the next frame adds, sized from
 * what the last chunk cost against a frame budget.
 */

/** Up to this many new nodes mount at once (a small net, an edit); more go in chunks. */
export const MOUNT_AT_ONCE = 40;

/**
 * Nodes in a big net's first chunk: a node costs ~0.5 ms to mount and about as much again in
 * the frame's style and layout, which the mounting's own timing does not see.
 */
export const FIRST_CHUNK = 16;

/** The smallest chunk, so a slow frame still makes progress. */
const MIN_CHUNK = 8;

/** How many new nodes a layout brings: ids in `next` that `shown` does not have. */
export function newNodeCount(shown: ReadonlySet<string>, next: Iterable<string>): number {
  let n = 0;
  for (const id of next) if (!shown.has(id)) n++;
  return n;
}

/** How many of `total` nodes to show first when a layout brings `fresh` new ones (Infinity: all). */
export function firstMount(total: number, fresh: number): number {
  return fresh <= MOUNT_AT_ONCE || total <= MOUNT_AT_ONCE ? Number.POSITIVE_INFINITY : FIRST_CHUNK;
}

/**
 * The count to show after a frame that mounted `added` nodes in `spentMs`: as many more as fit
 * in `budgetMs` at that cost per node, at least MIN_CHUNK, at most twice the last chunk (a
 * cheap frame, e.g. one that timed nothing, does not let the next take everything). Infinity
 * once `total` is reached.
 */
export function nextMount(
  shown: number,
  total: number,
  added: number,
  spentMs: number,
  budgetMs: number,
): number {
  if (shown >= total) return Number.POSITIVE_INFINITY;
  const perNode = added > 0 && spentMs > 0 ? spentMs / added : 0;
  const fits = perNode > 0 ? Math.floor(budgetMs / perNode) : FIRST_CHUNK;
  const chunk = Math.max(MIN_CHUNK, Math.min(fits, Math.max(MIN_CHUNK, added) * 2));
  const next = shown + chunk;
  return next >= total ? Number.POSITIVE_INFINITY : next;
}

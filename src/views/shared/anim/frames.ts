/** The only place the formula animations touch requestAnimationFrame. */

/** Calls `onFrame(elapsedMs)` every frame while it returns true; the returned function cancels. */
export function runFrames(onFrame: (elapsedMs: number) => boolean): () => void {
  let id = 0;
  let last: number | null = null;
  let stopped = false;
  const loop = (now: number) => {
    if (stopped) return;
    const elapsed = last === null ? 0 : now - last;
    last = now;
    if (onFrame(elapsed)) id = requestAnimationFrame(loop);
    else stopped = true;
  };
  id = requestAnimationFrame(loop);
  return () => {
    stopped = true;
    cancelAnimationFrame(id);
  };
}

/** The user asked for less motion: no autoplay, and steps instead of tweens. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

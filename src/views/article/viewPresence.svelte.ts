/**
 * Which `data-view` panels are on the page right now. Panels land (and open, and close) at
 * any time, so the page is watched and, when a change added or removed one, re-checked when
 * the page is idle (at most 250 ms on): a big net's overview mounts a chunk per frame, and a
 * check in each of those frames (a query over the whole page per view) made them longer.
 */
import { findView, viewsMayHaveChanged } from '../shell/reveal';

export class ViewPresence {
  present = $state.raw<readonly string[]>([]);

  constructor(private readonly names: readonly string[]) {}

  /** Starts watching; returns the clean-up (for an $effect). */
  watch(): () => void {
    let pending: (() => void) | null = null;
    const check = (): void => {
      pending = null;
      const now = this.names.filter((n) => findView(n));
      if (now.join() !== this.present.join()) this.present = now;
    };
    // Only changes that add or remove a view are worth a look (see viewsMayHaveChanged).
    const observer = new MutationObserver((records) => {
      if (pending || !viewsMayHaveChanged(records)) return;
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(check, { timeout: 250 });
        pending = () => cancelIdleCallback(id);
      } else {
        const id = requestAnimationFrame(check);
        pending = () => cancelAnimationFrame(id);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    check();
    return () => {
      observer.disconnect();
      pending?.();
    };
  }
}

/**
 * Which `data-view` panels are on the page right now. Panels land (and open, and close) at
 * any time, so the page is watched and re-checked once per frame at most, when a change added
 * or removed one.
 */
import { findView, viewsMayHaveChanged } from '../shell/reveal';

export class ViewPresence {
  present = $state.raw<readonly string[]>([]);

  constructor(private readonly names: readonly string[]) {}

  /** Starts watching; returns the clean-up (for an $effect). */
  watch(): () => void {
    let frame = 0;
    const check = (): void => {
      frame = 0;
      const now = this.names.filter((n) => findView(n));
      if (now.join() !== this.present.join()) this.present = now;
    };
    // Only changes that add or remove a view are worth a look (see viewsMayHaveChanged).
    const observer = new MutationObserver((records) => {
      if (!frame && viewsMayHaveChanged(records)) frame = requestAnimationFrame(check);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    check();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }
}

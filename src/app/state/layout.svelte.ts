/**
 * The page layout's state: the side panel (the architecture editor's place) is a resizable
 * column beside the views on wide screens and a drawer below `DRAWER_BELOW` pixels.
 */
import { loadDeferredMessages } from '../../lib/i18n';
import {
  clampSideWidth,
  defaultSideWidth,
  isNarrow,
  NARROW_QUERY,
  SIDE_DEFAULT,
  SIDE_STORAGE_KEY as STORAGE_KEY,
} from './sideWidth';

export { clampSideWidth, defaultSideWidth, DRAWER_BELOW, SIDE_DEFAULT, SIDE_MIN } from './sideWidth';

function savedWidth(): number {
  const fallback = typeof window === 'undefined' ? SIDE_DEFAULT : defaultSideWidth(window.innerWidth);
  try {
    const n = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(n) && n > 0 ? n : fallback;
  } catch {
    return fallback;
  }
}

export class LayoutState {
  /**
   * True below DRAWER_BELOW: the side panel is a drawer instead of a column. Known from the
   * start, so a phone's first render is already its own layout (and the build's narrow prerender).
   */
  narrow = $state(isNarrow());
  /** Whether the drawer is open (only meaningful when narrow). */
  drawerOpen = $state(false);
  sideWidth = $state(savedWidth());
  /**
   * Panels other than the overview (editor, training, playground, article) mount from their
   * own chunks once the first overview is on screen (or loading failed), so they do not
   * delay it; the overview releases them after its `overview-drawn` mark (on a frame of
   * their own they raced it, and a panel's 11 kB chunk could count as first-load cost).
   */
  panelsReleased = $state(false);
  /** Deferred panels still loading their chunk. */
  private panelsLoading = $state(0);
  /** Of those, the first screen's: the editor beside the views, and the neuron detail a click opens. */
  private firstLoading = $state(0);
  /**
   * The panels below the first screen (training, playground, article) start once the ones on it
   * are there: they all came at once and the editor, on screen from the start, was the last of
   * them to appear (its chunk is the largest), ~0.4 s after the others on a loaded machine.
   */
  laterReleased = $derived(this.panelsReleased && this.firstLoading === 0);
  /** Every deferred panel is on the page (or failed to load): what the tour waits for. */
  panelsSettled = $derived(this.panelsReleased && this.panelsLoading === 0);

  private releasing = false;

  /**
   * Lets the panels mount once the messages only they use have loaded (loadDeferredMessages);
   * should that download fail, they come anyway, and each deferred panel asks again and says so.
   */
  releasePanels(): void {
    if (this.releasing) return;
    this.releasing = true;
    void loadDeferredMessages().then(
      () => (this.panelsReleased = true),
      () => (this.panelsReleased = true),
    );
  }

  /**
   * A deferred panel registers while it loads; call the returned function once it is there.
   * `first`: a panel on the first screen, which the others wait for (laterReleased).
   */
  panelLoading(first = false): () => void {
    this.panelsLoading++;
    if (first) this.firstLoading++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.panelsLoading--;
      if (first) this.firstLoading--;
    };
  }

  /** Follows the window size; returns the clean-up. */
  watch(): () => void {
    const query = matchMedia(NARROW_QUERY);
    const update = (): void => {
      this.narrow = query.matches;
      if (!this.narrow) this.drawerOpen = false;
    };
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }

  /** Brings the side panel into view: opens the drawer on narrow screens. */
  showSide(): void {
    if (this.narrow) this.drawerOpen = true;
  }

  setSideWidth(width: number): void {
    this.sideWidth = clampSideWidth(width, window.innerWidth);
    try {
      localStorage.setItem(STORAGE_KEY, String(this.sideWidth));
    } catch {
      // The width just won't survive a reload.
    }
  }
}

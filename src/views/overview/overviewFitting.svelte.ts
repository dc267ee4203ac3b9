/**
 * How the overview fits its frame: the map size and gaps (fitOverview) for the frame's width
 * and the window's height below it (above a narrow window's drawer toggle), and which edges hide columns (the fades). It starts at the
 * build's prerender fit or the on-screen snapshot's, else at the defaults until measured.
 */
import type { OverviewColumn } from '../../lib/overview/columns';
import { DEFAULT_LAYOUT, type LayoutOptions } from '../../lib/overview/layout';
import { fitOverview, type OverviewFit } from './fitBox';
import { snapshotFit, usePrerenderFit } from './prerenderFit';
import { fitHeight, isNarrow } from '../../app/state/sideWidth';
import { COMPACT_NAME_REM, widestText } from './measureNames';

const DEFAULT_FIT: OverviewFit = {
  box: DEFAULT_LAYOUT.box,
  columnGap: DEFAULT_LAYOUT.columnGap,
  minSlot: DEFAULT_LAYOUT.minSlot,
  outputWidth: DEFAULT_LAYOUT.outputWidth,
  compact: false,
};

export class OverviewFitting {
  fit = $state.raw<OverviewFit>(DEFAULT_FIT);
  /** Set once the layout has been fitted to the window; the maps are built only then. */
  measured = $state(false);
  /** Columns hidden past the left or the right edge: that edge fades. */
  more = $state({ left: false, right: false });
  scroller: HTMLDivElement | undefined = $state();

  /** Called as the component is set up (it reads the prerender's context). */
  /** The widest class name in the compact output row's type (its column widens for it where it can). */
  readonly outputNameWidth: number = $derived.by(() => widestText(this.outputNames(), COMPACT_NAME_REM));

  constructor(
    private readonly columns: () => readonly OverviewColumn[],
    private readonly base: () => LayoutOptions,
    /** The output column's class names as shown. */
    private readonly outputNames: () => readonly string[] = () => [],
  ) {
    // Only the build's prerender provides a fit (src/prerender); the page measures its own.
    const prerenderFit = usePrerenderFit();
    // In the browser: the snapshot's fit, when it shows the first overview (the same fitting).
    const shownFit = prerenderFit ? null : snapshotFit();
    const start = prerenderFit ?? shownFit?.fit;
    if (start) this.fit = start;
    this.measured = start !== undefined;
    this.more = { left: false, right: shownFit?.fadeRight ?? false };
  }

  private netName: string | null = null;

  /**
   * Another net starts at its input: the overview scrolled sideways to the old net's output
   * (a phone after the softmax detail, say) opened LeNet-5 showing only its last columns. An
   * edit of the same net keeps where the learner was.
   */
  showNet(name: string): void {
    if (this.netName !== null && name !== this.netName && this.scroller) {
      this.scroller.scrollLeft = 0;
      this.onscroll();
    }
    this.netName = name;
  }

  onscroll = (): void => {
    const scroller = this.scroller;
    if (!scroller) return;
    const { scrollLeft, scrollWidth, clientWidth } = scroller;
    this.more = { left: scrollLeft > 2, right: scrollLeft + clientWidth < scrollWidth - 2 };
  };

  measure = (): void => {
    const scroller = this.scroller;
    if (scroller) {
      const next = fitOverview(
        this.columns(),
        {
          width: scroller.clientWidth,
          top: scroller.getBoundingClientRect().top + window.scrollY,
          viewportHeight: fitHeight(window.innerHeight, isNarrow()),
        },
        this.base(),
        this.outputNameWidth,
      );
      if (JSON.stringify(next) !== JSON.stringify(this.fit)) this.fit = next;
    }
    this.onscroll();
  };

  /** Fits again when the window or the frame changes width; returns the clean-up. */
  follow(): () => void {
    window.addEventListener('resize', this.measure);
    // The frame narrows without a window resize too: the side panel is dragged wider. Its width
    // is the observer's (read as the app mounts, it made the browser lay out the page inside
    // the mounting task; read in the callback, it may lay it out again after another
    // observer's change): the first call, as the overview is first laid out, sets the width
    // the later ones compare with.
    let width: number | null = null;
    const observer = new ResizeObserver((entries) => {
      const next = entries.at(-1)?.contentRect.width;
      if (!this.scroller || next === undefined || next === width) return;
      const first = width === null;
      width = next;
      if (!first) this.measure();
    });
    if (this.scroller) observer.observe(this.scroller);
    return () => {
      window.removeEventListener('resize', this.measure);
      observer.disconnect();
    };
  }
}

/**
 * Pan and zoom for the graph pane: the one place d3-zoom touches the DOM. It only listens
 * to the svg and reports a transform; Svelte draws everything with that transform.
 * Presses that start on a node, port or connection are left to those (select, connect).
 * The wheel scrolls (nets are tall); with Ctrl/⌘ or a pinch it zooms.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import { fitView, isInView, type View } from '../../../lib/editor/fitView';

export type { View };

export interface ZoomHandle {
  /**
   * Fits a box of graph coordinates into the pane, never enlarging past 100%. `readable`
   * stops shrinking at a legible size and shows the top left of a net too big for that
   * (the input is at the top); the rest is a scroll or a drag away.
   */
  fit(width: number, height: number, mode?: 'all' | 'readable'): boolean;
  zoomBy(factor: number): void;
  /** Pans so that a box is inside the pane, if it is not already. */
  reveal(box: { x: number; y: number; width: number; height: number }): void;
}

export interface ZoomParams {
  onView: (view: View) => void;
  onReady: (handle: ZoomHandle) => void;
  /** The pane's size, each time the browser reports it (fitting waits for the first). */
  onSize?: (width: number, height: number) => void;
}

export function zoomable(svg: SVGSVGElement, params: ZoomParams) {
  let current = params;
  // The size as the browser last reported it: reading clientWidth when asked (as d3-zoom's
  // default extent does, through the svg's width) would make the browser lay out the page in
  // that task — a long one while a big net's overview mounts.
  let known = { w: 0, h: 0 };
  const sel = select<SVGSVGElement, unknown>(svg);
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .extent(() => [
      [0, 0],
      [known.w, known.h],
    ])
    .scaleExtent([0.05, 3])
    .filter((event: Event) => {
      if (event.type === 'dblclick') return false;
      if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
      const target = event.target as Element | null;
      if (target?.closest('[data-node], [data-port], [data-edge]')) return false;
      return !(event as MouseEvent).button;
    })
    .on('zoom', (event: { transform: View }) =>
      current.onView({ x: event.transform.x, y: event.transform.y, k: event.transform.k }),
    );
  sel.call(behaviour);
  const onwheel = (e: WheelEvent) => {
    if (e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const k = zoomTransform(svg).k;
    sel.call(behaviour.translateBy, -e.deltaX / k, -e.deltaY / k);
  };
  svg.addEventListener('wheel', onwheel, { passive: false });

  const size = () => known;
  const observer = new ResizeObserver(() => {
    known = { w: svg.clientWidth, h: svg.clientHeight };
    current.onSize?.(known.w, known.h);
  });
  observer.observe(svg);
  const handle: ZoomHandle = {
    fit(width, height, mode = 'all') {
      const { w, h } = size();
      // Clear of the pane's edges and of the zoom controls over its bottom right corner.
      const v = fitView(w, h, width, height, mode);
      if (!v) return false;
      sel.call(behaviour.transform, zoomIdentity.translate(v.x, v.y).scale(v.k));
      return true;
    },
    zoomBy(factor) {
      sel.call(behaviour.scaleBy, factor);
    },
    reveal(box) {
      const t = zoomTransform(svg);
      const { w, h } = size();
      if (isInView({ x: t.x, y: t.y, k: t.k }, box, w, h)) return;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      sel.call(behaviour.translateTo, cx, cy);
    },
  };
  current.onReady(handle);

  return {
    update(next: ZoomParams) {
      current = next;
    },
    destroy() {
      sel.on('.zoom', null);
      svg.removeEventListener('wheel', onwheel);
      observer.disconnect();
    },
  };
}

/**
 * Paints activation maps straight into the overview's canvases when the data changes,
 * without re-rendering any component. Each column has one canvas at display resolution;
 * every map is first painted at its native resolution (one LUT pass into one ImageData)
 * and then drawn into its box, nearest-neighbour when enlarged so cells stay square.
 * One canvas per column instead of one per map keeps the browser's layer count (and so
 * the cost of every frame) small.
 */
import type { CellTarget, ColumnBox, ColumnTarget, LabelTarget, PaintFrame } from './paintTargets';
import { lutColour, schemeLut } from '../../lib/colour/lut';
import { paintValues } from '../../lib/colour/paint';
import { colour } from '../../lib/theme';
import { requeue } from '../../lib/overview/repaintQueue';

export type { CellTarget, ColumnBox, ColumnTarget, LabelTarget, PaintFrame } from './paintTargets';

interface Scratch {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  image: ImageData;
  pixels: Uint32Array;
}

/**
 * Milliseconds of map painting per task when new data comes (another image, A or B − A): a
 * 224-pixel net's maps take 35–60 ms, so the rest goes on at the next frames (as ColumnReveal's
 * PAINT_MS); a small net's maps fit at once, as before. A frame that paints maps also pays
 * their canvases' raster and the page's layout and paint, about as much again: 8 ms of maps
 * made ~20 ms frames on ResNet-18's page (traced), 5 ms some 14.
 */
export const REPAINT_MS = 5;

/** Cells past the end of a strip's last row. */
const EMPTY_PIXEL = new Uint32Array(new Uint8ClampedArray([246, 247, 250, 255]).buffer)[0] ?? 0;

/**
 * A column's pixels already on screen for the painter's first frame: the prerendered
 * snapshot's canvas of that layer (takeover.ts snapshotColumn), or null.
 */
export type ShownColumn = (layerId: string) => HTMLCanvasElement | null;

export class MapPainter {
  /** Frames set so far: only the first may take the snapshot's pixels. */
  private frames = 0;

  private readonly columns = new Set<ColumnTarget>();
  private readonly cells = new Set<CellTarget>();
  private readonly labels = new Set<LabelTarget>();
  private readonly scratches = new Map<string, Scratch>();
  private frame: PaintFrame | null = null;
  private labelsPending = false;
  /** Columns to paint at the next paintQueued (see deferColumns), with the box to go on from. */
  private readonly queued = new Map<ColumnTarget, number>();
  private deferred = false;
  /** Columns painted once: a repaint replaces their maps box by box instead of clearing the canvas. */
  private readonly painted = new WeakSet<ColumnTarget>();
  private repaintFrame = 0;
  /** Drains of the repaint going on (setFrame starts a repaint). */
  private pieces = 0;
  /**
   * The last repaint took more than one drain (a big net): the next one starts at the next
   * frame rather than in the task its data came in, which has the page's own update to do
   * (on a 224-pixel net, a new image's or B's arrival: some 10 ms of Svelte, ranges and text).
   * Cleared when a repaint fits in one drain again.
   */
  private spread = false;
  /** Waiting for the queue to empty (see `settled`). */
  private waiters: (() => void)[] = [];

  /**
   * `shown`: where the first frame's columns may already be painted (the prerendered snapshot);
   * `now`: the clock the repaint budget is read from (a test's own).
   */
  constructor(
    private readonly shown: ShownColumn | null = null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  registerColumn(t: ColumnTarget): () => void {
    this.columns.add(t);
    if (this.frame) this.paint(t, this.frame);
    return () => {
      this.columns.delete(t);
      this.queued.delete(t);
      this.wake();
    };
  }

  /**
   * While a big net's columns mount a chunk per frame (ColumnReveal), columns are painted by
   * paintQueued at the start of the next frame instead of as they mount: drawing into a canvas
   * just mounted made the browser lay out the new columns inside the mounting task, and the
   * next frame's start is when that layout is done anyway. Turning it off paints what waits.
   */
  deferColumns(on: boolean): void {
    this.deferred = on;
    if (!on) {
      this.paintQueued();
      this.wake();
    }
  }

  /** Maps are waiting to be painted (`settled` resolves once none is). */
  get waiting(): boolean {
    return this.queued.size > 0;
  }

  settled(): Promise<void> {
    if (this.queued.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    if (this.queued.size > 0) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /**
   * Paints the queue for REPAINT_MS, then again at each frame until it is empty; a column
   * reveal (deferColumns) drives the queue itself meanwhile.
   */
  private drain(): void {
    cancelAnimationFrame(this.repaintFrame);
    if (this.deferred) return;
    this.pieces++;
    if (this.paintQueued(REPAINT_MS)) {
      this.spread = this.pieces > 1;
      this.wake();
    } else this.repaintFrame = requestAnimationFrame(() => this.drain());
  }

  /**
   * Paints the queued columns, left to right, for at most `budgetMs` (a column of 64 large maps
   * alone can take tens of milliseconds: it goes on from the box it stopped at). True when none
   * is left.
   */
  paintQueued(budgetMs = Infinity): boolean {
    const frame = this.frame;
    if (!frame) return this.queued.size === 0;
    const deadline = this.now() + budgetMs;
    for (const [t, from] of this.queued) {
      const next = this.paintColumn(t, frame, from, deadline);
      if (next < t.boxes.length) {
        this.queued.set(t, next);
        return false;
      }
      this.queued.delete(t);
    }
    return true;
  }

  private paint(t: ColumnTarget, frame: PaintFrame): void {
    if (this.deferred) this.queued.set(t, 0);
    else this.paintColumn(t, frame);
  }

  registerCell(t: CellTarget): () => void {
    this.cells.add(t);
    if (this.frame) this.paintCell(t, this.frame);
    return () => this.cells.delete(t);
  }

  registerLabel(t: LabelTarget): () => void {
    this.labels.add(t);
    if (this.frame) t.el.setAttribute('aria-label', this.frame.label(t));
    return () => this.labels.delete(t);
  }

  /**
   * New data: every column is queued again, those still waiting for the last data first (so
   * data coming faster than it is painted, a live camera, still reaches every column), and
   * painted for REPAINT_MS now (from the next frame on a net whose last repaint took more than
   * one: `spread`), the rest in the frames after (`settled` tells when all is).
   */
  setFrame(frame: PaintFrame): void {
    this.frame = frame;
    this.frames++;
    const order = requeue(this.queued.keys(), this.columns);
    this.queued.clear();
    for (const t of order) this.queued.set(t, 0);
    for (const t of this.cells) this.paintCell(t, frame);
    this.scheduleLabels();
    this.pieces = 0;
    if (!this.spread || this.deferred || this.queued.size === 0) this.drain();
    else {
      cancelAnimationFrame(this.repaintFrame);
      this.repaintFrame = requestAnimationFrame(() => this.drain());
    }
  }

  /**
   * Text alternatives follow the pixels a moment later, when the browser is idle: writing
   * 100+ attributes invalidates style, which would otherwise sit in every redraw.
   */
  private scheduleLabels(): void {
    if (this.labelsPending) return;
    this.labelsPending = true;
    const run = (): void => {
      this.labelsPending = false;
      const frame = this.frame;
      if (frame) for (const t of this.labels) t.el.setAttribute('aria-label', frame.label(t));
    };
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 50);
  }

  /** A reusable native-resolution canvas per grid size. */
  private scratch(cols: number, rows: number): Scratch | null {
    const key = `${cols}x${rows}`;
    let s = this.scratches.get(key);
    if (!s) {
      const canvas = document.createElement('canvas');
      canvas.width = cols;
      canvas.height = rows;
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      const image = ctx.createImageData(cols, rows);
      s = { canvas, ctx, image, pixels: new Uint32Array(image.data.buffer) };
      this.scratches.set(key, s);
    }
    return s;
  }

  /** Paints boxes `from` on until `deadline` (performance.now()); returns the next box to paint. */
  private paintColumn(t: ColumnTarget, frame: PaintFrame, from = 0, deadline = Infinity): number {
    const tensor = frame.activations.get(t.layerId);
    const domains = frame.domains.get(t.layerId);
    const ctx = t.canvas.getContext('2d');
    const s = this.scratch(t.grid.cols, t.grid.rows);
    if (!tensor || !domains || !ctx || !s) return t.boxes.length;
    // A repaint replaces the maps box by box (a repaint left unfinished at a frame's end shows
    // whole maps, old and new, not blank boxes).
    const first = !this.painted.has(t);
    if (from === 0 && first) ctx.clearRect(0, 0, t.canvas.width, t.canvas.height);
    this.painted.add(t);
    if (from === 0 && this.copyShown(t, ctx)) return t.boxes.length;
    const channels = t.strip ? 1 : (tensor.shape[tensor.shape.length - 1] ?? 1);
    const count = Math.min(s.pixels.length, Math.floor(tensor.data.length / channels));
    for (let i = from; i < t.boxes.length; i++) {
      // At least one box per call, so a slow frame still gets on.
      if (i > from && this.now() > deadline) return i;
      const b = t.boxes[i]!;
      const domain = domains[t.strip ? 0 : b.channel];
      const x = Math.round(b.x * t.scale);
      const y = Math.round(b.y * t.scale);
      const w = Math.round(b.w * t.scale);
      const h = Math.round(b.h * t.scale);
      // Each box is cleared just before it is drawn: the resampled edges of a shrunk map are
      // not quite opaque, so drawn over the last map they would differ from a fresh paint.
      if (!first) ctx.clearRect(x, y, w, h);
      if (!domain) continue;
      paintValues(
        tensor.data,
        t.strip ? 0 : b.channel,
        channels,
        count,
        domain,
        schemeLut(domain.scheme),
        s.pixels,
      );
      if (count < s.pixels.length) s.pixels.fill(EMPTY_PIXEL, count);
      s.ctx.putImageData(s.image, 0, 0);
      // Enlarged maps keep square cells; a map larger than its box is averaged down.
      ctx.imageSmoothingEnabled = w < t.grid.cols || h < t.grid.rows;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(s.canvas, x, y, w, h);
      this.sliceEdges(ctx, t, b);
    }
    return t.boxes.length;
  }

  /**
   * The first frame of a column the snapshot shows at the same size: its pixels, one copy,
   * instead of every map coloured and drawn again (the snapshot paints them as this does, from
   * the same activations: tests/e2e/prerender.test.ts compares the two, pixel for pixel).
   */
  private copyShown(t: ColumnTarget, ctx: CanvasRenderingContext2D): boolean {
    const shown = this.frames === 1 ? this.shown?.(t.layerId) : null;
    if (!shown || shown.width !== t.canvas.width || shown.height !== t.canvas.height) return false;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(shown, 0, 0);
    return true;
  }

  /** Lines across a volume's box where one depth slice ends and the next begins. */
  private sliceEdges(ctx: CanvasRenderingContext2D, t: ColumnTarget, b: ColumnBox): void {
    // Too small a box (a slice under 3 px) would be more line than map.
    if (t.slices < 2 || (b.h * t.scale) / t.slices < 3) return;
    const width = Math.max(1, Math.round(t.scale));
    ctx.fillStyle = colour.surface;
    for (let k = 1; k < t.slices; k++) {
      const y = Math.round((b.y + (k * b.h) / t.slices) * t.scale);
      ctx.fillRect(Math.round(b.x * t.scale), y - Math.floor(width / 2), Math.round(b.w * t.scale), width);
    }
  }

  private paintCell(t: CellTarget, frame: PaintFrame): void {
    const v = frame.activations.get(t.layerId)?.data[t.channel];
    const domain = frame.domains.get(t.layerId)?.[0];
    if (v === undefined || !domain) return;
    const lut = schemeLut(domain.scheme);
    const i = Math.min(255, Math.max(0, Math.round(((v - domain.lo) / (domain.hi - domain.lo)) * 255))) || 0;
    t.el.style.backgroundColor = lutColour(lut, i);
  }
}

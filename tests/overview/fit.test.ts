/** Fitting the overview to its frame: the map size from the height, a compact layout when the frame is narrow. */
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/lib/overview/columns';
import { DEFAULT_LAYOUT, layoutOverview } from '../../src/lib/overview/layout';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { findDemoNet } from '../../src/lib/zoo/demoNets';
import {
  fitBox,
  fitOverview,
  isTight,
  MIN_BOX,
  MIN_COMPACT_PITCH,
  MIN_TIGHT_PITCH,
  COMPACT_OUTPUT_WIDTH,
  COMPACT_OUTPUT_MAX,
  compactOutputWidth,
} from '../../src/views/overview/fitBox';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { DRAWER_TOGGLE_ROOM, fitHeight } from '../../src/app/state/sideWidth';

const columnsOf = (spec: NetworkSpec) => buildColumns(spec, inferShapes(spec));
const tiny = columnsOf(tinyVggSpec());
const laidOut = (fit: ReturnType<typeof fitOverview>, columns = tiny) =>
  layoutOverview(columns, { ...DEFAULT_LAYOUT, ...fit });

describe('fitting the overview', () => {
  it('keeps the natural layout when it fits, with maps as large as the height allows', () => {
    const fit = fitOverview(tiny, { width: 1500, top: 300, viewportHeight: 1080 }, DEFAULT_LAYOUT);
    expect(fit.compact).toBe(false);
    expect(fit.columnGap).toBe(DEFAULT_LAYOUT.columnGap);
    expect(laidOut(fit).width).toBeLessThanOrEqual(1500);
    // 10 maps a column: the tallest column fills the height below the top.
    expect(laidOut(fit).height + 300).toBeLessThanOrEqual(1080);
  });

  it('fits TinyVGG, output column included, into the frame a 1280×800 laptop leaves beside the editor', () => {
    // The frame measured at 1280×800 with the side panel at its default width.
    const fit = fitOverview(tiny, { width: 887, top: 305, viewportHeight: 800 }, DEFAULT_LAYOUT);
    const layout = laidOut(fit);
    expect(fit.compact).toBe(true);
    expect(layout.width).toBeLessThanOrEqual(887);
    expect(layout.height + 305).toBeLessThanOrEqual(800);
    const output = layout.columns.find((c) => c.column.kind === 'output')!;
    expect(output.width).toBe(COMPACT_OUTPUT_WIDTH);
    expect(output.x + output.width).toBeLessThanOrEqual(887);
    // Every other column keeps room for a compact header, and no two columns overlap.
    for (const c of layout.columns.filter((c) => c.column.kind !== 'output'))
      expect(c.slotWidth + fit.columnGap).toBeGreaterThanOrEqual(MIN_COMPACT_PITCH);
    for (let i = 1; i < layout.columns.length; i++)
      expect(layout.columns[i]!.slotX).toBeGreaterThanOrEqual(
        layout.columns[i - 1]!.slotX + layout.columns[i - 1]!.slotWidth + fit.columnGap,
      );
  });

  it('widens the compact output column for long class names where the maps still fit, and only then', () => {
    // "vertical stripes" in the compact row's bold type is about 95 px: cut at the usual width.
    expect(compactOutputWidth(0)).toBe(COMPACT_OUTPUT_WIDTH);
    expect(compactOutputWidth(95)).toBe(147);
    expect(compactOutputWidth(400)).toBe(COMPACT_OUTPUT_MAX);
    // The frame a 1280×800 laptop leaves beside the editor.
    const laptop = { width: 887, top: 305, viewportHeight: 800 };
    const named = fitOverview(tiny, laptop, DEFAULT_LAYOUT, 95);
    const layout = laidOut(named);
    const output = layout.columns.find((c) => c.column.kind === 'output')!;
    expect(output.width).toBe(147);
    expect(output.x + output.width).toBeLessThanOrEqual(887);
    for (const c of layout.columns.filter((c) => c.column.kind !== 'output'))
      expect(c.slotWidth + named.columnGap).toBeGreaterThanOrEqual(MIN_COMPACT_PITCH);
    // Short names: as before.
    expect(fitOverview(tiny, laptop, DEFAULT_LAYOUT, 60)).toEqual(fitOverview(tiny, laptop, DEFAULT_LAYOUT));
    // "horizontal stripes" (≈ 110 px) fits a wider frame; at 887 px it gets what the maps leave.
    expect(fitOverview(tiny, { ...laptop, width: 1000 }, DEFAULT_LAYOUT, 110).outputWidth).toBe(162);
    const most = fitOverview(tiny, laptop, DEFAULT_LAYOUT, 110);
    expect(most.outputWidth).toBeGreaterThan(140);
    expect(most.outputWidth).toBeLessThan(162);
    expect(laidOut(most).width).toBeLessThanOrEqual(887);
    const phone = fitOverview(tiny, { width: 362, top: 600, viewportHeight: 844 }, DEFAULT_LAYOUT, 95);
    expect(phone.outputWidth).toBe(COMPACT_OUTPUT_WIDTH);
  });

  it('uses the widest pitch that fits, and scrolls only a net too deep for the narrowest one', () => {
    const wider = fitOverview(tiny, { width: 1000, top: 305, viewportHeight: 800 }, DEFAULT_LAYOUT);
    const narrower = fitOverview(tiny, { width: 900, top: 305, viewportHeight: 800 }, DEFAULT_LAYOUT);
    expect(laidOut(wider).width).toBeLessThanOrEqual(1000);
    expect(laidOut(wider).width).toBeGreaterThan(laidOut(narrower).width);
    const deep = columnsOf(findDemoNet('deep8')!.spec);
    // 14 columns before the output: too many for a 600 px window's frame even at the tight pitch.
    const fit = fitOverview(deep, { width: 572, top: 305, viewportHeight: 800 }, DEFAULT_LAYOUT);
    const layout = laidOut(fit, deep);
    expect(layout.width).toBeGreaterThan(572);
    for (const c of layout.columns.filter((c) => c.column.kind !== 'output'))
      expect(c.slotWidth + fit.columnGap).toBe(MIN_COMPACT_PITCH);
  });

  it('fits TinyVGG whole, prediction included, into a tablet’s frame, with maps no smaller than a tight pitch allows', () => {
    // The frames measured at 600×900, 1024×768 (beside the editor) and 768×1024.
    for (const [width, top, viewportHeight] of [
      [572, 575, 900],
      [644, 540, 768],
      [712, 510, 1024],
    ] as const) {
      const fit = fitOverview(tiny, { width, top, viewportHeight }, DEFAULT_LAYOUT);
      const layout = laidOut(fit);
      expect(isTight(fit), `${width}`).toBe(true);
      expect(layout.width, `${width}`).toBeLessThanOrEqual(width);
      const output = layout.columns.find((c) => c.column.kind === 'output')!;
      expect(output.x + output.width).toBeLessThanOrEqual(width);
      expect(fit.minSlot + fit.columnGap).toBeGreaterThanOrEqual(MIN_TIGHT_PITCH);
      expect(fit.box).toBeGreaterThanOrEqual(MIN_TIGHT_PITCH - 12);
      // As big as the height allows (the window's bottom), the gap no narrower than 12 px.
      expect(fit.box).toBe(Math.min(fitBox(tiny, top, viewportHeight, DEFAULT_LAYOUT), fit.minSlot));
      expect(fit.columnGap).toBeGreaterThanOrEqual(12);
      if (fit.box > MIN_BOX) expect(layout.height + top).toBeLessThanOrEqual(viewportHeight);
      for (let i = 1; i < layout.columns.length; i++)
        expect(layout.columns[i]!.slotX).toBeGreaterThanOrEqual(
          layout.columns[i - 1]!.slotX + layout.columns[i - 1]!.slotWidth + fit.columnGap,
        );
    }
  });

  it('gives a tall tablet’s tight fit bigger maps than a short one’s, above the drawer’s toggle', () => {
    // 820×1180 (its frame) against the same frame on a 768 px high window.
    const height = fitHeight(1180, true);
    expect(height).toBe(1180 - DRAWER_TOGGLE_ROOM);
    const tall = fitOverview(tiny, { width: 764, top: 510, viewportHeight: height }, DEFAULT_LAYOUT);
    const short = fitOverview(tiny, { width: 764, top: 510, viewportHeight: 768 }, DEFAULT_LAYOUT);
    expect(isTight(tall) && isTight(short)).toBe(true);
    expect(short.box).toBe(MIN_BOX);
    expect(tall.box).toBeGreaterThanOrEqual(36);
    expect(laidOut(tall).height + 510).toBeLessThanOrEqual(height);
    // The pitch no narrower (the output column's gap, narrower with bigger maps, leaves a pixel).
    expect(tall.minSlot + tall.columnGap).toBeGreaterThanOrEqual(short.minSlot + short.columnGap);
    expect(laidOut(tall).width).toBeLessThanOrEqual(764);
  });

  it('fits TinyVGG at every frame width from a 600 px window up, and a phone’s frame still scrolls at the compact pitch', () => {
    for (let width = 560; width <= 1600; width++)
      expect(
        laidOut(fitOverview(tiny, { width, top: 500, viewportHeight: 900 }, DEFAULT_LAYOUT)).width,
      ).toBeLessThanOrEqual(width);
    // 390 px: too narrow even for the tight pitch; the phone keeps the layout it had.
    const phone = fitOverview(tiny, { width: 362, top: 600, viewportHeight: 844 }, DEFAULT_LAYOUT);
    expect(isTight(phone)).toBe(false);
    expect(phone.minSlot + phone.columnGap).toBe(MIN_COMPACT_PITCH);
    expect(phone.outputWidth).toBe(COMPACT_OUTPUT_WIDTH);
  });
});

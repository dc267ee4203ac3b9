/** Which overview fits the build prerenders, and cutting a fit's markup out of the rendered overview. */
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/lib/overview/columns';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { DEFAULT_LAYOUT } from '../../src/lib/overview/layout';
import { fitOverview, isTight } from '../../src/views/overview/fitBox';
import { COMPACT_PITCHES, overviewFragment, prerenderFits } from '../../src/prerender/fragments';
import { fitKey } from '../../src/prerender/fitKey';

const spec = tinyVggSpec();
const columns = buildColumns(spec, inferShapes(spec));
const base = { ...DEFAULT_LAYOUT, headerHeight: 46 };
const keys = new Set(prerenderFits(columns, base).map(fitKey));

describe('prerendered fits', () => {
  it('cover every fit of a wide window, whatever its height and the overview’s top', () => {
    for (let height = 500; height <= 1600; height += 37)
      for (const top of [0, 180, 357])
        expect(
          keys.has(fitKey(fitOverview(columns, { width: 2400, top, viewportHeight: height }, base))),
        ).toBe(true);
  });

  it('cover the narrowest compact pitches at every height (a 1280×800 laptop beside the editor), not wider ones', () => {
    const laptop = fitOverview(columns, { width: 887, top: 357, viewportHeight: 800 }, base);
    expect(laptop.compact).toBe(true);
    expect(keys.has(fitKey(laptop))).toBe(true);
    let covered = 0;
    let beyond = 0;
    for (let width = 700; width <= 1400; width += 3)
      for (let height = 500; height <= 1400; height += 50) {
        const fit = fitOverview(columns, { width, top: 300, viewportHeight: height }, base);
        if (!fit.compact) continue;
        const inRange = fit.minSlot + fit.columnGap < 58 + COMPACT_PITCHES;
        if (inRange) {
          expect(keys.has(fitKey(fit))).toBe(true);
          covered++;
        } else beyond += keys.has(fitKey(fit)) ? 1 : 0;
      }
    expect(covered).toBeGreaterThan(20);
    expect(beyond).toBe(0);
  });

  it('cover every tight fit (a tablet’s frame), whatever the height', () => {
    let tight = 0;
    for (let width = 500; width <= 900; width++)
      for (const height of [600, 768, 900, 1024, 1366]) {
        const fit = fitOverview(columns, { width, top: 480, viewportHeight: height }, base);
        if (!isTight(fit)) continue;
        expect(keys.has(fitKey(fit)), `${width}×${height}`).toBe(true);
        tight++;
      }
    expect(tight).toBeGreaterThan(100);
  });

  it('names fits apart by every field the markup depends on', () => {
    const a = { box: 30, columnGap: 32, minSlot: 30, outputWidth: 132, compact: true };
    expect(fitKey(a)).not.toBe(fitKey({ ...a, compact: false }));
    expect(fitKey(a)).not.toBe(fitKey({ ...a, minSlot: 31 }));
    expect(fitKey(a)).not.toBe(fitKey({ ...a, columnGap: 33 }));
    expect(fitKey(a)).not.toBe(fitKey({ ...a, outputWidth: 210 }));
  });
});

describe('cutting the overview markup', () => {
  const body =
    '<p id="overview-help">help</p> <div class="scroller s-1" data-testid="overview"><div class="content s-1" style="width: 10px"><!--[--><canvas data-layer="a"></canvas><!--]--><div class="x">"quoted" &lt;b&gt;</div></div></div>';

  it('keeps what is inside .content, without Svelte’s hydration comments', () => {
    expect(overviewFragment(body)).toBe(
      '<canvas data-layer="a"></canvas><div class="x">"quoted" &lt;b&gt;</div>',
    );
  });

  it('refuses markup that is not one overview (a changed component fails the build)', () => {
    expect(() => overviewFragment('<div class="scroller"></div>')).toThrow(/one overview .content/);
    expect(() => overviewFragment(body + body)).toThrow(/one overview .content/);
  });
});

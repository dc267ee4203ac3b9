import { describe, expect, it } from 'vitest';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { buildColumns } from '../../src/lib/overview/columns';
import {
  COLUMN_BOX_MARGIN,
  DEFAULT_LAYOUT,
  columnBox,
  layoutOverview,
  type LayoutOptions,
} from '../../src/lib/overview/layout';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { mobilenetV2Spec } from '../../src/lib/zoo/mobilenetV2';
import type { NetworkSpec } from '../../src/lib/spec/types';

/** What the overview draws just outside a neuron's box: the active outline (2 px, offset 1 px). */
const OUTLINE = 3;
/** The page's focus ring: 2 px wide, 2 px off the element (app.css). */
const FOCUS_RING = 4;

function boxes(spec: NetworkSpec, options: Partial<LayoutOptions> = {}) {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const layout = layoutOverview(buildColumns(spec, inferShapes(spec)), o);
  return { layout, o, boxes: layout.columns.map((c) => columnBox(layout, c, o.columnGap)) };
}

describe('columnBox (each overview column is painted inside its own box)', () => {
  for (const [name, spec, options] of [
    ['TinyVGG', tinyVggSpec(), {}],
    ['TinyVGG, compact', tinyVggSpec(), { box: 26, columnGap: 12, minSlot: 30, headerHeight: 28 }],
    ['MobileNetV2, expanded', mobilenetV2Spec(), { expanded: new Set(['Conv1', 'block_16_project']) }],
  ] as const)
    it(`holds every part of each column with room for its outlines: ${name}`, () => {
      const { layout, o, boxes: all } = boxes(spec, options);
      layout.columns.forEach((col, i) => {
        const b = all[i]!;
        // The header spans the slot and half of each gap, less 1 px a side (ColumnHeader); its
        // focus ring is drawn 4 px outside it (2 px ring, 2 px offset).
        const headerLeft = col.slotX - o.columnGap / 2 + 1;
        const headerRight = col.slotX + col.slotWidth + o.columnGap / 2 - 1;
        expect(b.x).toBeLessThanOrEqual(headerLeft - FOCUS_RING);
        expect(b.x + b.w).toBeGreaterThanOrEqual(headerRight + FOCUS_RING);
        expect(b.y).toBeLessThanOrEqual(layout.headerY - FOCUS_RING);
        for (const n of col.neurons) {
          expect(n.x - OUTLINE).toBeGreaterThanOrEqual(b.x);
          expect(n.x + n.w + OUTLINE).toBeLessThanOrEqual(b.x + b.w);
          expect(n.y - OUTLINE).toBeGreaterThanOrEqual(b.y);
          expect(n.y + n.h + OUTLINE).toBeLessThanOrEqual(b.y + b.h);
        }
        if (col.moreY !== null) expect(col.moreY + o.moreHeight).toBeLessThanOrEqual(b.y + b.h);
        // The legends below are not in it (they are hovered and drawn on their own).
        expect(b.y + b.h).toBeLessThanOrEqual(layout.legendY);
      });
    });

  it('boxes of neighbouring columns overlap by their margins only', () => {
    const { boxes: all } = boxes(mobilenetV2Spec());
    for (let i = 1; i < all.length; i++) {
      const overlap = all[i - 1]!.x + all[i - 1]!.w - all[i]!.x;
      expect(overlap).toBeCloseTo(2 * COLUMN_BOX_MARGIN, 6);
    }
  });
});

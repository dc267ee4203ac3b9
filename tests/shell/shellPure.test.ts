/** The shell's pure pieces: tour card placement, side panel width limits, weight download sizes, byte formats. */
import { describe, expect, it } from 'vitest';
import { placeCard, scrollMarginFor } from '../../src/views/tour/placement';
import { clampSideWidth, SIDE_MIN } from '../../src/app/state/layout.svelte';
import { manifestBytes } from '../../src/app/net/fetchModel';
import { formatBytes } from '../../src/lib/i18n/format';

const viewport = { width: 1280, height: 800 };
const card = { width: 360, height: 180 };

describe('tour card placement', () => {
  it('centres the welcome card', () => {
    expect(placeCard(null, card, viewport)).toEqual({ left: 460, top: 310 });
  });

  it('goes below a target when it fits, above when not, and stays inside the window', () => {
    expect(placeCard({ left: 100, top: 100, width: 200, height: 50 }, card, viewport)).toEqual({
      left: 100,
      top: 164,
    });
    expect(placeCard({ left: 100, top: 650, width: 200, height: 50 }, card, viewport)).toEqual({
      left: 100,
      top: 456,
    });
    expect(placeCard({ left: 1200, top: 100, width: 60, height: 30 }, card, viewport).left).toBe(
      1280 - 360 - 12,
    );
  });

  it('sits beside a target taller than the window, on the side with room', () => {
    const right = placeCard({ left: 880, top: 56, width: 400, height: 900 }, card, viewport);
    expect(right.left).toBe(880 - 14 - 360);
    const left = placeCard({ left: 0, top: 56, width: 500, height: 900 }, card, viewport);
    expect(left.left).toBe(514);
  });

  it('on a window too narrow to sit beside, covers the lower part of the target, never its top', () => {
    const phone = { width: 390, height: 844 };
    const tall = { left: 8, top: 110, width: 374, height: 900 };
    expect(placeCard(tall, card, phone)).toEqual({ left: 12, top: 844 - 180 - 12 });
    // The overview on a phone before the fix: fits the window, but not with the card.
    const mid = { left: 8, top: 190, width: 374, height: 460 };
    expect(placeCard(mid, card, phone).top).toBe(844 - 180 - 12);
  });
});

describe('where the tour scrolls its target', () => {
  it('centres target and card together under the header when both fit, so the card lands below', () => {
    const margin = scrollMarginFor(460, 180, 844, 96);
    // Room under the header: 844 - 96 - 24 = 724; the pair is 654 high.
    expect(margin).toBe(96 + 12 + 35);
    const target = { left: 8, top: margin, width: 374, height: 460 };
    const placed = placeCard(target, card, { width: 390, height: 844 });
    expect(placed.top).toBe(margin + 460 + 14);
    expect(placed.top + 180).toBeLessThanOrEqual(844 - 12);
  });

  it('centres a target that fits alone, and puts a taller one right under the header', () => {
    expect(scrollMarginFor(600, 180, 800, 56)).toBe(56 + 12 + (800 - 56 - 24 - 600) / 2);
    expect(scrollMarginFor(3000, 180, 800, 56)).toBe(56 + 12);
    expect(scrollMarginFor(3000, 180, 800, 0)).toBe(12);
  });
});

describe('side panel width', () => {
  it('stays between its minimum and 55% of the window', () => {
    expect(clampSideWidth(10, 1280)).toBe(SIDE_MIN);
    expect(clampSideWidth(400, 1280)).toBe(400);
    expect(clampSideWidth(5000, 1280)).toBe(704);
    expect(clampSideWidth(400, 300)).toBe(SIDE_MIN);
  });
});

describe('weights download size', () => {
  it('adds up every weight in its stored type, quantized ones included', () => {
    expect(
      manifestBytes([
        {
          paths: ['a.bin'],
          weights: [
            { name: 'k', shape: [3, 3, 3, 10], dtype: 'float32' },
            { name: 'b', shape: [10], dtype: 'float32' },
          ],
        },
        {
          paths: ['b.bin'],
          weights: [{ name: 'q', shape: [100], dtype: 'float32', quantization: { dtype: 'uint8' } }],
        },
      ]),
    ).toBe((270 + 10) * 4 + 100);
  });

  it('formats sizes in decimal units the same way in both languages', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(79_680)).toBe('79.7 kB');
    expect(formatBytes(2_410_000)).toBe('2.41 MB');
  });
});

/** A compact column header's name: broken only between words, in one type size that fits every column. */
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/lib/overview/columns';
import { DEFAULT_LAYOUT, layoutOverview } from '../../src/lib/overview/layout';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { alexnetSpec } from '../../src/lib/zoo/alexnet';
import type { OverviewColumn } from '../../src/lib/overview/columns';
import { fitOverview, isTight, MIN_TIGHT_PITCH } from '../../src/views/overview/fitBox';
import {
  columnsNameSize,
  headerNameSize,
  headerWidth,
  nameLines,
  namePieces,
  NAME_SIZES_REM,
  textWidthEm,
} from '../../src/lib/overview/headerName';

const tiny = buildColumns(tinyVggSpec(), inferShapes(tinyVggSpec()));
const alex = buildColumns(alexnetSpec(), inferShapes(alexnetSpec()));
const BASE = NAME_SIZES_REM[0] * 16;
const SMALLEST = NAME_SIZES_REM[NAME_SIZES_REM.length - 1]! * 16;

/** Whether `lines` are `name` broken only where namePieces allows (a space at a break dropped). */
function brokenBetweenWords(name: string, lines: string[]): boolean {
  if (lines.length === 1) return lines[0] === name;
  const ends = new Set<number>();
  let at = 0;
  for (const p of namePieces(name)) ends.add((at += p.length));
  const first = lines[0]!;
  const gap = name.startsWith(`${first} `) ? 1 : 0;
  return name === first + ' '.repeat(gap) + lines[1] && ends.has(first.length + gap);
}

/** The headers of TinyVGG fitted to a frame, as NetworkOverview sizes their names. */
function tinyHeaders(width: number, top: number, viewportHeight: number, columns: OverviewColumn[] = tiny) {
  const fit = fitOverview(columns, { width, top, viewportHeight }, DEFAULT_LAYOUT);
  const layout = layoutOverview(columns, { ...DEFAULT_LAYOUT, ...fit });
  const headers = layout.columns.map((c) => ({
    name: c.column.id,
    width: headerWidth(c.slotWidth, fit.columnGap),
  }));
  const size = columnsNameSize(layout.columns, fit.columnGap);
  expect(size).toBe(headerNameSize(headers));
  return { fit, headers, size };
}

describe('a compact header’s name', () => {
  it('breaks only after a separator or around a CJK character, never inside a word', () => {
    expect(namePieces('max_pool_1')).toEqual(['max_', 'pool_', '1']);
    expect(namePieces('flatten')).toEqual(['flatten']);
    expect(namePieces('block1/conv-2.bn:0')).toEqual(['block1/', 'conv-', '2.', 'bn:', '0']);
    expect(namePieces('dense layer')).toEqual(['dense ', 'layer']);
    expect(namePieces('卷积层conv')).toEqual(['卷', '积', '层', 'conv']);
  });

  it('is split where its wider line is narrowest, and kept whole when it fits', () => {
    expect(nameLines('conv_1_1', 36, BASE)).toEqual({ lines: ['conv_', '1_1'], fits: true });
    expect(nameLines('max_pool_1', 40, BASE)).toEqual({ lines: ['max_', 'pool_1'], fits: true });
    expect(nameLines('conv_1_1', 60, BASE).lines).toEqual(['conv_1_1']);
    expect(nameLines('dense layer', 40, BASE).lines).toEqual(['dense', 'layer']);
    // A word wider than the column is never broken: it does not fit (the view ellipsises it).
    expect(nameLines('flatten', 30, BASE)).toEqual({ lines: ['flatten'], fits: false });
    expect(nameLines('activation_12', 32, SMALLEST)).toEqual({ lines: ['activation_', '12'], fits: false });
  });

  it('never breaks any name inside a word, at any width and size', () => {
    const names = [
      'conv_1_1',
      'flatten',
      'max_pool_2',
      'batch_normalization_3',
      'a',
      'x/y.z',
      'fc 1',
      '全连接层_1',
    ];
    for (const name of names)
      for (let width = 20; width <= 120; width += 3)
        for (const rem of NAME_SIZES_REM) {
          const { lines, fits } = nameLines(name, width, rem * 16);
          expect(lines.length).toBeLessThanOrEqual(2);
          expect(brokenBetweenWords(name, lines), `${name} ${width} ${rem}: ${lines.join(' / ')}`).toBe(true);
          if (fits) for (const line of lines) expect(textWidthEm(line) * rem * 16).toBeLessThanOrEqual(width);
        }
  });

  it('takes one size for every header: the largest at which all fit', () => {
    const headers = [
      { name: 'conv_1_1', width: 36 },
      { name: 'flatten', width: 36 },
    ];
    const size = headerNameSize(headers);
    expect(size).toBeLessThan(BASE);
    for (const h of headers) expect(nameLines(h.name, h.width, size).fits).toBe(true);
    // One size up, "flatten" no longer fits.
    const up = NAME_SIZES_REM[NAME_SIZES_REM.findIndex((r) => r * 16 === size) - 1]! * 16;
    expect(nameLines('flatten', 36, up).fits).toBe(false);
    expect(headerNameSize([{ name: 'conv_1_1', width: 80 }])).toBe(BASE);
  });

  it('fits every TinyVGG name whole on a tablet (600, 768, 1024 px windows) and down to the tightest pitch', () => {
    // The frames measured at 600×900, 1024×768 (beside the editor) and 768×1024, then the
    // narrowest frame a tight fit takes.
    const frames = [
      [572, 575, 900],
      [644, 540, 768],
      [712, 510, 1024],
    ] as const;
    for (const [width, top, viewportHeight] of frames) {
      const { fit, headers, size } = tinyHeaders(width, top, viewportHeight);
      expect(isTight(fit)).toBe(true);
      for (const h of headers) {
        const { lines, fits } = nameLines(h.name, h.width, size);
        expect(fits, `${width}: ${h.name} as ${lines.join(' / ')} at ${size}px`).toBe(true);
        // "flatten", "input", "output": one word, one line.
        if (!h.name.includes('_')) expect(lines).toEqual([h.name]);
      }
    }
    const narrowest = tinyHeaders(2 * 8 + 12 * MIN_TIGHT_PITCH + 100 + 12, 500, 900);
    expect(narrowest.fit.minSlot + narrowest.fit.columnGap).toBe(MIN_TIGHT_PITCH);
    for (const h of narrowest.headers) expect(nameLines(h.name, h.width, narrowest.size).fits).toBe(true);
  });

  it('fits the zoo’s AlexNet whole in its tight fit on a 768 px tablet, in the smaller type', () => {
    const { fit, headers, size } = tinyHeaders(712, 510, 1024, alex);
    expect(isTight(fit)).toBe(true);
    expect(size).toBeLessThan(BASE);
    for (const h of headers)
      expect(nameLines(h.name, h.width, size)).toEqual({ lines: [h.name], fits: true });
  });

  it('keeps the compact header’s own size where the names fit it (a laptop beside the editor)', () => {
    expect(tinyHeaders(887, 305, 800).size).toBe(BASE);
  });
});

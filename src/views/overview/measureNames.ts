/**
 * The widest of some texts in the output column's bold type (OutputColumn.svelte), by a canvas's
 * measureText in the page's font. 0 where there is no 2D canvas (the build's prerender), which
 * leaves the column as it always was.
 */
let ctx: CanvasRenderingContext2D | null | undefined;

export function widestText(texts: readonly string[], remSize: number): number {
  if (typeof document === 'undefined' || texts.length === 0) return 0;
  ctx ??= document.createElement('canvas').getContext('2d');
  if (!ctx) return 0;
  const root = getComputedStyle(document.documentElement);
  const sans = root.getPropertyValue('--font-sans').trim() || 'sans-serif';
  const px = remSize * (parseFloat(root.fontSize) || 16);
  // 650, as the top class's row: any row can be the top one.
  ctx.font = `650 ${px}px ${sans}`;
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, ctx.measureText(t).width);
  return widest;
}

/** The compact row's type (--font-size-3) and the wide row's (--font-size-5), in rem. */
export const COMPACT_NAME_REM = 0.75;
export const WIDE_NAME_REM = 0.8;

/**
 * The page's measure of a graph node's texts (nodeLabels.ts NodeMeasure): a canvas's
 * measureText in the fonts GraphNode.svelte gives them, read from the page's CSS variables.
 * Falls back to the estimate where there is no 2D canvas.
 */
import { estimateNodeText, type NodeMeasure, type NodeTextKind } from './nodeLabels';

export function nodeTextMeasure(): NodeMeasure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return estimateNodeText;
  const css = getComputedStyle(document.documentElement);
  const sans = css.getPropertyValue('--font-sans').trim() || 'sans-serif';
  const mono = css.getPropertyValue('--font-mono').trim() || 'monospace';
  // As in GraphNode.svelte's styles.
  const fonts: Record<NodeTextKind, string> = {
    name: `600 12.5px ${sans}`,
    type: `11px ${sans}`,
    shape: `11px ${mono}`,
  };
  return (text, kind) => {
    ctx.font = fonts[kind];
    return ctx.measureText(text).width;
  };
}

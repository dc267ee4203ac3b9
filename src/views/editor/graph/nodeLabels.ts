/**
 * What each graph node says, from the spec, the shape table and the explainer's untrained
 * set: one record per layer, with its size so the layout can make room for error text.
 */
import type { LayerSpec, Localized } from '../../../lib/spec/types';
import type { ShapeTable } from '../../../lib/spec/inferShapes';
import type { LayerCategory } from '../../../lib/layers/types';
import { getLayerDef } from '../../../lib/layers/registry';
import { wrapText } from '../../../lib/editor/wrapText';
import { abbreviateTypeToFit } from '../../../lib/editor/abbreviateType';
import { fitText } from '../../../lib/editor/fitText';
import { formatShape } from '../../../lib/i18n/format';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 50;
export const LINE_HEIGHT = 14;
const ERROR_CHARS = 30;
/** Text starts 16 px in from the left and ends 12 px before the right edge. */
const NAME_ROOM = NODE_WIDTH - 16 - 12;
/** The type and the shape share the second line, with a gap between them. */
const TYPE_SHAPE_ROOM = NAME_ROOM - 10;

/** The three texts of a node, in GraphNode.svelte's fonts. */
export type NodeTextKind = 'name' | 'type' | 'shape';
/** A text's width in px in its node font (GraphPane measures with a canvas). */
export type NodeMeasure = (text: string, kind: NodeTextKind) => number;

/**
 * Widths without a page to measure in (tests, a failed canvas): px per character on the wide
 * side of the fonts' glyphs (12.5 px semibold names, 11 px type, 11 px monospace shape), CJK
 * characters as two, so that an estimate cuts rather than overflows.
 */
const PX_PER_CHAR: Record<NodeTextKind, number> = { name: 8.6, type: 7.8, shape: 6.8 };
export const estimateNodeText: NodeMeasure = (text, kind) => {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n * PX_PER_CHAR[kind];
};

export interface NodeLabel {
  id: string;
  type: string;
  category: LayerCategory | undefined;
  status: 'ok' | 'error' | 'blocked';
  name: string;
  typeText: string;
  shapeText: string;
  /** Why the layer is invalid (or which layer blocks it), wrapped into lines. */
  problem: string[];
  /** The full sentence, for the tooltip. */
  problemFull: string;
  untrained: boolean;
  notInTfjs: boolean;
  width: number;
  height: number;
}

/** The inference error without the leading `id: `, which the node already shows. */
function withoutId(id: string, text: string): string {
  for (const sep of [': ', '：']) if (text.startsWith(id + sep)) return text.slice(id.length + sep.length);
  return text;
}

/**
 * The second line: the shape whole, the type in what is left (short forms first, then an
 * ellipsis). A big net's shape ("112 × 112 × 32") leaves too little for "DepthwiseConv2D", so
 * the shape then drops its spaces ("112×112×32") before the type is cut.
 */
function typeAndShape(
  type: string,
  shape: readonly number[] | null,
  measure: NodeMeasure,
): { typeText: string; shapeText: string } {
  const measureType = (text: string): number => measure(text, 'type');
  const shapes = shape ? [formatShape(shape), shape.join('×')] : [''];
  for (const [i, shapeText] of shapes.entries()) {
    const room = Math.max(0, TYPE_SHAPE_ROOM - measure(shapeText, 'shape'));
    let cut = false;
    const typeText = abbreviateTypeToFit(
      type,
      (text) => measureType(text) <= room,
      (text) => ((cut = true), fitText(text, room, measureType)),
    );
    if (!cut || i === shapes.length - 1) return { typeText, shapeText };
  }
  return { typeText: type, shapeText: '' };
}

export function nodeLabel(
  layer: LayerSpec,
  table: ShapeTable,
  untrained: ReadonlySet<string>,
  l: (text: Localized) => string,
  blockedBy: (by: string) => string,
  measure: NodeMeasure = estimateNodeText,
): NodeLabel {
  const def = getLayerDef(layer.type);
  const info = table.layers.get(layer.id);
  const status = info?.status ?? 'error';
  let problemFull = '';
  if (info?.status === 'error') problemFull = withoutId(layer.id, l(info.error));
  else if (info?.status === 'blocked') problemFull = blockedBy(info.by);
  const problem = problemFull ? wrapText(problemFull, ERROR_CHARS, info?.status === 'error' ? 3 : 1) : [];
  const { shapeText, typeText } = typeAndShape(
    layer.type,
    info?.status === 'ok' ? info.shape : null,
    measure,
  );
  return {
    id: layer.id,
    type: layer.type,
    category: def?.category,
    status,
    name: fitText(layer.id, NAME_ROOM, (text) => measure(text, 'name')),
    typeText,
    shapeText,
    problem,
    problemFull,
    untrained: untrained.has(layer.id),
    notInTfjs: def !== undefined && def.keras === null,
    width: NODE_WIDTH,
    height: NODE_HEIGHT + (problem.length > 0 ? problem.length * LINE_HEIGHT + 4 : 0),
  };
}

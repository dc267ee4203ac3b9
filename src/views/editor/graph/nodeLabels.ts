/**
 * What each graph node says, from the spec, the shape table and the explainer's untrained
 * set: one record per layer, with its size so the layout can make room for error text.
 */
import type { LayerSpec, Localized } from '../../../lib/spec/types';
import type { ShapeTable } from '../../../lib/spec/inferShapes';
import type { LayerCategory } from '../../../lib/layers/types';
import { getLayerDef } from '../../../lib/layers/registry';
import { clip, wrapText } from '../../../lib/editor/wrapText';
import { abbreviateType } from '../../../lib/editor/abbreviateType';
import { formatShape } from '../../../lib/i18n/format';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 50;
export const LINE_HEIGHT = 14;
/** Characters that fit a node's width at the node's font sizes (estimates, in px per character). */
const CHARS = 24;
const ERROR_CHARS = 30;
const SANS_PX = 6.3;
const MONO_PX = 6.7;
/** Text starts 16 px in from the left, ends 12 px before the right edge, with a gap between. */
const TEXT_ROOM = NODE_WIDTH - 16 - 12 - 10;

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

export function nodeLabel(
  layer: LayerSpec,
  table: ShapeTable,
  untrained: ReadonlySet<string>,
  l: (text: Localized) => string,
  blockedBy: (by: string) => string,
): NodeLabel {
  const def = getLayerDef(layer.type);
  const info = table.layers.get(layer.id);
  const status = info?.status ?? 'error';
  const shapeText = info?.status === 'ok' ? formatShape(info.shape) : '';
  let problemFull = '';
  if (info?.status === 'error') problemFull = withoutId(layer.id, l(info.error));
  else if (info?.status === 'blocked') problemFull = blockedBy(info.by);
  const problem = problemFull ? wrapText(problemFull, ERROR_CHARS, info?.status === 'error' ? 3 : 1) : [];
  const room = Math.max(6, Math.floor((TEXT_ROOM - shapeText.length * MONO_PX) / SANS_PX));
  return {
    id: layer.id,
    type: layer.type,
    category: def?.category,
    status,
    name: clip(layer.id, CHARS),
    typeText: abbreviateType(layer.type, room),
    shapeText,
    problem,
    problemFull,
    untrained: untrained.has(layer.id),
    notInTfjs: def !== undefined && def.keras === null,
    width: NODE_WIDTH,
    height: NODE_HEIGHT + (problem.length > 0 ? problem.length * LINE_HEIGHT + 4 : 0),
  };
}

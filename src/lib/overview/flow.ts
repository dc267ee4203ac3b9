/**
 * How data flows between the overview's columns in a branching network (residual and
 * inception blocks). Columns go depth-first, so the layers of one branch sit side by side
 * instead of interleaving with the other branch's; then every input that is not the column
 * just before is a "skip": drawn as an arc over the columns in between, into the join. A
 * chain of layers has no skips and keeps the order (and look) it always had.
 */
import type { LayerSpec, NetworkSpec } from '../spec/types';
import type { OverviewLayout } from './layout';

/** True when some layer has several inputs or several readers. */
export function isBranching(spec: NetworkSpec): boolean {
  const readers = new Map<string, number>();
  for (const l of spec.layers) {
    if (l.inputs.length > 1) return true;
    for (const id of new Set(l.inputs)) {
      const n = (readers.get(id) ?? 0) + 1;
      if (n > 1) return true;
      readers.set(id, n);
    }
  }
  return false;
}

/**
 * A topological order that follows one branch to its end (or to a join still waiting for
 * its other inputs) before starting the next; among layers ready together, spec order.
 * Linear in the layers and their inputs. Layers in a cycle are left out, as in inferShapes.
 */
export function branchOrder(layers: readonly LayerSpec[]): LayerSpec[] {
  const index = new Map(layers.map((l, i) => [l.id, i]));
  const waiting = layers.map((l) => new Set(l.inputs.filter((id) => index.has(id))).size);
  const readers = new Map<string, number[]>();
  layers.forEach((l, i) => {
    for (const id of new Set(l.inputs)) {
      if (!index.has(id)) continue;
      const list = readers.get(id);
      if (list) list.push(i);
      else readers.set(id, [i]);
    }
  });
  const stack = waiting.flatMap((w, i) => (w === 0 ? [i] : [])).reverse();
  const placed: LayerSpec[] = [];
  const done = new Set<string>();
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const layer = layers[i] as LayerSpec;
    placed.push(layer);
    if (done.has(layer.id)) continue;
    done.add(layer.id);
    const ready: number[] = [];
    for (const r of readers.get(layer.id) ?? []) if (--(waiting[r] as number) === 0) ready.push(r);
    // The earliest reader in spec order is taken next: pushed last.
    stack.push(...ready.sort((a, b) => b - a));
  }
  return placed;
}

export interface FlowLink {
  from: string;
  to: string;
  /** x of the source and target columns' centres. */
  x0: number;
  x1: number;
  /** 'next': the column right before; 'skip': an arc over `span` − 1 columns (a shortcut, or into or out of a branch). */
  kind: 'next' | 'skip';
  span: number;
  /**
   * The link belongs to a side path: it leaves a branch entered by a skip (the layers of a
   * projection shortcut or of an inception branch), or is a skip itself.
   */
  side: boolean;
  /** A skip straight from a fork into an Add: a residual block's identity shortcut. */
  shortcut: boolean;
  /** Skips: 1 + the highest level of the skips nested inside this one, so arcs nest without touching. */
  level: number;
}

export interface FlowJoin {
  id: string;
  type: string;
  x: number;
}

export interface Flow {
  links: FlowLink[];
  joins: FlowJoin[];
}

/** Every connection between the laid-out columns, and the columns that merge several inputs. */
export function flowOf(layout: OverviewLayout): Flow {
  const position = new Map(layout.columns.map((c, i) => [c.column.id, i]));
  const centre = (i: number) => {
    const c = layout.columns[i];
    return c ? c.slotX + c.slotWidth / 2 : 0;
  };
  const links: FlowLink[] = [];
  const joins: FlowJoin[] = [];
  const readers = new Map<string, number>();
  for (const c of layout.columns)
    for (const id of new Set(c.column.inputs)) readers.set(id, (readers.get(id) ?? 0) + 1);
  /** Columns on a side path: entered by a skip, or the next of such a column, up to a join. */
  const side = new Set<string>();
  layout.columns.forEach((col, i) => {
    const sources = [...new Set(col.column.inputs)];
    for (const from of sources) {
      const j = position.get(from);
      if (j === undefined || j >= i) continue;
      const kind = j === i - 1 ? 'next' : 'skip';
      const isJoin = col.column.inputs.length > 1;
      links.push({
        from,
        to: col.column.id,
        x0: centre(j),
        x1: centre(i),
        kind,
        span: i - j,
        side: kind === 'skip' || side.has(from),
        shortcut: kind === 'skip' && col.column.type === 'Add' && (readers.get(from) ?? 0) > 1,
        level: kind === 'skip' ? 1 : 0,
      });
      if (!isJoin && (kind === 'skip' || side.has(from))) side.add(col.column.id);
    }
    if (col.column.inputs.length > 1) joins.push({ id: col.column.id, type: col.column.type, x: centre(i) });
  });
  nestLevels(links.filter((l) => l.kind === 'skip'));
  return { links, joins };
}

/** Quadratic in the skips, so only for as many as a real net has; beyond, all stay at level 1. */
const MAX_NESTED = 400;

function nestLevels(skips: FlowLink[]): void {
  if (skips.length > MAX_NESTED) return;
  const bySpan = [...skips].sort((a, b) => a.span - b.span);
  bySpan.forEach((a, i) => {
    for (const b of bySpan.slice(0, i))
      if (b.x0 >= a.x0 && b.x1 <= a.x1 && b.span < a.span) a.level = Math.max(a.level, b.level + 1);
  });
}

/**
 * An arc's height in the lane: each level of nesting rises higher (so the nested arcs of an
 * inception block do not cover each other), longer jumps a little more, up to the lane's height.
 */
export function arcHeight(link: Pick<FlowLink, 'span' | 'level'>, lane: number): number {
  return Math.min(lane, 4 + 8 * Math.max(1, link.level) + 2 * Math.log2(Math.max(1, link.span)));
}

const JOIN_SYMBOLS: Record<string, string> = {
  Add: '+',
  Subtract: '−',
  Multiply: '×',
  Average: 'μ',
  Maximum: 'm',
  Concatenate: '‖',
};

/** The mark drawn where paths join: the operation's sign, or a dot for any other join. */
export function joinSymbol(type: string): string {
  return JOIN_SYMBOLS[type] ?? '•';
}

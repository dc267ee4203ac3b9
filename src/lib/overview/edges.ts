/**
 * The edges drawn when a neuron is hovered or focused: one curve from each visible input
 * neuron it reads to the neuron itself, or a fan from a strip (a flatten) that feeds it
 * as a whole. A cell of a flatten strip links back to the one channel it was copied from.
 */
import { inputLinks } from './connections';
import { neuronBox, type OverviewLayout } from './layout';

export interface Point {
  x: number;
  y: number;
}

export interface Edge {
  from: Point;
  to: Point;
  layerId: string;
  channel: number;
}

export interface Fan {
  x: number;
  y0: number;
  y1: number;
  to: Point;
}

export interface EdgeSet {
  edges: Edge[];
  fans: Fan[];
  /** `layer:channel` keys of the input neurons on screen that the neuron reads. */
  linked: Set<string>;
  /** Input neurons it reads that are folded away ("+N more"). */
  offscreen: number;
}

export interface ActiveRef {
  layerId: string;
  channel: number;
  cell?: { row: number; col: number };
}

export const neuronKey = (layerId: string, channel: number): string => `${layerId}:${channel}`;

export function edgesFor(layout: OverviewLayout, active: ActiveRef): EdgeSet {
  const out: EdgeSet = { edges: [], fans: [], linked: new Set(), offscreen: 0 };
  const col = layout.byId.get(active.layerId);
  const box = neuronBox(layout, active.layerId, active.channel);
  if (!col || !box) return out;
  const c = col.column;
  let channel = active.channel;
  let to: Point = { x: box.x, y: box.y + box.h / 2 };
  const source = c.inputShapes[0];
  // A strip cell is one copied value: link it to the map and channel it came from.
  if (c.kind === 'strip' && active.cell && source && source.length === 3) {
    const index = active.cell.row * c.grid.cols + active.cell.col;
    channel = index % (source[2] ?? 1);
    to = { x: box.x, y: box.y + ((active.cell.row + 0.5) / c.grid.rows) * box.h };
  }
  const links = inputLinks(c, channel);
  const narrowed =
    c.kind === 'strip' && active.cell && links.length === 1 && links[0]
      ? [{ from: links[0].from, channels: [channel] }]
      : links;
  for (const link of narrowed) {
    const src = layout.byId.get(link.from);
    if (!src) continue;
    if (src.column.kind === 'strip' || src.column.kind === 'hidden') {
      const n = src.neurons[0];
      if (n) out.fans.push({ x: n.x + n.w, y0: n.y, y1: n.y + n.h, to });
      out.linked.add(neuronKey(link.from, 0));
      continue;
    }
    const wanted = link.channels === 'all' ? null : new Set(link.channels);
    let shown = 0;
    for (const n of src.neurons) {
      if (wanted && !wanted.has(n.channel)) continue;
      shown++;
      out.edges.push({
        from: { x: n.x + n.w, y: n.y + n.h / 2 },
        to,
        layerId: link.from,
        channel: n.channel,
      });
      out.linked.add(neuronKey(link.from, n.channel));
    }
    out.offscreen += (wanted ? wanted.size : src.column.neurons) - shown;
  }
  return out;
}

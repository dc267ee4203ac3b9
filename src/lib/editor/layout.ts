/**
 * Automatic layout of a spec's graph with dagre (layered drawing of a DAG): top to bottom,
 * inputs above their consumers, crossings kept few. The caller gives each node's size;
 * the result is plain numbers for the view to draw.
 */
import dagre from '@dagrejs/dagre';
import type { LayerSpec, NetworkSpec } from '../spec/types';

export interface Point {
  x: number;
  y: number;
}

/** A node's box; x, y is its top-left corner. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgePath {
  /** Stable key: the connection into `to`'s `slot`-th input. */
  key: string;
  from: string;
  to: string;
  slot: number;
  points: Point[];
}

export interface GraphLayout {
  nodes: Map<string, NodeBox>;
  edges: EdgePath[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  rankdir?: 'TB' | 'LR';
  nodesep?: number;
  ranksep?: number;
  margin?: number;
}

export function edgeKey(from: string, to: string, slot: number): string {
  return `${from}->${to}#${slot}`;
}

/** Where a node's output leaves: the middle of its bottom edge. */
export function outputPort(box: NodeBox): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height };
}

/**
 * Dagre's route, starting at the output port and ending on the target's top edge where
 * dagre aimed it, so wires into a merge layer arrive side by side without crossing.
 */
function routeBetween(points: Point[], from: NodeBox, to: NodeBox): Point[] {
  const start = outputPort(from);
  const aim = points[points.length - 1] ?? { x: to.x + to.width / 2, y: to.y };
  const end = { x: Math.min(to.x + to.width - 14, Math.max(to.x + 14, aim.x)), y: to.y };
  const inner = points.slice(1, -1);
  return [start, { x: start.x, y: start.y + 8 }, ...inner, { x: end.x, y: end.y - 8 }, end];
}

export function layoutGraph(
  spec: NetworkSpec,
  sizeOf: (layer: LayerSpec) => { width: number; height: number },
  options: LayoutOptions = {},
): GraphLayout {
  const margin = options.margin ?? 16;
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: options.rankdir ?? 'TB',
    nodesep: options.nodesep ?? 28,
    ranksep: options.ranksep ?? 30,
    marginx: margin,
    marginy: margin,
  });
  const ids = new Set(spec.layers.map((l) => l.id));
  for (const l of spec.layers) g.setNode(l.id, { ...sizeOf(l) });
  const edges: Omit<EdgePath, 'points'>[] = [];
  for (const l of spec.layers)
    l.inputs.forEach((from, slot) => {
      // A dangling name (the layer was deleted elsewhere) has no node to draw an edge to;
      // the shape table reports it on the layer instead.
      if (!ids.has(from)) return;
      const key = edgeKey(from, l.id, slot);
      g.setEdge(from, l.id, {}, key);
      edges.push({ key, from, to: l.id, slot });
    });
  dagre.layout(g);
  const nodes = new Map<string, NodeBox>();
  for (const l of spec.layers) {
    const n = g.node(l.id);
    nodes.set(l.id, {
      id: l.id,
      x: (n.x ?? 0) - n.width / 2,
      y: (n.y ?? 0) - n.height / 2,
      width: n.width,
      height: n.height,
    });
  }
  const graph = g.graph();
  return {
    nodes,
    edges: edges.map((e) => {
      const from = nodes.get(e.from) as NodeBox;
      const to = nodes.get(e.to) as NodeBox;
      const route = g.edge(e.from, e.to, e.key)?.points ?? [];
      return { ...e, points: routeBetween(route, from, to) };
    }),
    width: graph.width ?? 0,
    height: graph.height ?? 0,
  };
}

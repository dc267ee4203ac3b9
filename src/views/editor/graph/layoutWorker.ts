/** Lays out big graphs off the main thread: dagre takes seconds on nets of 150+ layers. */
import { layoutGraph } from '../../../lib/editor/layout';
import type { LayoutRequest, LayoutReply } from './layoutMessages';

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, spec, sizes } = e.data;
  const g = layoutGraph(spec, (l) => sizes[l.id] ?? { width: 184, height: 50 });
  const reply: LayoutReply = {
    id,
    nodes: [...g.nodes.values()],
    edges: g.edges,
    width: g.width,
    height: g.height,
  };
  self.postMessage(reply);
};

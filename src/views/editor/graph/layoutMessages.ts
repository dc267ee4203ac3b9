/** Messages between the graph pane and its layout worker: plain data, structured-cloneable. */
import type { NetworkSpec } from '../../../lib/spec/types';
import type { EdgePath, NodeBox } from '../../../lib/editor/layout';

export interface LayoutRequest {
  id: number;
  spec: NetworkSpec;
  sizes: Record<string, { width: number; height: number }>;
}

export interface LayoutReply {
  id: number;
  nodes: NodeBox[];
  edges: EdgePath[];
  width: number;
  height: number;
}

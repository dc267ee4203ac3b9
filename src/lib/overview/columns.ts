/**
 * The overview's columns, one per layer in the order data flows, derived from the spec and
 * its shape table only: how each layer is drawn follows from its output's rank and size,
 * never from its type, so any network the spec describes can be shown.
 */
import type { LayerParams, LayerSpec, NetworkSpec, Shape } from '../spec/types';
import type { ShapeTable } from '../spec/inferShapes';
import { getLayerDef } from '../layers/registry';
import { isSigned } from './signs';
import { branchOrder, isBranching } from './flow';

/**
 * maps: a grid per channel (rank 3, rank 2 drawn as 1-row strips, rank 4 — a volume — as its
 * depth slices stacked top to bottom); units: a vector small enough for one cell per value;
 * strip: a long vector (a flatten) in one compact strip; output: the network's last layer as
 * class rows; hidden: outputs with more than 4 axes.
 */
export type ColumnKind = 'maps' | 'units' | 'strip' | 'output' | 'hidden';

export interface OverviewColumn {
  id: string;
  type: string;
  kind: ColumnKind;
  /** True for the network's input (the image). */
  isInput: boolean;
  params: LayerParams;
  shape: Shape;
  inputs: string[];
  inputShapes: Shape[];
  /** Shapes of the layer's weight tensors (kernels, biases). */
  weightShapes: Shape[];
  paramCount: number;
  /** How many neurons the column shows: channels for maps, values for units/output, 1 for a strip. */
  neurons: number;
  /** The pixel grid one neuron's canvas has: a channel's H×W, or the strip's rows×cols. */
  grid: { rows: number; cols: number };
  /** Block number: 0 for the input, then one more after every pooling-like layer. */
  block: number;
  /** Can hold negative values (diverging colours); from the spec. */
  signed: boolean;
}

/** Vectors up to this long get one cell per value; longer ones (flatten) a compact strip. */
export const MAX_UNITS = 64;

const product = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/**
 * A layer that shrinks its input without weights (max/average/global pooling) ends a block.
 * Flatten keeps every value and so does not.
 */
export function isDownsampling(paramCount: number, inputShapes: readonly Shape[], shape: Shape): boolean {
  const first = inputShapes[0];
  return (
    paramCount === 0 &&
    inputShapes.length === 1 &&
    first !== undefined &&
    first.length >= 2 &&
    product(shape) < product(first)
  );
}

/** Rows × cols for a long vector: one column per source channel when it came from maps. */
export function stripGrid(length: number, inputShape: Shape | undefined): { rows: number; cols: number } {
  const channels = inputShape && inputShape.length >= 2 ? (inputShape[inputShape.length - 1] ?? 1) : 0;
  const cols =
    channels > 0 && channels <= 64 && length % channels === 0
      ? channels
      : Math.max(1, Math.ceil(Math.sqrt(length / 16)));
  return { rows: Math.ceil(length / cols), cols };
}

function kindOf(shape: Shape, isLast: boolean): ColumnKind {
  if (shape.length === 4 || shape.length === 3 || shape.length === 2) return 'maps';
  if (shape.length !== 1) return 'hidden';
  if (isLast) return 'output';
  return (shape[0] ?? 0) <= MAX_UNITS ? 'units' : 'strip';
}

/**
 * For each position of `order`, whether some connection jumps over it (from a layer before
 * it to a layer after it): then data also flows around that layer. Linear in the connections.
 */
function bypassedColumns(order: readonly string[], byId: ReadonlyMap<string, LayerSpec>): boolean[] {
  const position = new Map(order.map((id, i) => [id, i]));
  const crossing = new Array<number>(order.length + 1).fill(0);
  order.forEach((id, k) => {
    for (const src of byId.get(id)?.inputs ?? []) {
      const j = position.get(src);
      if (j === undefined || k - j < 2) continue;
      crossing[j + 1] = (crossing[j + 1] ?? 0) + 1;
      crossing[k] = (crossing[k] ?? 0) - 1;
    }
  });
  let open = 0;
  return order.map((_, i) => (open += crossing[i] ?? 0) > 0);
}

export function buildColumns(spec: NetworkSpec, table: ShapeTable): OverviewColumn[] {
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  // A branching net goes branch by branch (see ./flow); a chain keeps the shape table's order.
  const order = isBranching(spec) ? branchOrder(spec.layers).map((l) => l.id) : table.order;
  const ok = order.filter((id) => table.layers.get(id)?.status === 'ok' && byId.has(id));
  const columns: OverviewColumn[] = [];
  const signed = new Map<string, boolean>();
  let block = 1;
  const bypassed = bypassedColumns(ok, byId);
  ok.forEach((id, i) => {
    const layer = byId.get(id)!;
    const info = table.layers.get(id);
    if (info?.status !== 'ok') return;
    const shape = info.shape;
    const def = getLayerDef(layer.type);
    const weightShapes = def ? def.weights(layer.params, info.inputShapes).map((w) => w.shape) : [];
    const activation = typeof layer.params.activation === 'string' ? layer.params.activation : undefined;
    const isInput = layer.inputs.length === 0;
    const s = isInput
      ? false
      : isSigned({
          activation,
          weights: info.params,
          inputsSigned: layer.inputs.map((src) => signed.get(src) ?? true),
        });
    signed.set(id, s);
    const kind = kindOf(shape, i === ok.length - 1 && !isInput);
    const length = product(shape);
    const grid =
      kind === 'maps'
        ? shape.length === 4
          ? // D slices of H×W, one under the next: exactly the order a [D, H, W, C] volume is stored in.
            { rows: (shape[0] ?? 1) * (shape[1] ?? 1), cols: shape[2] ?? 1 }
          : shape.length === 3
            ? { rows: shape[0] ?? 1, cols: shape[1] ?? 1 }
            : { rows: 1, cols: shape[0] ?? 1 }
        : kind === 'strip'
          ? stripGrid(length, info.inputShapes[0])
          : { rows: 1, cols: 1 };
    const neurons =
      kind === 'maps' ? (shape[shape.length - 1] ?? 1) : kind === 'strip' || kind === 'hidden' ? 1 : length;
    columns.push({
      id,
      type: layer.type,
      kind,
      isInput,
      params: layer.params,
      shape,
      inputs: layer.inputs,
      inputShapes: info.inputShapes,
      weightShapes,
      paramCount: info.params,
      neurons,
      grid,
      block: isInput ? 0 : block,
      signed: s,
    });
    // A pooling that another path goes around (the squeeze of an SE block) ends no block.
    if (!isInput && !bypassed[i] && isDownsampling(info.params, info.inputShapes, shape)) block++;
  });
  return columns;
}

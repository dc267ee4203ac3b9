/**
 * Keyboard movement in the overview: up and down between a column's visible neurons, left
 * and right to the neighbouring column's neuron nearest in height.
 */
import type { OverviewLayout } from './layout';

export interface Focus {
  layerId: string;
  channel: number;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

export function moveFocus(layout: OverviewLayout, from: Focus | null, move: Move): Focus | null {
  const cols = layout.columns.filter((c) => c.neurons.length > 0);
  const first = cols[0];
  if (!first) return null;
  const ci = from ? cols.findIndex((c) => c.column.id === from.layerId) : -1;
  const current = cols[ci];
  if (!from || !current) return { layerId: first.column.id, channel: first.neurons[0]!.channel };
  const row = Math.max(
    0,
    current.neurons.findIndex((n) => n.channel === from.channel),
  );
  if (move === 'up' || move === 'down' || move === 'first' || move === 'last') {
    const target =
      move === 'first'
        ? 0
        : move === 'last'
          ? current.neurons.length - 1
          : Math.min(current.neurons.length - 1, Math.max(0, row + (move === 'up' ? -1 : 1)));
    return { layerId: current.column.id, channel: current.neurons[target]!.channel };
  }
  const next = cols[ci + (move === 'left' ? -1 : 1)];
  if (!next) return from;
  const here = current.neurons[row]!;
  const centre = here.y + here.h / 2;
  let best = next.neurons[0]!;
  for (const n of next.neurons)
    if (Math.abs(n.y + n.h / 2 - centre) < Math.abs(best.y + best.h / 2 - centre)) best = n;
  return { layerId: next.column.id, channel: best.channel };
}

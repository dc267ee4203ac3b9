/**
 * The overview's own view state: colour range mode, header detail, which columns are
 * expanded, and the neuron under the pointer or keyboard focus. Shared by the overview's
 * components through context; the app-wide image and model stay in ExplainerState.
 */
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { RangeMode } from '../../lib/colour/ranges';

export interface ActiveNeuron {
  layerId: string;
  channel: number;
  /** The cell under the pointer: row and column in the neuron's grid. */
  cell?: { row: number; col: number };
  /** Pointer position in overview content coordinates, for the tooltip. */
  at?: { x: number; y: number };
  via: 'pointer' | 'keyboard';
}

export class OverviewState {
  rangeMode = $state<RangeMode>('layer');
  detailed = $state(true);
  expanded = new SvelteSet<string>();
  hovered = $state.raw<ActiveNeuron | null>(null);
  focused = $state.raw<ActiveNeuron | null>(null);
  /** The neuron shown with edges and tooltip: the pointer wins over the keyboard. */
  active = $derived(this.hovered ?? this.focused);

  toggleExpanded(layerId: string): void {
    if (this.expanded.has(layerId)) this.expanded.delete(layerId);
    else this.expanded.add(layerId);
  }
}

const KEY = Symbol('overview');

export function provideOverview(state: OverviewState): void {
  setContext(KEY, state);
}

export function useOverview(): OverviewState {
  return getContext<OverviewState>(KEY);
}

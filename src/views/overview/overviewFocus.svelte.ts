/**
 * Keyboard focus in the network overview: one neuron is in the tab order (a roving
 * tabindex) and the arrow keys, Home and End move it; opening a neuron's detail remembers
 * the scroll and the neuron, and closing it comes back to both. Create it in the
 * overview's script.
 */
import { tick } from 'svelte';
import type { OverviewLayout } from '../../lib/overview/layout';
import { neuronKey } from '../../lib/overview/edges';
import { moveFocus, type Move } from '../../lib/overview/navigate';
import type { ActiveNeuron, OverviewState } from './overviewState.svelte';

const KEYS: Record<string, Move> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'first',
  End: 'last',
};

export interface OverviewFocusHost {
  layout: () => OverviewLayout;
  /** The horizontally scrolling box around the neurons. */
  scroller: () => HTMLElement | undefined;
  ov: OverviewState;
  /** Opens a neuron's detail. */
  select: (ref: { layerId: string; channel: number }) => void;
  /** Whether a neuron's detail is open. */
  isSelected: () => boolean;
}

export class OverviewFocus {
  private focusKey = $state('');
  private readonly firstKey = $derived.by(() => {
    const first = this.host.layout().columns[0];
    return first ? neuronKey(first.column.id, 0) : '';
  });
  /** The key of the neuron in the tab order. */
  readonly tabKey = $derived(this.focusKey || this.firstKey);
  private saved: { x: number; y: number } | null = null;

  constructor(private readonly host: OverviewFocusHost) {
    // When the detail closes, come back to where the visitor was: same scroll, same neuron focused.
    $effect(() => {
      if (this.host.isSelected() || !this.saved) return;
      const s = this.saved;
      this.saved = null;
      void tick().then(() => {
        const scroller = this.host.scroller();
        if (scroller) scroller.scrollLeft = s.x;
        window.scrollTo({ top: s.y });
        scroller
          ?.querySelector<HTMLElement>(`[data-layer][data-channel]:is([tabindex="0"])`)
          ?.focus({ preventScroll: true });
      });
    });
  }

  open = (layerId: string, channel: number): void => {
    this.saved = { x: this.host.scroller()?.scrollLeft ?? 0, y: window.scrollY };
    this.focusKey = neuronKey(layerId, channel);
    this.host.select({ layerId, channel });
  };

  onfocusin = (n: ActiveNeuron): void => {
    this.focusKey = neuronKey(n.layerId, n.channel);
    this.host.ov.focused = n;
  };

  /**
   * An attachment for the group of neurons: arrow keys and focus leaving come from the
   * neuron buttons inside, and one delegated listener handles them for all neurons.
   */
  delegate = (node: HTMLElement): (() => void) => {
    const onfocusout = (e: FocusEvent): void => {
      if (!node.contains(e.relatedTarget as Node | null)) this.host.ov.focused = null;
    };
    node.addEventListener('keydown', this.onkeydown);
    node.addEventListener('focusout', onfocusout);
    return () => {
      node.removeEventListener('keydown', this.onkeydown);
      node.removeEventListener('focusout', onfocusout);
    };
  };

  private onkeydown = (e: KeyboardEvent): void => {
    const move = KEYS[e.key];
    if (!move) return;
    e.preventDefault();
    const [layerId = '', channel = '0'] = this.tabKey.split(/:(?=\d+$)/);
    const next = moveFocus(
      this.host.layout(),
      this.focusKey ? { layerId, channel: Number(channel) } : null,
      move,
    );
    if (next) void this.focusNeuron(next.layerId, next.channel);
  };

  private async focusNeuron(layerId: string, channel: number): Promise<void> {
    this.focusKey = neuronKey(layerId, channel);
    await tick();
    this.host
      .scroller()
      ?.querySelector<HTMLElement>(`[data-layer="${CSS.escape(layerId)}"][data-channel="${channel}"]`)
      ?.focus();
  }
}

/** Keyboard control of a formula animation: Space plays/pauses, ← and → step. */
import type { PlayerHandle } from './playerHandle.svelte';

/** A window keydown handler that leaves keys alone while a form control has focus. */
export function playerKeys(player: PlayerHandle): (e: KeyboardEvent) => void {
  return (e) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    const tag = target?.tagName ?? '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey || e.ctrlKey || e.metaKey)
      return;
    if (e.key === ' ') {
      // A focused button already acts on Space (it may be this very play button).
      if (tag === 'BUTTON') return;
      e.preventDefault();
      player.toggle();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      player.step(1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      player.step(-1);
    }
  };
}

/** What the editor's status line says while a net is rebuilt (LinkStatus.svelte). */
import type { MessageKey } from '../../lib/i18n';
import type { RebuildProgress } from './types';

const WEIGHTS: Record<RebuildProgress['weights'], MessageKey> = {
  keep: 'editor.link.weights',
  random: 'editor.link.randomWeights',
  given: 'editor.link.givenWeights',
};

/**
 * The message for a rebuild's stage. A net in the worker is built, given its weights and run
 * in one step, so it says all of that at once (not "carrying the weights over" for the
 * second or so a zoo net's random weights and first run take).
 */
export function rebuildMessage(p: RebuildProgress): MessageKey {
  switch (p.stage) {
    case 'building':
      return 'editor.link.building';
    case 'weights':
      return WEIGHTS[p.weights];
    case 'running':
      return 'editor.link.running';
    case 'inWorker':
      return p.weights === 'random' ? 'editor.link.inWorkerRandom' : 'editor.link.inWorker';
  }
}

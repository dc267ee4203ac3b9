/**
 * Puts another network into the explainer. With the architecture editor present it goes
 * through the editor (one undo step, and the editor keeps showing the net the explainer
 * runs); without it, straight to the explainer.
 */
import type { NetworkSpec } from '../../lib/spec/types';
import type { ExplainerState } from '../state/explainerState.svelte';
import type { EditorState } from '../state/editorState.svelte';

function sameSpec(a: NetworkSpec | null, b: NetworkSpec): boolean {
  return a === b || (a !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** Resolves when the explainer runs `spec` (true) or gives up after `timeoutMs` (false). */
function whenShown(explainer: ExplainerState, spec: NetworkSpec, timeoutMs: number): Promise<boolean> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const tick = (): void => {
      if (!explainer.rebuilding && sameSpec(explainer.spec, spec)) resolve(true);
      else if (performance.now() - t0 > timeoutMs) resolve(false);
      else setTimeout(tick, 40);
    };
    tick();
  });
}

export async function switchNetwork(
  explainer: ExplainerState,
  editor: EditorState | undefined,
  spec: NetworkSpec,
  weights: 'keep' | 'random' = 'random',
): Promise<boolean> {
  if (sameSpec(explainer.spec, spec) && !explainer.rebuilding) return true;
  if (editor) {
    editor.open(spec, weights);
    return whenShown(explainer, spec, 60_000);
  }
  const r = await explainer.applySpec(spec, { weights });
  return r.ok;
}

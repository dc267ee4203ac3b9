/**
 * Hands an imported model to the app: through the editor when there is one (so the graph,
 * its undo history and the explainer follow), straight to the explainer otherwise. A file's
 * own weights are put into the rebuilt model and then kept by the editor's rebuild.
 */
import type { EditorState } from '../../app/state/editorState.svelte';
import type { ExplainerState } from '../../app/state/explainerState.svelte';
import type { Imported } from '../../lib/formats';
import type { Localized } from '../../lib/spec/types';
import { inferShapes } from '../../lib/spec/inferShapes';

/** The first layer whose shape cannot be worked out, with why. */
export function firstProblem(imported: Imported): { layer: string; text: Localized } | null {
  const table = inferShapes(imported.spec);
  for (const id of table.order) {
    const info = table.layers.get(id);
    if (info?.status === 'error') return { layer: id, text: info.error };
  }
  return null;
}

export interface Applied {
  withWeights: boolean;
  /** Why the explainer keeps its last net (the graph still shows the new one). */
  notRunnable: Localized | null;
}

export async function applyModel(
  imported: Imported,
  how: 'edit' | 'open',
  editor: EditorState | undefined,
  explainer: ExplainerState,
): Promise<Applied> {
  const { spec, weights } = imported;
  if (weights) {
    const r = await explainer.applySpec(spec, { weights: 'random' });
    if (r.ok) explainer.setWeights(weights, { trained: true });
    // The editor's own rebuild keeps every weight whose name and shape fit: all of these.
    editor?.open(spec, 'keep');
    return { withWeights: r.ok, notRunnable: r.ok ? null : r.reason };
  }
  if (editor) {
    if (how === 'open') editor.open(spec, 'keep');
    else editor.replaceSpec(spec);
    return { withWeights: false, notRunnable: null };
  }
  const r = await explainer.applySpec(spec, { weights: 'keep' });
  return { withWeights: false, notRunnable: r.ok ? null : r.reason };
}

/**
 * Hands an imported model to the app through the editor's one door (`openNetwork`), so the
 * graph, its undo history and the explainer follow. A file's own weights go in with the net.
 */
import type { EditorState } from '../../app/state/editorState.svelte';
import type { Imported } from '../../lib/formats';
import type { Localized } from '../../lib/spec/types';
import type { ClassNames } from '../../app/net/types';
import { inferShapes, type ShapeTable } from '../../lib/spec/inferShapes';
import { formatBytes } from '../../lib/i18n/format';

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

/**
 * With weights, waits until the explainer runs the net with them (so the message can say so).
 * A file opened without weights is another model: it runs with fresh random weights (keeping
 * the current net's trained values would show a prediction the file never made), with the
 * class names that came with it, or none (never the names of the model before it). An edit of
 * the current net as text keeps every weight that still fits. Without weights the net is
 * handed over and the editor's link status tells how its build goes.
 */
export async function applyModel(
  imported: Imported,
  how: 'edit' | 'open',
  editor: EditorState,
  classes?: ClassNames,
): Promise<Applied> {
  const { spec, weights } = imported;
  const named = classes ? { classes } : {};
  // Set after openNetwork starts (which clears it for every other net), so the Input panel asks.
  const unstated = () => (editor.unstatedInput = imported.unstatedInput ?? null);
  if (weights) {
    const opening = editor.openNetwork({ spec, weights, ...named });
    unstated();
    const r = await opening;
    return { withWeights: r.ok, notRunnable: r.ok ? null : r.reason };
  }
  if (how === 'open') {
    void editor.openNetwork({ spec, weights: 'random', ...named });
    unstated();
  } else editor.replaceSpec(spec);
  return { withWeights: false, notRunnable: null };
}

/** The float32 weights' size of a net whose shapes are known, for the toolbar; null when it has none. */
export function weightsSizeOf(table: ShapeTable): string | null {
  const params = [...table.layers.values()].reduce((s, l) => s + (l.status === 'ok' ? l.params : 0), 0);
  return params > 0 ? formatBytes(params * 4) : null;
}

/**
 * Keyboard use of the graph, on a focused node: arrows walk the wires, Delete removes,
 * C starts a connection that Enter on another node completes, Escape cancels it.
 */
import type { EditorState } from '../../../app/state/editorState.svelte';
import type { GraphLayout } from '../../../lib/editor/layout';
import { findLayer } from '../../../lib/spec/graph';

/** The node nearest to `from` among `ids`, left or right of it on the same row. */
function sideways(layout: GraphLayout, from: string, dir: -1 | 1): string | null {
  const box = layout.nodes.get(from);
  if (!box) return null;
  let best: string | null = null;
  let bestDx = Infinity;
  for (const [id, b] of layout.nodes) {
    const dx = (b.x - box.x) * dir;
    if (id === from || dx <= 0 || Math.abs(b.y + b.height / 2 - (box.y + box.height / 2)) > box.height)
      continue;
    if (dx < bestDx) {
      bestDx = dx;
      best = id;
    }
  }
  return best;
}

export function graphKeys(
  editor: EditorState,
  layout: GraphLayout,
  id: string,
  e: KeyboardEvent,
  focus: (id: string) => void,
): void {
  const spec = editor.spec;
  let next: string | null = null;
  switch (e.key) {
    case 'ArrowDown':
      next = spec.layers.find((l) => l.inputs.includes(id))?.id ?? null;
      break;
    case 'ArrowUp':
      next = findLayer(spec, id)?.inputs[0] ?? null;
      break;
    case 'ArrowLeft':
      next = sideways(layout, id, -1);
      break;
    case 'ArrowRight':
      next = sideways(layout, id, 1);
      break;
    case 'Delete':
    case 'Backspace':
      e.preventDefault();
      if (editor.remove(id) && editor.selectedId) focus(editor.selectedId);
      return;
    case 'c':
    case 'C':
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      editor.connectFrom = editor.connectFrom === id ? null : id;
      return;
    case 'Enter':
    case ' ':
      e.preventDefault();
      if (editor.connectFrom && editor.connectFrom !== id) editor.connect(editor.connectFrom, id);
      else editor.tab = 'layer';
      return;
    case 'Escape':
      editor.connectFrom = null;
      return;
    default:
      return;
  }
  e.preventDefault();
  if (next) focus(next);
}

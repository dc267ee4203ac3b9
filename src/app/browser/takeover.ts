/**
 * The prerendered first screen (#prerender, see src/prerender/snapshot.ts) and the app's
 * takeover of it: the app mounts into #app hidden behind the snapshot, laid out in the same
 * place, and the two swap in one task once the app's own overview has its pixels, so the next
 * frame shows the app where the snapshot was, without a flash or a jump.
 */
import { LINE_STILL_CLASS, removeSnapshotStyle } from '../../prerender/snapshotStyle';

const BEHIND = 'behind-snapshot';

/** The snapshot, while the page still shows it (the inline script removes one it cannot show). */
export const snapshotShown = (): HTMLElement | null => document.getElementById('prerender');

/**
 * Stops the snapshot's loading line where it is once the app's code runs. Its transform
 * animation is the compositor's, which without a GPU (the bench's headless Chromium) draws
 * every frame in software on a core the app's start needs; the margin animation it replaced
 * stood still anyway while the main thread was busy starting the app.
 */
export function pauseSnapshotLine(): void {
  snapshotShown()?.classList.add(LINE_STILL_CLASS);
}

/**
 * The snapshot's canvas of a layer's column while the snapshot is painted and still on screen
 * (not yet taken over), else null: the app's first overview has the same pixels, so its map
 * painter copies them instead of painting every map again (MapPainter's `shown`).
 */
export function snapshotColumn(layerId: string): HTMLCanvasElement | null {
  if (document.documentElement.dataset.prerender !== 'shown') return null;
  return (
    snapshotShown()?.querySelector<HTMLCanvasElement>(`canvas[data-layer="${CSS.escape(layerId)}"]`) ?? null
  );
}

/** Mounting into `target` happens behind the snapshot, if there is one. */
export function mountBehindSnapshot(target: HTMLElement): void {
  if (snapshotShown()) target.classList.add(BEHIND);
}

/** Shows the app in place of the snapshot (idempotent). */
export function takeOver(): void {
  snapshotShown()?.remove();
  removeSnapshotStyle();
  document.getElementById('app')?.classList.remove(BEHIND);
  document.documentElement.dataset.prerender &&= document.documentElement.dataset.prerender.replace(
    /^(shown|pending)$/,
    'taken over',
  );
}

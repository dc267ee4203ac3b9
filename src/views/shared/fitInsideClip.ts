/**
 * Keeps a right-aligned popup inside whatever clips it (on a phone, the editor's drawer): caps
 * its width to that frame less a margin, and moves it right when it would still stick out past
 * the frame's left edge. Sets the popup's inline right and max-width.
 */
export function fitInsideClip(popup: HTMLElement, widest = 300, margin = 8): void {
  popup.style.right = '';
  let frame: Element | null = popup.parentElement;
  while (frame && getComputedStyle(frame).overflowX === 'visible') frame = frame.parentElement;
  const bounds = frame?.getBoundingClientRect();
  const left = Math.max(bounds?.left ?? 0, 0) + margin;
  const right = Math.min(bounds?.right ?? window.innerWidth, window.innerWidth) - margin;
  popup.style.maxWidth = `${Math.min(widest, Math.max(0, right - left))}px`;
  const box = popup.getBoundingClientRect();
  if (box.left < left) popup.style.right = `${-(left - box.left)}px`;
}

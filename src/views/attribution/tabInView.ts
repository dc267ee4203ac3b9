/** The width below which the tab row is one line that scrolls (MethodTabs.svelte's media query). */
export const PHONE_TABS = '(max-width: 560px)';

/**
 * A phone's tab row scrolls sideways: the chosen tab is scrolled into it (the row only, never
 * the page), also when the panel was opened on a method from elsewhere. Only where the row can
 * scroll, and in the next frame: measuring while the panel mounts would make the browser lay
 * out the whole page inside the click that opened it.
 */
export function tabInView(chosen: () => boolean): (el: HTMLElement) => (() => void) | void {
  return (el) => {
    if (!chosen() || !matchMedia(PHONE_TABS).matches) return;
    const frame = requestAnimationFrame(() => {
      const row = el.parentElement;
      if (!row || row.scrollWidth <= row.clientWidth) return;
      const offset = el.getBoundingClientRect().left - row.getBoundingClientRect().left;
      row.scrollLeft += offset - (row.clientWidth - el.offsetWidth) / 2;
    });
    return () => cancelAnimationFrame(frame);
  };
}

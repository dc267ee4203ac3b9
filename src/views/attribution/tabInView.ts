/**
 * A phone's tab row scrolls sideways: the chosen tab is scrolled into it (the row only, never
 * the page), also when the panel was opened on a method from elsewhere.
 */
export function tabInView(chosen: () => boolean): (el: HTMLElement) => void {
  return (el) => {
    const row = el.parentElement;
    if (!chosen() || !row || row.scrollWidth <= row.clientWidth) return;
    const offset = el.getBoundingClientRect().left - row.getBoundingClientRect().left;
    row.scrollLeft += offset - (row.clientWidth - el.offsetWidth) / 2;
  };
}

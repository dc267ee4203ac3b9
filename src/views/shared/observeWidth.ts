/**
 * Follows an element's clientWidth, as `bind:clientWidth` would, but read only when the
 * browser reports a resize (its layout is then up to date). `bind:clientWidth` also reads it
 * as the element mounts, which makes the browser lay out the whole page in that task: on a
 * big net's page, opening a panel became a long task.
 */
export function observeWidth(set: (width: number) => void): (el: HTMLElement) => () => void {
  return (el) => {
    const observer = new ResizeObserver(() => set(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  };
}

/**
 * Follows an element's size, as `bind:clientWidth` or `bind:offsetHeight` would, but read only
 * when the browser reports a resize (its layout is then up to date). The bindings also read it
 * as the element mounts, which makes the browser lay out the whole page in that task: on a big
 * net's page, opening a panel became a long task, and on the first load the page was laid out
 * inside the task that mounts the app, then again once the snapshot it replaces was gone.
 */
function observe(
  read: (el: HTMLElement) => number,
  set: (size: number) => void,
): (el: HTMLElement) => () => void {
  return (el) => {
    const observer = new ResizeObserver(() => set(read(el)));
    observer.observe(el);
    return () => observer.disconnect();
  };
}

/** The element's clientWidth, whenever the browser reports a resize (and once it is laid out). */
export const observeWidth = (set: (width: number) => void): ((el: HTMLElement) => () => void) =>
  observe((el) => el.clientWidth, set);

/** The element's offsetHeight, whenever the browser reports a resize (and once it is laid out). */
export const observeHeight = (set: (height: number) => void): ((el: HTMLElement) => () => void) =>
  observe((el) => el.offsetHeight, set);

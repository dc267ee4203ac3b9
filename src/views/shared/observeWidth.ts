/**
 * Follows an element's size, as `bind:clientWidth` or `bind:offsetHeight` would, but read only
 * when the browser reports a resize (its layout is then up to date). The bindings also read it
 * as the element mounts, which makes the browser lay out the whole page in that task: on a big
 * net's page, opening a panel became a long task, and on the first load the page was laid out
 * inside the task that mounts the app, then again once the snapshot it replaces was gone.
 */
type Read = (entry: ResizeObserverEntry, el: HTMLElement) => number;

function observe(read: Read, set: (size: number) => void): (el: HTMLElement) => () => void {
  return (el) => {
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) set(read(entry, el));
    });
    observer.observe(el);
    return () => observer.disconnect();
  };
}

/** The element's clientWidth, whenever the browser reports a resize (and once it is laid out). */
export const observeWidth = (set: (width: number) => void): ((el: HTMLElement) => () => void) =>
  observe((_, el) => el.clientWidth, set);

/**
 * The element's border-box height (its offsetHeight, rounded the same way), whenever the browser
 * reports a resize: taken from the observer's entry, so reading it never lays the page out again
 * (another observer's callback may have changed the page since this one's layout).
 */
export const observeHeight = (set: (height: number) => void): ((el: HTMLElement) => () => void) =>
  observe((entry, el) => {
    const box = entry.borderBoxSize?.[0];
    return box ? Math.round(box.blockSize) : el.offsetHeight;
  }, set);

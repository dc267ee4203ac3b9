/**
 * `use:scrollFocus` on an element that scrolls its own overflow (a wide table or formula on a
 * phone): while its content overflows it is a tab stop, so the keyboard can scroll it too
 * (WCAG 2.1.1; axe's scrollable-region-focusable); while it fits, it adds no tab stop.
 */
export function scrollFocus(node: HTMLElement): { destroy(): void } {
  const update = (): void => {
    const overflows = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (overflows) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  // The content can grow without the frame changing size (a longer formula).
  for (const child of node.children) observer.observe(child);
  update();
  return { destroy: () => observer.disconnect() };
}

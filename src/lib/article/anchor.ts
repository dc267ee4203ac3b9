/** The DOM id of a section's element; one place so the view and the navigation agree. */
export function sectionAnchor(id: string): string {
  return `learn-${id}`;
}

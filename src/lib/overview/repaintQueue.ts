/**
 * The order in which the overview's columns are painted again when new data comes (the map
 * painter paints a few per frame on a big net): the columns still waiting for the data before
 * go first, in the order they were waiting, then every other column in its own order. So data
 * that comes faster than it is painted (a live camera) still reaches the last columns, instead
 * of the first ones being painted over and over.
 */
export function requeue<T>(waiting: Iterable<T>, all: Iterable<T>): T[] {
  const members = new Set(all);
  const first = [...waiting].filter((t) => members.has(t));
  const seen = new Set(first);
  return [...first, ...[...members].filter((t) => !seen.has(t))];
}

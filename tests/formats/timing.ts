/** Timing helpers for the tests that check reading is linear (ratios, never absolute speeds). */

/**
 * The bound on time(4n) / time(n) for a linear reader: linear is 4, quadratic 16. Linear code
 * measured up to 11.5 on a 2-core machine at load 17 (garbage collection grows with the input),
 * so the bound sits at 12, still well clear of 16.
 */
export const LINEAR_GROWTH_4X = 12;

/** Eleven: on a loaded machine (CI runs test files side by side) five runs were sometimes all disturbed. */
const RUNS = 11;

/**
 * Milliseconds for the fastest of `RUNS` runs of each, taken in turn so that a burst of other
 * work on the machine slows both alike; the fastest is the least disturbed.
 */
export function fastestOfEach(a: () => void, b: () => void, runs = RUNS): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    a();
    bestA = Math.min(bestA, performance.now() - t);
    t = performance.now();
    b();
    bestB = Math.min(bestB, performance.now() - t);
  }
  return [bestA, bestB];
}

/**
 * time(large) / time(small) by `fastestOfEach`, measured again (up to three rounds in all) while
 * it is over `LINEAR_GROWTH_4X`, and the smallest round returned: a burst of other work on a
 * shared machine can spoil one round (12.8 was seen once at load ~10), whereas a quadratic
 * reader is over the bound in every round.
 */
export function growthOf4x(small: () => void, large: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 3 && best >= LINEAR_GROWTH_4X; round++) {
    const [a, b] = fastestOfEach(small, large);
    best = Math.min(best, b / a);
  }
  return best;
}

/** `fastestOfEach` for async work, with fewer runs (each is a whole command). */
export async function fastestOfEachAsync(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs = 3,
): Promise<[number, number]> {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let k = 0; k < runs; k++) {
    let t = performance.now();
    await a();
    bestA = Math.min(bestA, performance.now() - t);
    t = performance.now();
    await b();
    bestB = Math.min(bestB, performance.now() - t);
  }
  return [bestA, bestB];
}

/**
 * How many times longer `read` takes than the engine's native JSON.parse of `text` (fastest of
 * three each, taken in turn). A linear reader stays within a few dozen; one that builds a path
 * string per value, or rescans, runs into the thousands. A ratio holds on a loaded machine,
 * where an absolute bound in seconds does not.
 */
export function timesNativeJsonParse(text: string, read: () => void): number {
  const [native, ours] = fastestOfEach(() => JSON.parse(text) as unknown, read, 3);
  return ours / Math.max(native, 0.5);
}

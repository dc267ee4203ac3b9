/** Timing helpers for the tests that check reading is linear (ratios, never absolute speeds). */

/**
 * Milliseconds for the fastest of five runs of each, taken in turn so that a burst of other
 * work on the machine slows both alike; the fastest is the least disturbed.
 */
export function fastestOfEach(a: () => void, b: () => void): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    a();
    bestA = Math.min(bestA, performance.now() - t);
    t = performance.now();
    b();
    bestB = Math.min(bestB, performance.now() - t);
  }
  return [bestA, bestB];
}

/**
 * Explains images with whichever runner holds the net: at once on the page, or later when
 * the net runs in the worker (`explainAsync`). Only the answer to the latest request is
 * delivered, so a slow answer never replaces the explanation of a newer image or weights.
 * A page runner's error is thrown to the caller, as before; a worker's goes to `failed`.
 */
import type { Explanation, NetRunner } from '../../lib/tensor/types';
import { imageForPlan, type NetInputPlan, type RawImage } from '../../lib/preprocess/netInput';

export class LatestExplanation {
  private asked = 0;

  request(
    runner: NetRunner,
    input: Float32Array,
    deliver: (explanation: Explanation) => void,
    failed: (e: unknown) => void = () => undefined,
  ): void {
    const n = ++this.asked;
    if (!runner.explainAsync) {
      deliver(runner.explain(input));
      return;
    }
    runner.explainAsync(input).then(
      (e) => {
        if (n === this.asked) deliver(e);
      },
      (e: unknown) => {
        if (n === this.asked) failed(e);
      },
    );
  }

  /**
   * `raw` as the net's input (`imageForPlan`) explained, delivered with that input: made in the
   * worker by a runner that can (`explainImageAsync`), else here and explained as `request` does.
   */
  requestImage(
    runner: NetRunner,
    raw: RawImage,
    plan: NetInputPlan,
    deliver: (explanation: Explanation, input: Float32Array) => void,
    failed: (e: unknown) => void = () => undefined,
  ): void {
    if (!runner.explainImageAsync) {
      const input = imageForPlan(raw, plan);
      this.request(runner, input, (e) => deliver(e, input), failed);
      return;
    }
    const n = ++this.asked;
    runner.explainImageAsync(raw, plan).then(
      (r) => {
        if (n === this.asked) deliver(r.explanation, r.input);
      },
      (e: unknown) => {
        if (n === this.asked) failed(e);
      },
    );
  }
}

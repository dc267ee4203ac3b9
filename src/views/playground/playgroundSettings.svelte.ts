/**
 * The playground's settings as reactive state: input size, padding, kernel size and stride,
 * whether the example values show, and the last value the math refused. A proposed value
 * goes through the math module (src/lib/formula/playground) before it is taken.
 */
import {
  fitStride,
  playground,
  type PlaygroundParam,
  type PlaygroundSettings,
} from '../../lib/formula/playground';
import type { MessageKey } from '../../lib/i18n';
import type { Localized } from '../../lib/spec/types';

export const PLAYGROUND_FIELDS: readonly {
  param: PlaygroundParam;
  key: MessageKey;
  slider: [number, number];
}[] = [
  { param: 'inputSize', key: 'playground.inputSize', slider: [1, 32] },
  { param: 'padding', key: 'playground.padding', slider: [0, 8] },
  { param: 'kernelSize', key: 'playground.kernelSize', slider: [1, 11] },
  { param: 'stride', key: 'playground.stride', slider: [1, 8] },
];

export class PlaygroundState {
  settings = $state<PlaygroundSettings>({ inputSize: 7, padding: 1, kernelSize: 3, stride: 2 });
  refused = $state<{ param: PlaygroundParam; message: Localized } | null>(null);
  /** A setting the playground changed to keep up with another (the stride, when the input shrinks). */
  adjusted = $state<Localized | null>(null);
  showValues = $state(false);
  readonly result = $derived(playground(this.settings));

  /** Takes a proposed value unless the math module refuses it; a refusal keeps the current settings. */
  propose = (param: PlaygroundParam, value: number): boolean => {
    const next = { ...this.settings, [param]: value };
    const problem = playground(next);
    const invalid = problem.ok
      ? undefined
      : problem.issues.find((i) => i.kind === 'invalid-value' && i.param === param);
    if (invalid) {
      this.refused = { param, message: invalid.message };
      return false;
    }
    this.refused = null;
    const fitted = param === 'stride' ? null : fitStride(next);
    this.adjusted = fitted?.message ?? null;
    this.settings = fitted?.settings ?? next;
    return true;
  };
}

/**
 * The "Why?" panel's feature visualisation: what it maximises (the panel's class, or one
 * channel of a layer picked in the overview or here), its steps, seed and regularisation.
 * The image it makes depends on the net and its weights, not on the image the explainer
 * shows: a new image (the visualisation itself sent back as input, say) does not run it again;
 * new weights or another net do.
 */
import type { VisualiseTarget } from '../../lib/attribution/types';
import type { CurrentImage } from '../net/types';
import type { Explanation } from '../../lib/tensor/types';

export interface ChannelTarget {
  layerId: string;
  channel: number;
}

/** Strength presets of the regularisers: total variation and jitter together. */
export const STRENGTHS = {
  none: { tvWeight: 0, saturationWeight: 0, jitter: 0 },
  light: { tvWeight: 1, saturationWeight: 0.3, jitter: 2 },
  usual: { tvWeight: 3, saturationWeight: 0.7, jitter: 4 },
  strong: { tvWeight: 8, saturationWeight: 1.5, jitter: 6 },
} as const;
export type Strength = keyof typeof STRENGTHS;

export class VisualiseSettings {
  /** null: the panel's class. */
  channel = $state.raw<ChannelTarget | null>(null);
  /** Steps at each of the three resolutions. */
  steps = $state(50);
  seed = $state(1);
  strength = $state<Strength>('usual');
  /** The image so far, while a run goes on. */
  preview = $state.raw<Float32Array | null>(null);
  /** Bumped by "Run again", so the same settings run once more. */
  runs = $state(0);
  /** The image and explanation the last result (or the last skip) saw. */
  private seenImage: CurrentImage | null = null;
  private seenExplanation: Explanation | null = null;
  private seenKey = '';

  target(classIndex: number): VisualiseTarget {
    const c = this.channel;
    return c ? { kind: 'channel', ...c } : { kind: 'class', classIndex };
  }

  key(classIndex: number): string {
    return JSON.stringify([this.target(classIndex), this.steps, this.seed, this.strength, this.runs]);
  }

  /**
   * Whether the result for `key` still holds: same settings, and either nothing changed or
   * only the image did (the same image with a new explanation means new weights or a new net).
   */
  upToDate(
    key: string,
    hasResult: boolean,
    image: CurrentImage | null,
    explanation: Explanation | null,
  ): boolean {
    const holds =
      hasResult && key === this.seenKey && (explanation === this.seenExplanation || image !== this.seenImage);
    if (holds) this.seen(key, image, explanation);
    return holds;
  }

  seen(key: string, image: CurrentImage | null, explanation: Explanation | null): void {
    this.seenKey = key;
    this.seenImage = image;
    this.seenExplanation = explanation;
  }

  options(): { steps: number; seed: number; tvWeight: number; saturationWeight: number; jitter: number } {
    return { steps: this.steps, seed: this.seed, ...STRENGTHS[this.strength] };
  }
}

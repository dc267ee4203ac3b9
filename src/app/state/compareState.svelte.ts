/**
 * Compare side by side: an image and its explanation pinned as "A", set against whatever the
 * explainer shows now ("B"). Another image through the same net compares two inputs; the same
 * image after an edit, a training run or another model compares two nets, layer by layer
 * wherever a layer keeps its name and shape.
 */
import { activationChange, type ActivationChange } from '../../lib/attribution/activationChange';
import type { Explanation } from '../../lib/tensor/types';
import type { ExplainerState } from './explainerState.svelte';

export interface Pinned {
  name: string;
  /** HWC in [0, 1], with its shape. */
  input: Float32Array;
  shape: [number, number, number];
  explanation: Explanation;
  /** The net it went through, and the class names it had then. */
  netName: string;
  classes: string[];
}

export class CompareState {
  pinned = $state.raw<Pinned | null>(null);

  constructor(private readonly explainer: ExplainerState) {}

  /** B − A for every layer both have with the same shape. */
  readonly change: ActivationChange | null = $derived.by(() => {
    const a = this.pinned?.explanation;
    const b = this.explainer.explanation;
    return a && b && a !== b ? activationChange(a, b) : null;
  });

  /** Every layer of the current net has its counterpart in A: the overview can draw A, or B − A. */
  readonly matches: boolean = $derived.by(() => {
    const a = this.pinned?.explanation.activations;
    const b = this.explainer.explanation?.activations;
    if (!a || !b) return false;
    for (const [id, t] of b) if (a.get(id)?.shape.join() !== t.shape.join()) return false;
    return true;
  });

  /** A and B are the same picture (then what differs is the net). */
  readonly sameImage: boolean = $derived.by(() => {
    const a = this.pinned?.input;
    const b = this.explainer.image?.input;
    return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
  });

  pin(): void {
    const { image, explanation } = this.explainer;
    if (!image || !explanation) return;
    const side = this.explainer.inputSize;
    const channels = Math.max(1, Math.round(image.input.length / (side * side)));
    this.pinned = {
      name: image.name,
      input: image.input,
      shape: [side, side, channels],
      explanation,
      netName: this.explainer.spec?.name ?? '',
      classes: this.explainer.classes,
    };
  }

  unpin(): void {
    this.pinned = null;
  }
}

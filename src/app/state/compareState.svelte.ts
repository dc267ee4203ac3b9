/**
 * Compare side by side: an image and its explanation pinned as "A", set against whatever the
 * explainer shows now ("B"). Another image through the same net compares two inputs; the same
 * image after an edit, a training run or another model compares two nets, layer by layer
 * wherever a layer keeps its name and shape.
 */
import { activationChangeInSlices, type ActivationChange } from '../../lib/attribution/activationChange';
import type { Explanation } from '../../lib/tensor/types';
import type { ExplainerState } from './explainerState.svelte';
import type { NetworkSpec } from '../../lib/spec/types';
import { preprocessingOf } from '../../lib/preprocess/netInput';
import type { Preprocessing } from '../../lib/preprocess/preprocessing';

/** A net's image preprocessing, or null when it has none that can be read (shown as plain RGB). */
export function preprocessingFor(spec: NetworkSpec | null | undefined): Preprocessing | null {
  const read = spec ? preprocessingOf(spec) : null;
  return read?.ok ? read.value : null;
}

export interface Pinned {
  name: string;
  /** HWC as the net took it (its channels, order and values), with its shape. */
  input: Float32Array;
  shape: [number, number, number];
  /** How the net made `input` from the image (null: plain RGB in [0, 1]), to show the image again. */
  preprocessing: Preprocessing | null;
  explanation: Explanation;
  /** The net it went through, and the class names it had then. */
  netName: string;
  classes: string[];
}

export class CompareState {
  pinned = $state.raw<Pinned | null>(null);

  constructor(private readonly explainer: ExplainerState) {}

  /**
   * B − A for every layer both have with the same shape, once worked out (`follow`); null
   * while B is A, or while the change is being worked out (`working`).
   */
  change = $state.raw<ActivationChange | null>(null);
  /** The change of the pair shown now is being worked out, a slice at a time. */
  working = $state(false);
  /** The pair `change` is of. */
  private of: { a: Explanation; b: Explanation } | null = null;

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
    if (!a || !b || a.length !== b.length) return false;
    if (a === b) return true;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  });

  /**
   * Works out the change of A and B, the pair shown now: a slice at a time, pausing between
   * slices (`pause`), since a 224-pixel net has some ten million values, so the page never
   * waits on it. The view calls it whenever A or B changes and calls what it returns when
   * they change again (the unfinished work is dropped: only the latest pair is shown).
   */
  follow(pause: () => Promise<void>): () => void {
    const a = this.pinned?.explanation;
    const b = this.explainer.explanation;
    if (!a || !b || a === b) {
      this.of = null;
      this.change = null;
      this.working = false;
      return () => undefined;
    }
    if (this.of?.a === a && this.of.b === b) return () => undefined;
    const stop = new AbortController();
    this.of = null;
    this.change = null;
    this.working = true;
    // Not in the task that brought B (it has B's arrival and the overview's repaint to do).
    pause()
      .then(() => activationChangeInSlices(a, b, { pause, signal: stop.signal }))
      .then(
        (change) => {
          if (stop.signal.aborted) return;
          this.of = { a, b };
          this.change = change;
          this.working = false;
        },
        () => undefined,
      );
    return () => {
      if (stop.signal.aborted) return;
      stop.abort(new Error('cancelled'));
      if (!this.of) this.working = false;
    };
  }

  pin(): void {
    const { image, explanation } = this.explainer;
    if (!image || !explanation) return;
    const side = this.explainer.inputSize;
    const channels = Math.max(1, Math.round(image.input.length / (side * side)));
    this.pinned = {
      name: image.name,
      input: image.input,
      shape: [side, side, channels],
      preprocessing: preprocessingFor(this.explainer.spec),
      explanation,
      netName: this.explainer.spec?.name ?? '',
      classes: this.explainer.classes,
    };
  }

  unpin(): void {
    this.pinned = null;
  }
}

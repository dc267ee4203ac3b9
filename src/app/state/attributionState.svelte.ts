/**
 * "Why did it predict that?": the attribution panel's state. Which method, which class
 * (the top one unless the learner picks another), each method's settings, and the last
 * result with its heat map. Results are computed by the engine's `Attributor` for the net
 * and image the explainer shows; a new image, net or weights makes the panel run again.
 */
import { argmax } from '../../lib/data/metrics';
import { camLayers, defaultCamLayer } from '../../lib/attribution/camLayers';
import { defaultOcclusion } from '../../lib/attribution/occlusionGrid';
import type { HeatDisplay } from '../../lib/attribution/display';
import { runMethod } from './attributionRun';
import type {
  AttributionMethod,
  FgsmResult,
  GradCamResult,
  OcclusionResult,
  SaliencyMethod,
  SaliencyResult,
  VisualiseResult,
} from '../../lib/attribution/types';
import type { Explanation } from '../../lib/tensor/types';
import type { ExplainerState } from './explainerState.svelte';
import { nextFrame } from '../browser/nextFrame';
import { CompareState, preprocessingFor } from './compareState.svelte';
import { VisualiseSettings, type ChannelTarget } from './visualiseSettings.svelte';

export type { AttributionMethod };

export type AttributionResult = { input: Float32Array; explanation: Explanation; ms: number } & (
  | { kind: 'saliency'; result: SaliencyResult; heat: HeatDisplay }
  | { kind: 'gradCam'; result: GradCamResult; heat: HeatDisplay }
  | { kind: 'occlusion'; result: OcclusionResult; heat: HeatDisplay }
  | { kind: 'fgsm'; result: FgsmResult }
  | { kind: 'visualise'; result: VisualiseResult }
);

/** What opens the panel: the prediction, a class row, a neuron's detail, an overview column, the article. */
export interface ShowRequest {
  method?: AttributionMethod;
  /** null: the top class, following it to the next image. */
  classIndex?: number | null;
  layerId?: string;
  /** Visualise: the channel of a layer to maximise (absent: the class). */
  channel?: ChannelTarget;
  /**
   * Leave the page where it is: the request comes from the overview, where the learner watches
   * its effect (Grad-CAM's weight bars), while the panel is open already. Otherwise the panel
   * is brought into view.
   */
  stay?: boolean;
}

/** An occlusion run shows its map filling in once it has taken this long. */
const OCCLUSION_PREVIEW_AFTER_MS = 400;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class AttributionState {
  open = $state(false);
  method = $state<AttributionMethod>('gradCam');
  /** The class explained; null follows the top class. */
  chosenClass = $state<number | null>(null);
  /** Grad-CAM's layer; null (or a layer the net lacks) means the default one. */
  chosenLayer = $state<string | null>(null);
  saliencyMethod = $state<SaliencyMethod>('gradient');
  samples = $state(25);
  noise = $state(0.15);
  /** Occlusion patch size and stride in input pixels; null: the default for the input size. */
  patchSize = $state<number | null>(null);
  patchStride = $state<number | null>(null);
  occlusionMeasure = $state<'output' | 'score'>('output');
  // 8 of 255 levels: the slider moves in whole levels.
  epsilon = $state(8 / 255);
  steps = $state(1);
  direction = $state<'away' | 'toward'>('away');
  /** While an adversarial example is shown: what the network overview draws. */
  overviewShows = $state<'image' | 'other' | 'difference'>('image');
  result = $state.raw<AttributionResult | null>(null);
  running = $state(false);
  progress = $state.raw<{ done: number; total: number } | null>(null);
  /** While a long occlusion run goes on: the drops so far, one per position (NaN: not yet). */
  occlusionPreview = $state.raw<Float32Array | null>(null);
  error = $state<string | null>(null);
  /** A limit of TensorFlow.js met (not a fault of the net): the panel explains it in words. */
  limit = $state<'dilatedGradient' | 'noSpatialLayer' | 'notImageClassifier' | null>(null);
  /** Counts openings, so the panel scrolls into view once per `show`. */
  opened = $state(0);
  revealed = 0;
  private runId = 0;
  private stop: AbortController | null = null;

  readonly compare: CompareState;
  readonly visualise = new VisualiseSettings();

  constructor(private readonly explainer: ExplainerState) {
    this.compare = new CompareState(explainer);
  }

  /** The class explained now: the chosen one while the net has it, else the top class. */
  get classIndex(): number {
    const p = this.explainer.explanation?.probabilities;
    if (!p || p.length === 0) return 0;
    const c = this.chosenClass;
    return c !== null && c < p.length ? c : argmax(p);
  }

  get layers(): string[] {
    const { spec, shapes } = this.explainer;
    return spec && shapes ? camLayers(spec, shapes) : [];
  }

  get layer(): string | null {
    const { spec, shapes } = this.explainer;
    if (!spec || !shapes) return null;
    const chosen = this.chosenLayer;
    return chosen && this.layers.includes(chosen) ? chosen : defaultCamLayer(spec, shapes);
  }

  get patch(): { size: number; stride: number } {
    const side = this.explainer.inputSize;
    const d = defaultOcclusion(side);
    const size = Math.min(side, this.patchSize ?? d.size);
    return { size, stride: Math.min(side, this.patchStride ?? d.stride) };
  }

  /**
   * The activations the overview draws instead of the image's: the adversarial image's, or
   * its difference from the image's, layer by layer (null: the image's own).
   */
  get overviewActivations(): Explanation['activations'] | null {
    if (this.open && this.method === 'compare') return this.compareActivations();
    const r = this.result;
    if (!this.open || this.method !== 'fgsm' || r?.kind !== 'fgsm' || this.overviewShows === 'image')
      return null;
    if (r.explanation !== this.explainer.explanation) return null;
    if (this.overviewShows === 'other') return r.result.explanation.activations;
    // Not the input: the overview draws it as light in [0, 1], where ±ε is black. The panel
    // shows the perturbation itself.
    const inputs = new Set(this.explainer.spec?.layers.filter((l) => l.type === 'Input').map((l) => l.id));
    return new Map(
      r.result.change.layers.filter((l) => !inputs.has(l.layerId)).map((l) => [l.layerId, l.difference]),
    );
  }

  private compareActivations(): Explanation['activations'] | null {
    const { pinned, change, matches } = this.compare;
    if (!pinned || !matches || this.overviewShows === 'image') return null;
    if (this.overviewShows === 'other') return pinned.explanation.activations;
    const inputs = new Set(this.explainer.spec?.layers.filter((l) => l.type === 'Input').map((l) => l.id));
    return new Map(
      change?.layers.filter((l) => !inputs.has(l.layerId)).map((l) => [l.layerId, l.difference]),
    );
  }

  show(request: ShowRequest = {}): void {
    if (request.method) this.method = request.method;
    if (request.classIndex !== undefined) this.chosenClass = request.classIndex;
    if (request.method === 'visualise') this.visualise.channel = request.channel ?? null;
    if (request.layerId !== undefined) {
      this.chosenLayer = request.layerId;
      if (!request.method) this.method = 'gradCam';
    }
    if (!(request.stay && this.open)) this.opened++;
    this.open = true;
  }

  /** Everything the current method's result depends on besides the explanation. */
  get runKey(): string {
    const m = this.method;
    const settings =
      m === 'gradCam'
        ? [this.layer]
        : m === 'saliency'
          ? [this.saliencyMethod, this.samples, this.noise]
          : m === 'occlusion'
            ? [this.patch.size, this.patch.stride, this.occlusionMeasure]
            : m === 'visualise'
              ? [this.visualise.key(this.classIndex)]
              : [this.epsilon, this.steps, this.direction];
    return JSON.stringify([m, this.classIndex, ...settings]);
  }

  close(): void {
    this.open = false;
    this.cancel();
  }

  cancel(): void {
    this.runId++;
    this.stop?.abort(new Error('cancelled'));
    this.stop = null;
    this.running = false;
    this.progress = null;
    this.occlusionPreview = null;
  }

  /**
   * Runs the current method on the current image and settings; an earlier run still going is
   * dropped (stopped between its pieces: occlusion batches, and in the net worker SmoothGrad
   * samples and FGSM steps too). Resolves when this run has finished.
   */
  async run(): Promise<void> {
    const { image: shownImage, explanation: shownExplanation } = this.explainer;
    const visualiseKey = this.visualise.key(this.classIndex);
    if (
      this.method === 'visualise' &&
      this.visualise.upToDate(visualiseKey, this.result?.kind === 'visualise', shownImage, shownExplanation)
    )
      return;
    this.cancel();
    const id = this.runId;
    const image = this.explainer.image;
    const explanation = this.explainer.explanation;
    // Comparing needs no engine: the view reads both explanations.
    if (!image || !explanation || this.method === 'compare') return;
    this.running = true;
    this.error = null;
    this.limit = null;
    try {
      // A net in the net worker is explained there; only a page net needs the page's engine.
      if (!this.explainer.runsInWorker) await this.explainer.connectEngine(true);
      // "Computing…" is painted before a method that blocks (a page net's gradient).
      await nextFrame();
      if (id !== this.runId) return;
      const attributor = this.explainer.whyAttributor();
      if (!attributor) throw new Error('the engine is not running this net yet');
      const stop = (this.stop = new AbortController());
      if (this.method === 'occlusion' || this.method === 'visualise') this.progress = { done: 0, total: 0 };
      if (this.method === 'visualise') this.visualise.preview = null;
      this.occlusionPreview = null;
      const t0 = performance.now();
      const next = await runMethod(this, {
        attributor,
        input: image.input,
        explanation,
        classIndex: this.classIndex,
        // Inputs are fitted to a square of the net's size (preprocessImage).
        side: this.explainer.inputSize,
        preprocessing: preprocessingFor(this.explainer.spec),
        signal: stop.signal,
        onProgress: (done, total) => {
          if (id === this.runId) this.progress = { done, total };
        },
        onPreview: (preview) => {
          if (id !== this.runId) return;
          if (this.method === 'visualise') this.visualise.preview = preview;
          // A run over in a moment (TinyVGG's 14×14 in ~0.2 s) keeps the last map until it ends
          // instead of flashing a half-drawn one.
          else if (performance.now() - t0 > OCCLUSION_PREVIEW_AFTER_MS) this.occlusionPreview = preview;
        },
      });
      if (id !== this.runId) return;
      if (!next) {
        this.limit = 'noSpatialLayer';
        return;
      }
      if (next.kind === 'visualise') this.visualise.seen(visualiseKey, image, explanation);
      next.ms = performance.now() - t0;
      this.result = next;
    } catch (e) {
      if (id !== this.runId) return;
      // tfjs has no gradient for dilated convolutions ("dilation rates greater than 1 are not
      // yet supported in gradients"): every method but occlusion needs one.
      if (/dilation rates greater than 1/.test(message(e))) this.limit = 'dilatedGradient';
      // The engine's refusal of a net that is not an image classifier (a text net, say).
      else if (/^attribution needs /.test(message(e))) this.limit = 'notImageClassifier';
      else this.error = message(e);
    } finally {
      if (id === this.runId) {
        this.running = false;
        this.progress = null;
        this.occlusionPreview = null;
        this.stop = null;
      }
    }
  }
}

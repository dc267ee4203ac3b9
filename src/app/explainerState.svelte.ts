/**
 * The explainer's state: the loaded model and its spec, the current image, and the
 * activations the engine extracted for it. A rejected image leaves all of it untouched.
 */
import { Explainer } from '../lib/engine/explain';
import { loadModelFromArtifacts } from '../lib/engine/io';
import { currentBackend } from '../lib/engine/backend';
import type { Explanation } from '../lib/explain/types';
import { inferShapes, type ShapeTable } from '../lib/spec/inferShapes';
import type { NetworkSpec } from '../lib/spec/types';
import { parseModelMeta, type ModelMeta } from '../lib/model/meta';
import { preprocessImage, type FitMode, type RawImage } from '../lib/preprocess/preprocess';
import { decodeImageFile } from './decodeImage';
import { NoticeError, type Notice } from './notice';
import { startEngine } from './startEngine';
import {
  buildModel,
  getNamedWeights,
  setNamedWeights,
  transferWeights,
  weightEntries,
  type TransferSource,
} from '../lib/engine/build';
import { checkRunnable } from '../lib/editor/runnable';
import type { Localized } from '../lib/spec/types';
import { fetchModelArtifacts } from './fetchModel';

export const PRETRAINED_URL = './models/tinyvgg-cifar10/';

export interface CurrentImage {
  name: string;
  /** The image as decoded, before fitting it to the model. */
  raw: RawImage;
  /** The model's input: HWC float in [0, 1]. */
  input: Float32Array;
}

/** Where loading is, for the progress indicator: bytes count during the weights download. */
export interface LoadProgress {
  stage: 'engine' | 'weights' | 'model';
  loaded: number;
  total: number;
}

export interface NeuronRef {
  layerId: string;
  /** Output channel (last axis); 0 for layers whose output is a vector. */
  channel: number;
}

/** What became of a spec handed to `applySpec`. */
export type ApplyOutcome =
  | { ok: true; /** Layers whose weights had to be freshly initialised. */ reinitialised: string[] }
  | { ok: false; reason: Localized; /** The net is valid but too big for the browser. */ tooLarge: boolean };

/** Where a rebuild is, for the progress indicator. */
export interface RebuildProgress {
  stage: 'building' | 'weights' | 'running';
  name: string;
}

/** Lets the browser paint (progress) between the heavy, blocking steps of a rebuild. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The model's meta.json (classes, preprocessing, accuracy); errors name the URL. */
async function fetchModelMeta(url: string): Promise<ModelMeta> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
  return parseModelMeta(json, url);
}

export class ExplainerState {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  loadError = $state<string | null>(null);
  progress = $state.raw<LoadProgress>({ stage: 'engine', loaded: 0, total: 0 });
  backend = $state('');
  spec = $state.raw<NetworkSpec | null>(null);
  meta = $state.raw<ModelMeta | null>(null);
  shapes: ShapeTable | null = $derived(this.spec ? inferShapes(this.spec) : null);
  image = $state.raw<CurrentImage | null>(null);
  fit = $state<FitMode>('crop');
  explanation = $state.raw<Explanation | null>(null);
  imageNotice = $state.raw<Notice | null>(null);
  /** The neuron whose detail view is open: a layer and one of its output channels. */
  selection = $state.raw<NeuronRef | null>(null);
  // State, so `inputSize` (read by the input and training views) follows an edited net.
  private explainer = $state.raw<Explainer | null>(null);
  /**
   * Layers whose weights are not trained: re-initialised by an edit that changed their
   * shapes, or all of them in a zoo model opened with random weights.
   */
  untrainedLayers = $state.raw<ReadonlySet<string>>(new Set());
  /** The prediction comes from a net with at least one untrained layer. */
  partlyUntrained = $derived(this.untrainedLayers.size > 0);
  /** Every layer that has weights is untrained: the net has random weights. */
  randomWeights = $state(false);
  /** Set while `applySpec` rebuilds the model. */
  rebuilding = $state.raw<RebuildProgress | null>(null);
  /** The pretrained weights, so edits that restore a layer's shape restore its training too. */
  private bank: TransferSource['bank'] = undefined;

  get classes(): string[] {
    const named = this.meta?.classes ?? [];
    const n = this.explanation?.probabilities.length ?? named.length;
    // An edited or zoo net may have another number of outputs than the pretrained classes.
    return n === named.length ? named : Array.from({ length: n }, (_, i) => `#${i}`);
  }

  get inputSize(): number {
    return this.explainer?.inputShape[0] ?? this.meta?.inputSize[0] ?? 64;
  }

  /**
   * Loads the pretrained model. `firstImage`, if given, is explained before the views appear,
   * so the overview is drawn once, with activations, instead of empty and then again.
   */
  async load(
    baseUrl = PRETRAINED_URL,
    firstImage?: Promise<{ name: string; raw: RawImage } | null>,
  ): Promise<void> {
    this.status = 'loading';
    this.progress = { stage: 'engine', loaded: 0, total: 0 };
    try {
      // The engine starts while the model downloads: neither needs the other.
      const engine = startEngine().then((backend) => {
        performance.mark('engine-ready');
        return backend;
      });
      const metaUrl = `${baseUrl}meta.json`;
      const modelUrl = `${baseUrl}model.json`;
      const metaDownload = fetchModelMeta(metaUrl);
      const download = fetchModelArtifacts(modelUrl, (p) => {
        if (this.progress.stage !== 'model') this.progress = { stage: 'weights', ...p };
      });
      // Settle all three before throwing, so no rejection is left unhandled.
      const failed = (await Promise.allSettled([engine, metaDownload, download])).find(
        (r) => r.status === 'rejected',
      );
      if (failed) throw failed.reason;
      const [backend, meta, artifacts] = await Promise.all([engine, metaDownload, download]);
      this.backend = backend;
      performance.mark('model-fetched');
      this.progress = { ...this.progress, stage: 'model' };
      const { model, spec } = await loadModelFromArtifacts(artifacts, modelUrl);
      this.explainer = new Explainer(model);
      this.bank = {
        values: getNamedWeights(model),
        shapes: new Map(weightEntries(model).map((w) => [w.name, w.shape])),
      };
      this.untrainedLayers = new Set();
      this.randomWeights = false;
      this.meta = meta;
      this.spec = spec;
      this.backend = currentBackend();
      const first = await firstImage?.catch(() => null);
      if (first && !this.image) this.setRawImage(first.raw, first.name);
      this.status = 'ready';
      performance.mark('model-ready');
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }

  /** Decodes and explains a user's file; on any problem keeps the current image. */
  async setImageFile(file: File | Blob, name: string): Promise<boolean> {
    try {
      const raw = await decodeImageFile(file, name);
      this.setRawImage(raw, name);
      return true;
    } catch (e) {
      this.imageNotice =
        e instanceof NoticeError
          ? e.notice
          : {
              key: 'image.undecodable',
              vars: { file: name, reason: e instanceof Error ? e.message : String(e) },
            };
      return false;
    }
  }

  setRawImage(raw: RawImage, name: string): void {
    if (!this.explainer) return;
    const input = preprocessImage(raw, { size: this.inputSize, fit: this.fit });
    this.explanation = this.explainer.explain(input);
    this.image = { name, raw, input };
    this.imageNotice = null;
  }

  select(neuron: NeuronRef | null): void {
    this.selection = neuron;
  }

  /** A problem with an image source other than a file (camera, paste, drop), shown like a refused file. */
  reportImageProblem(notice: Notice): void {
    this.imageNotice = notice;
  }

  /** Runs only the engine's extraction on the current input, changing nothing (for the bench). */
  extractOnly(): Explanation | null {
    return this.explainer && this.image ? this.explainer.explain(this.image.input) : null;
  }

  /**
   * Rebuilds the model from an edited spec and re-explains the current image. Every weight
   * whose name and shape still fit is kept (from the current model, else from the
   * pretrained one); the rest are freshly initialised and listed in `untrainedLayers`.
   * `weights: 'random'` initialises everything (a zoo model). A spec that cannot run
   * leaves the current network, image and explanation untouched and says why.
   */
  async applySpec(spec: NetworkSpec, options: { weights?: 'keep' | 'random' } = {}): Promise<ApplyOutcome> {
    const check = checkRunnable(spec, inferShapes(spec));
    if (!check.ok) return check;
    this.rebuilding = { stage: 'building', name: spec.name };
    await nextFrame();
    let built: Awaited<ReturnType<typeof buildModel>> | null = null;
    try {
      built = await buildModel(spec);
      const model = built;
      this.rebuilding = { stage: 'weights', name: spec.name };
      await nextFrame();
      const previous = this.explainer;
      const sources: TransferSource[] =
        options.weights === 'random'
          ? []
          : [
              ...(previous ? [{ model: previous.model, untrained: this.untrainedLayers }] : []),
              ...(this.bank ? [{ bank: this.bank, untrained: new Set<string>() }] : []),
            ];
      const plan = transferWeights(model, sources);
      const next = new Explainer(model);
      let image = this.image;
      let explanation: Explanation | null = null;
      if (image) {
        this.rebuilding = { stage: 'running', name: spec.name };
        await nextFrame();
        const input = preprocessImage(image.raw, {
          size: next.inputShape[0] ?? this.inputSize,
          fit: this.fit,
        });
        explanation = next.explain(input);
        image = { ...image, input };
      }
      this.explainer = next;
      previous?.dispose();
      previous?.model.dispose();
      const withWeights = new Set(weightEntries(model).map((w) => w.layer));
      this.untrainedLayers = plan.untrained;
      this.randomWeights = withWeights.size > 0 && [...withWeights].every((l) => plan.untrained.has(l));
      this.spec = spec;
      this.image = image;
      this.explanation = explanation;
      if (this.selection && !spec.layers.some((l) => l.id === this.selection?.layerId)) this.selection = null;
      return { ok: true, reinitialised: plan.reinitialised };
    } catch (e) {
      if (built && built !== this.explainer?.model) built.dispose();
      const msg = e instanceof Error ? e.message : String(e);
      return { ok: false, reason: { en: msg, zh: msg }, tooLarge: false };
    } finally {
      this.rebuilding = null;
    }
  }

  setFit(fit: FitMode): void {
    this.fit = fit;
    if (this.image) this.setRawImage(this.image.raw, this.image.name);
  }

  /** Copies of the current model's weights, keyed `layer/weight` (for training and saving). */
  getWeights(): Map<string, Float32Array> {
    return this.explainer ? getNamedWeights(this.explainer.model) : new Map();
  }

  /**
   * Puts new weight values into the current model (a training snapshot, a reset) and
   * re-explains the current image, so every view follows. Names the model lacks, or values of
   * the wrong length, are ignored; weights not named keep their values. `trained: false`
   * marks every layer with weights as untrained (fresh random weights).
   */
  setWeights(named: ReadonlyMap<string, Float32Array>, options: { trained: boolean }): void {
    const explainer = this.explainer;
    if (!explainer) return;
    const current = getNamedWeights(explainer.model);
    for (const [name, values] of named)
      if (current.get(name)?.length === values.length) current.set(name, values);
    setNamedWeights(explainer.model, current);
    explainer.invalidateWeights();
    const layers = new Set(weightEntries(explainer.model).map((w) => w.layer));
    this.untrainedLayers = options.trained ? new Set() : layers;
    this.randomWeights = !options.trained && layers.size > 0;
    if (this.image) this.explanation = explainer.explain(this.image.input);
  }

  /** Names the classes of the current model's outputs (after training it on a dataset). */
  setClasses(classes: string[], dataset: string): void {
    const size = this.inputSize;
    this.meta = {
      name: this.spec?.name ?? this.meta?.name ?? 'model',
      dataset,
      classes,
      inputSize: [size, size, 3],
      preprocessing: { fit: this.fit, size },
      testAccuracy: null,
      testImages: 0,
    };
  }
}

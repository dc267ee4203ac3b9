/**
 * The explainer's state: the loaded model and its spec, the current image, and the
 * activations the engine extracted for it. A rejected image leaves all of it untouched.
 *
 * The pretrained net is first explained without TensorFlow.js (a `FirstLook`: the registry's
 * plain-TypeScript forward pass over the downloaded weights), so the first overview does not
 * wait for tfjs to download, evaluate and start. `connectEngine` (called once the overview is
 * drawn, or by the first thing that needs a tfjs model) then builds the model and takes over.
 */
import type { Explainer } from '../../lib/engine/explain';
import type { ModelArtifacts } from '../../lib/engine/io';
import { FirstLook } from '../../lib/forward/firstLook';
import { loadEngine, type EngineModule } from '../engine/loadEngine';
import type { Explanation } from '../../lib/tensor/types';
import { inferShapes, type ShapeTable } from '../../lib/spec/inferShapes';
import type { NetworkSpec } from '../../lib/spec/types';
import { parseModelMeta, type ModelMeta } from '../../lib/model/meta';
import { preprocessImage, type FitMode, type RawImage } from '../../lib/preprocess/preprocess';
import { decodeImageFile } from '../browser/decodeImage';
import { NoticeError, type Notice } from '../browser/notice';
import type { TransferSource } from '../../lib/engine/build';
import { checkRunnable } from '../../lib/spec/runnable';
import type { Localized } from '../../lib/spec/types';
import { fetchModelArtifacts } from '../net/fetchModel';

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
  stage: 'weights' | 'model';
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
  progress = $state.raw<LoadProgress>({ stage: 'weights', loaded: 0, total: 0 });
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
  private explainer = $state.raw<Explainer | FirstLook | null>(null);
  /** True once TensorFlow.js runs the net (until then a FirstLook explains images). */
  engineReady = $state(false);
  /** Why the engine did not start, while a first look keeps the overview working. */
  engineError = $state<string | null>(null);
  private engine: EngineModule | null = null;
  private connecting: Promise<EngineModule> | null = null;
  /** The pretrained model's files, kept until the engine has built the model from them. */
  private pending: { artifacts: ModelArtifacts; url: string } | null = null;
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

  /** The tfjs explainer, once the engine has taken over. */
  private get engineExplainer(): Explainer | null {
    return this.explainer instanceof FirstLook ? null : this.explainer;
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
    this.progress = { stage: 'weights', loaded: 0, total: 0 };
    try {
      const metaUrl = `${baseUrl}meta.json`;
      const modelUrl = `${baseUrl}model.json`;
      const metaDownload = fetchModelMeta(metaUrl);
      const download = fetchModelArtifacts(modelUrl, (p) => {
        if (this.progress.stage === 'weights') this.progress = { stage: 'weights', ...p };
      });
      // Settle both before throwing, so no rejection is left unhandled.
      const failed = (await Promise.allSettled([metaDownload, download])).find(
        (r) => r.status === 'rejected',
      );
      if (failed) throw failed.reason;
      const [meta, artifacts] = await Promise.all([metaDownload, download]);
      performance.mark('model-fetched');
      this.untrainedLayers = new Set();
      this.randomWeights = false;
      this.pending = { artifacts, url: modelUrl };
      this.progress = { ...this.progress, stage: 'model' };
      const firstLook = FirstLook.fromModelFiles(artifacts);
      if (this.engineReady) {
        // Loaded again after the engine had a model: it builds the new one when next asked.
        this.engineExplainer?.model.dispose();
        this.connecting = null;
        this.engineReady = false;
      }
      if (firstLook) {
        this.explainer = firstLook;
        this.spec = firstLook.spec;
      } else {
        // A net the plain forward pass cannot run waits for the engine, as it always did.
        await this.connectEngine();
      }
      this.meta = meta;
      const first = await firstImage?.catch(() => null);
      if (first && !this.image) {
        try {
          this.setRawImage(first.raw, first.name);
        } catch (e) {
          if (!(this.explainer instanceof FirstLook)) throw e;
          // The forward pass could not run this net after all (a weight it cannot find, say).
          this.explainer = null;
          await this.connectEngine();
          this.setRawImage(first.raw, first.name);
        }
      }
      this.status = 'ready';
      performance.mark('model-ready');
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.loadError = e instanceof Error ? e.message : String(e);
    this.status = 'error';
  }

  /**
   * Starts TensorFlow.js and builds the loaded model in it; from then on the engine explains
   * every image. Called once the first overview is drawn, and by everything that needs a
   * tfjs model (editing, training, saving); later calls share the first one's promise.
   */
  connectEngine(): Promise<EngineModule> {
    this.connecting ??= this.startEngineAndModel().catch((e: unknown) => {
      this.connecting = null; // a Retry tries again
      // With a first look the overview keeps working: say what failed beside it.
      if (this.explainer instanceof FirstLook && this.status === 'ready')
        this.engineError = e instanceof Error ? e.message : String(e);
      else this.fail(e);
      throw e;
    });
    return this.connecting;
  }

  private async startEngineAndModel(): Promise<EngineModule> {
    const engine = await loadEngine();
    await engine.startEngine();
    performance.mark('engine-ready');
    const pending = this.pending;
    if (pending) {
      const { model, spec } = await engine.loadModelFromArtifacts(pending.artifacts, pending.url);
      this.bank = {
        values: engine.getNamedWeights(model),
        shapes: new Map(engine.weightEntries(model).map((w) => [w.name, w.shape])),
      };
      // Weights set meanwhile (a reset, a training step) went into the first look: carry them
      // over. The first look explained the current image with these same weights, so the
      // explanation stands; only later images go through the engine.
      const look = this.explainer instanceof FirstLook ? this.explainer : null;
      if (look) engine.setNamedWeights(model, look.namedWeights());
      this.explainer = new engine.Explainer(model);
      this.spec ??= spec;
      this.pending = null;
    }
    this.engine = engine;
    this.backend = engine.currentBackend();
    this.engineReady = true;
    this.engineError = null;
    return engine;
  }

  /** Tensors tfjs holds; 0 before the engine has started. */
  tensorCount(): number {
    return this.engine?.tensorCount() ?? 0;
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
    const engine = this.engineExplainer;
    return engine && this.image ? engine.explain(this.image.input) : null;
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
    let built: Awaited<ReturnType<EngineModule['buildModel']>> | null = null;
    try {
      const { buildModel, Explainer, transferWeights, weightEntries } = await this.connectEngine();
      await nextFrame();
      built = await buildModel(spec);
      const model = built;
      this.rebuilding = { stage: 'weights', name: spec.name };
      await nextFrame();
      const previous = this.engineExplainer;
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
      if (built && built !== this.engineExplainer?.model) built.dispose();
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
    const engine = this.engineExplainer;
    if (engine && this.engine) return this.engine.getNamedWeights(engine.model);
    return this.explainer instanceof FirstLook ? this.explainer.namedWeights() : new Map();
  }

  /**
   * Puts new weight values into the current model (a training snapshot, a reset) and
   * re-explains the current image, so every view follows. Names the model lacks, or values of
   * the wrong length, are ignored; weights not named keep their values. `trained: false`
   * marks every layer with weights as untrained (fresh random weights).
   */
  setWeights(named: ReadonlyMap<string, Float32Array>, options: { trained: boolean }): void {
    const layers = this.putWeights(named);
    if (!layers || !this.explainer) return;
    this.untrainedLayers = options.trained ? new Set() : layers;
    this.randomWeights = !options.trained && layers.size > 0;
    if (this.image) this.explanation = this.explainer.explain(this.image.input);
  }

  /** Puts weight values into the model (or, before the engine, the first look); returns the layers that have weights. */
  private putWeights(named: ReadonlyMap<string, Float32Array>): Set<string> | null {
    const explainer = this.explainer;
    if (explainer instanceof FirstLook) {
      // The engine takes them over when it builds the model (startEngineAndModel).
      this.explainer = explainer.withWeights(named);
      return explainer.layersWithWeights();
    }
    const engine = this.engine;
    if (!explainer || !engine) return null;
    const current = engine.getNamedWeights(explainer.model);
    for (const [name, values] of named)
      if (current.get(name)?.length === values.length) current.set(name, values);
    engine.setNamedWeights(explainer.model, current);
    explainer.invalidateWeights();
    return new Set(engine.weightEntries(explainer.model).map((w) => w.layer));
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

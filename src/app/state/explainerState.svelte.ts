/**
 * The explainer's state: the network shown, the current image, and the activations extracted
 * for it (a rejected image leaves all of it untouched). The net is run by the one runner its
 * `NetHost` holds (a first look until TensorFlow.js has started, the engine after), and this
 * class never asks which. Other nets come in through `applySpec`, which only the one door that
 * opens networks calls (`EditorState.openNetwork`, through `NetLink`).
 */
import type { Explanation } from '../../lib/tensor/types';
import type { AsyncAttributor } from '../../lib/attribution/types';
import { inferShapes, type ShapeTable } from '../../lib/spec/inferShapes';
import { checkRunnable } from '../../lib/spec/runnable';
import type { NetworkSpec } from '../../lib/spec/types';
import { metaForClasses, specWithMetaPreprocessing, type ModelMeta } from '../../lib/model/meta';
import { nextFrame } from '../browser/nextFrame';
import { netInputPlan, type FitMode, type RawImage } from '../../lib/preprocess/netInput';
import { decodeImageFile } from '../browser/decodeImage';
import { NoticeError, type Notice } from '../browser/notice';
import type { EngineModule } from '../engine/loadEngine';
import { downloadModel, PRETRAINED_URL } from '../net/loadPretrained';
import { NetHost } from '../net/netHost.svelte';
import { LatestExplanation } from '../net/latestExplanation';
import type {
  ApplyOutcome,
  CurrentImage,
  LoadProgress,
  NetworkSource,
  NeuronRef,
  RebuildProgress,
  WeightChoice,
} from '../net/types';
import { weightsKind } from '../net/types';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class ExplainerState {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  loadError = $state<string | null>(null);
  progress = $state.raw<LoadProgress>({ stage: 'weights', loaded: 0, total: 0 });
  spec = $state.raw<NetworkSpec | null>(null);
  meta = $state.raw<ModelMeta | null>(null);
  shapes: ShapeTable | null = $derived(this.spec ? inferShapes(this.spec) : null);
  image = $state.raw<CurrentImage | null>(null);
  fit = $state<FitMode>('crop');
  explanation = $state.raw<Explanation | null>(null);
  imageNotice = $state.raw<Notice | null>(null);
  /** The neuron whose detail view is open: a layer and one of its output channels. */
  selection = $state.raw<NeuronRef | null>(null);
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
  /** The model the page loaded, as it came: what "Back to the pretrained model" opens. */
  pretrained = $state.raw<Required<Pick<NetworkSource, 'spec' | 'weights' | 'meta'>> | null>(null);
  /** The pretrained model is shown, untouched: no edit, other net or new weights since. */
  pristine = $state(true);
  private readonly latest = new LatestExplanation();
  private readonly net = new NetHost((e) => {
    // While a first look runs the net, the overview keeps working: say what failed beside it.
    if (this.net.runner && this.status === 'ready') this.net.engineError = message(e);
    else this.fail(e);
  });

  /** True once TensorFlow.js runs the net (until then a first look explains images). */
  get engineReady(): boolean {
    return this.net.engineReady;
  }

  /** Why the engine did not start, while a first look keeps the overview working. */
  get engineError(): string | null {
    return this.net.engineError;
  }

  get runsInWorker(): boolean {
    return Boolean(this.net.runner?.explainAsync);
  }
  get backend(): string {
    return this.net.backend;
  }
  /** "Why?" methods: in the net worker for a net that runs there, else once the engine runs it. */
  whyAttributor = (): AsyncAttributor | null => this.net.whyAttributor();

  /** The model's own class names, one per output; empty when it has none (views show "class 0 …"). */
  get classes(): string[] {
    const named = this.meta?.classes ?? [];
    // An edited or zoo net may have another number of outputs than the names it was given.
    return named.length === (this.explanation?.probabilities.length ?? named.length) ? named : [];
  }

  get inputSize(): number {
    return this.net.runner?.inputShape[0] ?? this.meta?.inputSize[0] ?? 64;
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
      const { meta, artifacts, modelUrl } = await downloadModel(baseUrl, (p) => {
        if (this.progress.stage === 'weights') this.progress = { stage: 'weights', ...p };
      });
      performance.mark('model-fetched');
      this.untrainedLayers = new Set();
      this.randomWeights = false;
      this.progress = { ...this.progress, stage: 'model' };
      const firstLook = this.net.take(artifacts, modelUrl);
      // A net the plain forward pass cannot run waits for the engine, as it always did.
      const spec = firstLook ? firstLook.spec : await this.connectEngine().then(() => this.net.loadedSpec);
      // Fed as trained: meta.json's preprocessing on the Input (a contradiction fails, naming both).
      this.spec = spec && specWithMetaPreprocessing(spec, meta, `${baseUrl}meta.json`);
      this.meta = meta;
      this.pristine = true;
      if (this.spec) this.pretrained = { spec: this.spec, weights: this.getWeights(), meta };
      const first = await firstImage?.catch(() => null);
      if (first && !this.image) {
        try {
          this.setRawImage(first.raw, first.name);
        } catch (e) {
          if (!firstLook || this.net.engineReady) throw e;
          // The forward pass could not run this net after all (a weight it cannot find, say).
          await this.net.fallBackToEngine();
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
    this.loadError = message(e);
    this.status = 'error';
  }

  /**
   * Starts TensorFlow.js and builds the loaded model in it; from then on the engine explains
   * every image. Called once the first overview is drawn, and by everything that needs a
   * tfjs model (editing, training, saving); later calls share the first one's promise.
   * `onPage` (for gradients): a net in the net worker is built on the page too (NetHost.onPage).
   */
  connectEngine(onPage = false): Promise<EngineModule> {
    const engine = this.net.connect();
    return onPage ? engine.then(async (e) => (await this.net.onPage(), e)) : engine;
  }

  /** Tensors tfjs holds; 0 before the engine has started. */
  tensorCount = (): number => this.net.tensorCount();

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
          : { key: 'image.undecodable', vars: { file: name, reason: message(e) } };
      return false;
    }
  }

  setRawImage(raw: RawImage, name: string): void {
    const runner = this.net.runner;
    if (!runner) return;
    // Checked here (a net's wrong preprocessing throws to the caller); a net in the worker
    // makes its input there.
    const plan = netInputPlan(this.spec, this.inputSize, this.fit);
    // From the worker, the image and its activations appear together when they come.
    const show = (explanation: Explanation, input: Float32Array): void => {
      if (this.net.runner !== runner) return;
      [this.explanation, this.image, this.imageNotice] = [explanation, { name, raw, input }, null];
    };
    this.latest.requestImage(runner, raw, plan, show, (e) => {
      this.imageNotice = { key: 'image.undecodable', vars: { file: name, reason: message(e) } };
    });
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
    const runner = this.net.runner;
    return this.net.engineReady && runner && this.image ? runner.explain(this.image.input) : null;
  }

  /**
   * Rebuilds the model from a spec and re-explains the current image. `weights: 'keep'` keeps
   * every weight whose name and shape fit (from the current net, else the pretrained one);
   * 'random' initialises all; given values go in by name. Fresh layers go in `untrainedLayers`.
   * A spec that cannot run changes nothing and says why. Only `NetLink` calls it.
   */
  async applySpec(
    spec: NetworkSpec,
    options: Omit<NetworkSource, 'spec' | 'weights'> & { weights?: WeightChoice } = {},
  ): Promise<ApplyOutcome> {
    const check = checkRunnable(spec, inferShapes(spec));
    if (!check.ok) return check;
    const weights = weightsKind(options.weights ?? 'keep');
    this.rebuilding = { stage: 'building', name: spec.name, weights };
    try {
      await nextFrame();
      const { built, image, explanation } = await this.net.rebuildAndExplain(spec, {
        weights: options.weights ?? 'keep',
        untrained: () => this.untrainedLayers,
        progress: async (stage) => {
          this.rebuilding = { stage, name: spec.name, weights };
          await nextFrame();
        },
        image: () => this.image,
        fit: this.fit,
      });
      this.net.adopt(built.runner);
      const { untrained, layersWithWeights } = built;
      this.untrainedLayers = untrained;
      this.randomWeights =
        layersWithWeights.size > 0 && [...layersWithWeights].every((l) => untrained.has(l));
      this.spec = spec;
      this.image = image;
      this.explanation = explanation;
      if (options.meta) this.meta = options.meta;
      else if (options.classes) this.setClasses(options.classes.names, options.classes.dataset);
      // Another model's weights: the names of the one before do not belong to it.
      else if (options.weights !== undefined && options.weights !== 'keep') this.setClasses([], '');
      // The pretrained model as it came: its own weights and its own spec (an edit merged into
      // the reopening carries the same weights but another spec).
      const pretrained = this.pretrained;
      this.pristine =
        pretrained !== null &&
        options.weights === pretrained.weights &&
        JSON.stringify(spec) === JSON.stringify(pretrained.spec);
      if (this.selection && !spec.layers.some((l) => l.id === this.selection?.layerId)) this.selection = null;
      return { ok: true, reinitialised: built.reinitialised };
    } catch (e) {
      const msg = message(e);
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
    return this.net.runner?.namedWeights() ?? new Map();
  }

  /**
   * Puts new weight values into the current model (a training snapshot, a reset) and
   * re-explains the current image, so every view follows. Names the model lacks, or values of
   * the wrong length, are ignored; weights not named keep their values. `trained: false`
   * marks every layer with weights as untrained (fresh random weights). Before the engine has
   * started they go into the first look, and the engine takes them over when it builds the net.
   */
  setWeights(named: ReadonlyMap<string, Float32Array>, options: { trained: boolean }): void {
    const runner = this.net.runner;
    if (!runner) return;
    const layers = runner.setWeights(named);
    this.pristine = false;
    this.untrainedLayers = options.trained ? new Set() : layers;
    this.randomWeights = !options.trained && layers.size > 0;
    const image = this.image;
    if (image)
      this.latest.request(runner, image.input, (e) => {
        if (this.image === image) this.explanation = e;
      });
  }

  /** Names the classes of the current model's outputs (after training it on a dataset). */
  setClasses(classes: string[], dataset: string): void {
    this.pristine = false;
    const name = this.spec?.name ?? this.meta?.name ?? 'model';
    this.meta = metaForClasses(name, classes, dataset, { size: this.inputSize, fit: this.fit });
  }
}

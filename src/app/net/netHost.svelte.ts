/**
 * Holds the one `NetRunner` that runs the explainer's net, and TensorFlow.js once it has
 * started. The pretrained net is first run by a `FirstLook` (the registry's plain-TypeScript
 * forward pass over the downloaded weights), so the first overview does not wait for tfjs to
 * download, evaluate and start; `connect` (once the overview is drawn, or by the first thing
 * that needs tfjs) builds the same net in the engine, with the first look's weights, and
 * swaps runners. Nothing here asks which runner it holds.
 */
import { FirstLook } from '../../lib/forward/firstLook';
import { asAsync, type AsyncAttributor } from '../../lib/attribution/types';
import type { ModelArtifacts } from '../../lib/engine/io';
import type { WeightSource } from '../../lib/engine/runner';
import type { WeightPlan } from '../../lib/spec/weightPlan';
import type { Explanation, NetRunner } from '../../lib/tensor/types';
import type { NetworkSpec } from '../../lib/spec/types';
import { loadEngine, type EngineModule } from '../engine/loadEngine';
import type { CurrentImage, WeightChoice } from './types';
import { imageForNet, type FitMode } from '../../lib/preprocess/netInput';
import { netWorker } from './netWorkerClient';
import { WorkerRunner } from './workerRunner';
import { banksFor, inputSizeOf, runsInWorker } from './workerChoice';

type WeightBank = NonNullable<WeightSource['bank']>;

function bankOf(runner: NetRunner): WeightBank {
  return { values: runner.namedWeights(), shapes: runner.weightShapes() };
}

/** Layers with at least one weight that `named` does not give with the right number of values. */
function layersNotGiven(
  shapes: ReadonlyMap<string, number[]>,
  named: ReadonlyMap<string, Float32Array>,
): Set<string> {
  const out = new Set<string>();
  for (const [name, shape] of shapes)
    if (named.get(name)?.length !== shape.reduce((a, b) => a * b, 1))
      out.add(name.slice(0, name.indexOf('/')));
  return out;
}

/** A net built by `rebuild`, not yet adopted. */
export interface Rebuilt {
  runner: NetRunner;
  /** Layers left with fresh, untrained values. */
  untrained: ReadonlySet<string>;
  /** Layers whose weights had to be freshly initialised because their shapes changed. */
  reinitialised: string[];
  layersWithWeights: ReadonlySet<string>;
  /** The image's explanation when the build made one (a net built in the worker). */
  explanation?: Explanation | null;
}

export class NetHost {
  /** Runs the net; null before a model is loaded. */
  runner = $state.raw<NetRunner | null>(null);
  /** True once TensorFlow.js runs the net (until then a FirstLook does). */
  engineReady = $state(false);
  /** Why the engine did not start, while a first look keeps the overview working. */
  engineError = $state<string | null>(null);
  backend = $state('');
  /** The spec the engine read from the last loaded model files. */
  loadedSpec: NetworkSpec | null = null;
  private engine: EngineModule | null = null;
  private connecting: Promise<EngineModule> | null = null;
  /** The pretrained model's files, kept until the engine has built the model from them. */
  private pending: { artifacts: ModelArtifacts; url: string } | null = null;
  /** The pretrained weights, so edits that restore a layer's shape restore its training too. */
  private bank: WeightBank | undefined = undefined;

  /** `onEngineFailure` hears why the engine could not start (see `connect`). */
  constructor(private readonly onEngineFailure: (e: unknown) => void) {}

  /**
   * Takes a downloaded model: a first look runs it at once where the plain forward pass can;
   * otherwise (null) it waits for the engine. A loaded engine builds the new model when next asked.
   */
  take(artifacts: ModelArtifacts, url: string): FirstLook | null {
    this.pending = { artifacts, url };
    // A net in the worker is freed there (the engine may not have started yet).
    if (this.runner?.explainAsync) this.runner.dispose();
    if (this.engineReady) {
      this.runner?.dispose();
      this.runner = null;
      this.connecting = null;
      this.engineReady = false;
    }
    const firstLook = FirstLook.fromModelFiles(artifacts);
    this.bank = firstLook ? bankOf(firstLook) : undefined;
    this.runner = firstLook;
    return firstLook;
  }

  /** Drops the first look that turned out unable to run the net, and waits for the engine. */
  async fallBackToEngine(): Promise<void> {
    this.runner = null;
    await this.connect();
  }

  /**
   * Starts TensorFlow.js and builds the loaded model in it; from then on the engine runs the
   * net. Later calls share the first one's promise; a failure lets the next call try again.
   */
  connect(): Promise<EngineModule> {
    this.connecting ??= this.startEngineAndModel().catch((e: unknown) => {
      this.connecting = null; // a Retry tries again
      this.onEngineFailure(e);
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
      const { runner, spec } = await engine.runnerFromArtifacts(pending.artifacts, pending.url);
      this.loadedSpec = spec;
      try {
        this.bank ??= bankOf(runner);
        // Weights set meanwhile (a reset, a training step) went into the first look: carry them
        // over. The first look explained the current image with these same weights, so the
        // explanation stands; only later images go through the engine.
        if (this.runner) runner.setWeights(this.runner.namedWeights());
      } catch (e) {
        runner.dispose();
        throw e;
      }
      this.adopt(runner);
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

  /**
   * Builds `spec` in the engine with the chosen weights: kept from the current net (whose
   * `untrained()` layers count as untrained) and the pretrained one where names and shapes
   * fit, all fresh, or the given values. `between` runs between the two heavy steps
   * (progress); the current net and its marks are read after it, when the weights move.
   */
  async rebuild(
    spec: NetworkSpec,
    weights: WeightChoice,
    untrained: () => ReadonlySet<string>,
    between: (stage: 'weights' | 'inWorker') => Promise<void>,
    inputFor: (size: number) => Float32Array | null = () => null,
  ): Promise<Rebuilt> {
    // A big net is built, initialised and run in the net worker, so the page never blocks on it.
    const worker = runsInWorker(spec) ? netWorker() : null;
    if (worker) {
      await between('inWorker');
      const built = await WorkerRunner.build(worker, spec, {
        banks: weights === 'keep' ? banksFor(this.runner, untrained(), this.bank) : [],
        given: typeof weights === 'string' ? null : weights,
        image: inputFor(inputSizeOf(spec)),
      });
      // The pretrained net need not be built in the engine any more (this one replaces it).
      this.pending = null;
      if (typeof weights !== 'string') {
        const notGiven = layersNotGiven(built.runner.weightShapes(), weights);
        return { ...built, untrained: notGiven, reinitialised: [...notGiven] };
      }
      return built;
    }
    const engine = await this.connect();
    const sources = (): WeightSource[] => {
      const current = this.runner;
      if (weights !== 'keep') return [];
      return [
        ...(current ? [{ runner: current, untrained: untrained() }] : []),
        ...(this.bank ? [{ bank: this.bank, untrained: new Set<string>() }] : []),
      ];
    };
    const built = await engine.buildRunner(spec, sources, () => between('weights'));
    const { runner, layersWithWeights } = built;
    if (typeof weights === 'string') return { runner, layersWithWeights, ...planned(built.plan) };
    try {
      runner.setWeights(weights);
      const notGiven = layersNotGiven(runner.weightShapes(), weights);
      return { runner, layersWithWeights, untrained: notGiven, reinitialised: [...notGiven] };
    } catch (e) {
      runner.dispose();
      throw e;
    }
  }

  /**
   * Makes sure the net runs on the page, for what needs gradients there (the "Why?" panel): a
   * net in the worker is built again in the page's engine with the same weights (a pause for
   * a big net, taken only when asked for).
   */
  async onPage(): Promise<void> {
    const engine = await this.connect();
    const current = this.runner;
    if (!current?.explainAsync) return;
    const values = current.namedWeights();
    const spec = current instanceof WorkerRunner ? current.spec : this.loadedSpec;
    if (!spec) return;
    const { runner } = await engine.buildRunner(spec, [
      { bank: { values, shapes: current.weightShapes() }, untrained: new Set() },
    ]);
    if (this.runner === current) this.adopt(runner);
    else runner.dispose();
  }

  /**
   * `rebuild`, then the explanation of the image shown (read again after the build: a newer
   * image than the one a worker build explained is explained anew). A net that cannot explain
   * it is freed, and the error thrown.
   */
  async rebuildAndExplain(
    spec: NetworkSpec,
    o: {
      weights: WeightChoice;
      untrained: () => ReadonlySet<string>;
      progress: (stage: 'weights' | 'running' | 'inWorker') => Promise<void>;
      image: () => CurrentImage | null;
      fit: FitMode;
    },
  ): Promise<{ built: Rebuilt; image: CurrentImage | null; explanation: Explanation | null }> {
    const shown = o.image();
    let given: Float32Array | null = null;
    const built = await this.rebuild(
      spec,
      o.weights,
      o.untrained,
      (stage) => o.progress(stage),
      (size) => (given = shown ? imageForNet(shown.raw, spec, size, o.fit) : null),
    );
    // A worker's reply (a big net's weights and activations) was read, and the collector ran
    // for it, in the task that received it: what the caller does with it runs in a task of its own.
    if (built.explanation) await nextTask();
    const now = o.image();
    if (!now) return { built, image: null, explanation: null };
    const runner = built.runner;
    try {
      // The worker explained the image it was given; a newer one is explained now.
      if (built.explanation && given && now === shown) {
        performance.mark('net-explained', { detail: spec.name });
        return { built, image: { ...now, input: given }, explanation: built.explanation };
      }
      await o.progress('running');
      const input = imageForNet(now.raw, spec, runner.inputShape[0] ?? 0, o.fit);
      const explanation = runner.explainAsync ? await runner.explainAsync(input) : runner.explain(input);
      performance.mark('net-explained', { detail: spec.name });
      return { built, image: { ...now, input }, explanation };
    } catch (e) {
      runner.dispose();
      throw e;
    }
  }

  /** The "Why?" methods: in the net worker for a net there, else the engine's once it runs the net. */
  whyAttributor(): AsyncAttributor | null {
    const runner = this.runner;
    if (runner?.asyncAttributor) return runner.asyncAttributor();
    const page = this.engineReady ? runner?.attributor?.() : undefined;
    return page ? asAsync(page) : null;
  }

  /** Makes a rebuilt net the one that runs, and frees the one it replaces. */
  adopt(runner: NetRunner): void {
    const previous = this.runner;
    this.runner = runner;
    if (previous !== runner) previous?.dispose();
  }
}

/**
 * Resolves in a later task, once the page is idle (at most 100 ms on), so reading the reply and
 * mounting the views are two tasks. (The collector that the reply's ~100 MB start was still seen
 * finishing in the mounting task in a profile: the idle wait does not reliably move it.)
 * A timer where there is no idle callback (Node).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 100 })
      : setTimeout(resolve, 0),
  );
}

function planned(plan: WeightPlan): Pick<Rebuilt, 'untrained' | 'reinitialised'> {
  return { untrained: plan.untrained, reinitialised: plan.reinitialised };
}

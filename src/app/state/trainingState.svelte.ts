/**
 * The training panel's state: the dataset choice, the settings, the run (started, paused,
 * finished, diverged) and its log. Training happens in a worker on the explainer's current
 * network; every few steps the worker's weights are put into the explainer, so the overview,
 * the kernels and any open formula view show the network as it learns.
 */
import type { Localized, NetworkSpec } from '../../lib/spec/types';
import {
  DEFAULT_CONFIG,
  validateConfig,
  type ConfigIssue,
  type TrainingConfig,
} from '../../lib/training/config';
import type { TrainingLog } from '../../lib/training/log';
import type { FinalEvaluation, FromWorker } from '../../lib/training/protocol';
import { checkTrainable } from '../../lib/training/trainable';
import { initialiseWeights } from '../../lib/training/init';
import { specWeights } from '../../lib/training/specWeights';
import { SHAPE_CLASSES } from '../../lib/data/synthetic';
import type { ExplainerState } from './explainerState.svelte';
import type { I18n } from './i18n.svelte';
import type { EditorState } from './editorState.svelte';
import type { UserDataset } from '../training/userDataset';
import { TrainingWorkerClient } from '../training/trainingWorkerClient';
import { RunRecord } from '../training/runRecord.svelte';
import { SHAPES_TRAIN, SHAPES_VAL, trainingSource } from '../training/trainingSource';
import { browserClock, LatestLater, type PacerClock } from '../../lib/training/stepPacer';

export type RunStatus =
  'idle' | 'preparing' | 'running' | 'paused' | 'finished' | 'stopped' | 'diverged' | 'error' | 'loaded';
export type DataChoice = 'shapes' | 'user';

export { SHAPES_TRAIN, SHAPES_VAL };
export const SHAPES_NAME = 'Shapes';

export class TrainingState extends RunRecord {
  status = $state<RunStatus>('idle');
  stage = $state<'worker' | 'data' | 'model' | null>(null);
  config = $state<TrainingConfig>({ ...DEFAULT_CONFIG });
  dataChoice = $state<DataChoice>('shapes');
  userData = $state.raw<UserDataset | null>(null);
  /** Why the run stopped or could not start; `fix` adapts the network when that can help. */
  problem = $state.raw<{ text: Localized; fix: NetworkSpec | null } | null>(null);
  workerBackend = $state('');
  /** True while `applyFix` opens the adapted network: Start waits, or it would check the old one. */
  fixing = $state(false);
  issues: ConfigIssue[] = $derived(validateConfig(this.config));
  active = $derived(this.status === 'preparing' || this.status === 'running' || this.status === 'paused');
  private client: TrainingWorkerClient | null = null;
  private runSpec: NetworkSpec | null = null;
  /** Which data the log was made on; a new run on the same net and data continues the log. */
  private logData: string | null = null;
  /** Weight snapshots, shown in a task of their own, the newest only. */
  private readonly weightReports: LatestLater<{ list: [string, Float32Array][]; step: number }>;

  constructor(
    private readonly explainer: ExplainerState,
    private readonly i18n: I18n,
    /** The architecture editor: network changes go through its `openNetwork`. */
    readonly editor: EditorState,
    clock: PacerClock = browserClock,
  ) {
    super(clock);
    this.weightReports = new LatestLater((w) => this.showWeights(w.list, w.step), clock);
  }

  /** Puts a saved run's log back (after loading a model from the browser's storage). */
  restoreLog(log: TrainingLog, evaluation: FinalEvaluation | null, classes: string[]): void {
    this.putRecord(log, evaluation, classes);
    // Not made on the data now chosen, as far as anyone knows: the next run starts a new log.
    this.logData = null;
    this.status = log.steps.length > 0 ? 'loaded' : 'idle';
  }

  get imagesPerSecond(): number | null {
    return this.rate(this.config.batchSize);
  }

  /** The dataset's class names in the current language. */
  classNames(): string[] {
    if (this.dataChoice === 'shapes') return SHAPE_CLASSES.map((c) => this.i18n.l(c.name));
    return this.userData?.classes ?? [];
  }

  /** After a language switch: the built-in classes are named in the new language. */
  relabel(): void {
    if (this.explainer.meta?.dataset !== SHAPES_NAME) return;
    const names = SHAPE_CLASSES.map((c) => this.i18n.l(c.name));
    if (
      this.explainer.meta.classes.length === names.length &&
      this.explainer.meta.classes.some((n, i) => n !== names[i])
    )
      this.explainer.setClasses(names, SHAPES_NAME);
    if (this.runClasses.length === names.length && this.logData?.startsWith('shapes:'))
      this.runClasses = names;
  }

  datasetName(): string {
    return this.dataChoice === 'shapes' ? SHAPES_NAME : (this.userData?.name ?? '');
  }

  private dataKey(): string {
    return this.dataChoice === 'shapes'
      ? `shapes:${this.config.seed}`
      : `user:${this.userData?.name ?? ''}:${this.userData?.count ?? 0}`;
  }

  /** Whether Start continues the curves: same network, same data, after a finished or stopped run. */
  get continues(): boolean {
    void this.version;
    return (
      (this.status === 'finished' || this.status === 'stopped') &&
      this.log.steps.length > 0 &&
      this.explainer.spec === this.runSpec &&
      this.logData === this.dataKey()
    );
  }

  /** Starts the worker early (it loads tfjs and wasm), so Start responds at once. */
  warmUp(): void {
    this.ensureClient();
  }

  private ensureClient(): TrainingWorkerClient {
    this.client ??= new TrainingWorkerClient(
      (m) => this.receive(m),
      (reason) => this.fail(reason),
    );
    return this.client;
  }

  /** Starts a run on the explainer's network; false (with `problem` set) when it cannot. */
  start(): boolean {
    const spec = this.explainer.spec;
    const shapes = this.explainer.shapes;
    if (!spec || !shapes || this.active || this.fixing || this.issues.length > 0) return false;
    const classes = this.classNames();
    const chosen = trainingSource(this.dataChoice, this.userData, this.config.seed, this.explainer.inputSize);
    if ('problem' in chosen) {
      this.problem = { text: chosen.problem, fix: null };
      return false;
    }
    const data = chosen.source;
    const check = checkTrainable(spec, shapes, classes.length);
    if (!check.ok) {
      this.problem = { text: check.reason, fix: check.fixed };
      return false;
    }
    this.problem = null;
    const last = this.continues ? this.lastStep : null;
    if (last) {
      this.offset = { step: last.step, epoch: last.epoch, seconds: last.seconds };
      this.evaluation = null;
    } else {
      this.clearLog();
      this.offset = { step: 0, epoch: 0, seconds: 0 };
    }
    this.logData = this.dataKey();
    this.runSpec = spec;
    this.runClasses = classes;
    this.explainer.setClasses(classes, this.datasetName());
    const weights = [...this.explainer.getWeights()];
    if (!last) this.keepStartKernel(spec, new Map(weights));
    this.status = 'preparing';
    this.stage = 'worker';
    this.runEpochs = this.offset.epoch + this.config.epochs;
    this.ensureClient().send(
      { type: 'start', spec, weights, classes: classes.length, data, config: $state.snapshot(this.config) },
      weights.map(([, w]) => w.buffer as ArrayBuffer),
    );
    return true;
  }

  /** Adapts the output layer as `problem.fix` proposes (other weights are kept). */
  async applyFix(): Promise<void> {
    const fix = this.problem?.fix;
    if (!fix || this.active || this.fixing) return;
    // The problem stays on screen until the adapted net is the explainer's: cleared earlier, a
    // Start pressed in between checked the old net and refused it again.
    this.fixing = true;
    try {
      const opened = await this.editor.openNetwork({ spec: fix, weights: 'keep' });
      this.problem = opened.ok
        ? null
        : { text: { en: 'The network could not be changed.', zh: '无法修改网络。' }, fix: null };
    } finally {
      this.fixing = false;
    }
  }

  pause(): void {
    if (this.status === 'running') this.client?.send({ type: 'pause' });
  }

  resume(): void {
    if (this.status === 'paused') this.client?.send({ type: 'resume' });
  }

  stop(): void {
    if (this.active) this.client?.send({ type: 'stop' });
  }

  setSnapshotEvery(steps: number): void {
    this.config.snapshotEvery = steps;
    if (this.active && Number.isInteger(steps) && steps >= 1)
      this.client?.send({ type: 'setSnapshotEvery', steps });
  }

  /** Fresh seeded weights by the chosen scheme, in the explainer at once; the log is cleared. */
  resetWeights(): void {
    const spec = this.explainer.spec;
    if (!spec || this.active) return;
    const fresh = initialiseWeights(specWeights(spec), this.config.init, this.config.seed);
    this.explainer.setWeights(fresh, { trained: false });
    this.keepStartKernel(spec, fresh);
    this.weightsVersion++;
    this.clearLog();
    this.status = 'idle';
    this.problem = null;
  }

  private fail(reason: string): void {
    this.weightReports.drop();
    this.status = 'error';
    this.stage = null;
    this.problem = { text: { en: `Training failed: ${reason}`, zh: `训练失败：${reason}` }, fix: null };
    this.client?.terminate();
    this.client = null;
  }

  private showWeights(list: [string, Float32Array][], step: number): void {
    // A network edited during the run no longer matches the worker's copy: stop rather than mix them.
    if (this.explainer.spec !== this.runSpec) {
      this.stop();
      this.problem = {
        text: {
          en: 'Training stopped because the network was changed while it ran.',
          zh: '训练已停止，因为网络在训练过程中被修改了。',
        },
        fix: null,
      };
      return;
    }
    this.explainer.setWeights(new Map(list), { trained: true });
    this.shownStep = step;
    this.weightsVersion++;
  }

  /** What the worker sends (its client calls this; so do the tests). */
  receive(m: FromWorker): void {
    if (m.type === 'step') {
      this.stepReports.push(m.record);
      return;
    }
    // Whatever else comes is about the steps before it: they are on record first.
    this.stepReports.flush();
    switch (m.type) {
      case 'ready':
        this.workerBackend = m.backend;
        break;
      case 'preparing':
        this.stage = m.stage;
        break;
      case 'started':
        this.totalSteps = this.offset.step + m.totalSteps;
        this.trainCount = m.trainCount;
        this.valCount = m.valCount;
        this.status = 'running';
        this.stage = null;
        break;
      case 'validation':
        this.recordValidation(m.record);
        break;
      case 'weights':
        this.weightReports.put({ list: m.weights, step: m.step + this.offset.step });
        break;
      case 'paused':
        this.status = 'paused';
        break;
      case 'resumed':
        this.status = 'running';
        break;
      case 'finished':
        this.weightReports.drop();
        if (this.explainer.spec === this.runSpec) this.showWeights(m.weights, this.lastStep?.step ?? 0);
        this.evaluation = m.evaluation;
        this.status = m.reason === 'completed' && !this.problem ? 'finished' : 'stopped';
        break;
      case 'diverged':
        this.status = 'diverged';
        this.problem = { text: m.message, fix: null };
        break;
      case 'error':
        this.fail(m.message);
        break;
    }
  }
}

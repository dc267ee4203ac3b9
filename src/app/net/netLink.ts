/**
 * The link from the editor to the explainer, and the only caller of
 * `ExplainerState.applySpec`. Rebuilds run one at a time; networks handed over meanwhile
 * collapse into the newest, so fast typing costs one rebuild, not ten. Every caller gets a
 * promise that settles when the explainer shows its net (or a later edit of it), or with the
 * reason it does not: no polling.
 */
import type { ExplainerState } from '../state/explainerState.svelte';
import type { ApplyOutcome, NetworkSource } from './types';

/** What a net that was replaced before it was built hears. */
export const SUPERSEDED: ApplyOutcome = {
  ok: false,
  reason: {
    en: 'Another network was opened before this one could be shown.',
    zh: '在显示这个网络之前，已经打开了另一个网络。',
  },
  tooLarge: false,
  superseded: true,
};

interface Job {
  source: NetworkSource;
  waiters: ((outcome: ApplyOutcome) => void)[];
}

export class NetLink {
  private pending: Job | null = null;
  private running = false;

  constructor(
    private readonly explainer: ExplainerState,
    /** Hears the outcome of every rebuild that ran, in order. */
    private readonly onOutcome: (outcome: ApplyOutcome) => void = () => undefined,
  ) {}

  /**
   * Hands a net to the explainer. `opens`: a whole new net, which replaces one still waiting;
   * otherwise an edit of the waiting net, which takes over its weights, classes and callers.
   */
  submit(source: NetworkSource, opens: boolean): Promise<ApplyOutcome> {
    return new Promise((resolve) => {
      const before = this.pending;
      const job: Job = { source, waiters: [resolve] };
      if (before && opens) for (const waiter of before.waiters) waiter(SUPERSEDED);
      else if (before) {
        job.waiters.push(...before.waiters);
        job.source = {
          spec: source.spec,
          // 'keep' keeps what the waiting net was to get: its given or fresh weights.
          weights: source.weights === 'keep' ? before.source.weights : source.weights,
          classes: source.classes ?? before.source.classes,
          meta: source.meta ?? before.source.meta,
        };
      }
      this.pending = job;
      void this.drain();
    });
  }

  /** True while a net is being built or waits to be. */
  get busy(): boolean {
    return this.running || this.pending !== null;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending) {
        const job = this.pending;
        this.pending = null;
        const { spec, ...options } = job.source;
        const outcome = await this.explainer.applySpec(spec, options);
        this.onOutcome(outcome);
        for (const waiter of job.waiters) waiter(outcome);
      }
    } finally {
      this.running = false;
    }
  }
}

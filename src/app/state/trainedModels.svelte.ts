/**
 * The zoo networks' trained weights: which ones are there (models/<folder>/ beside the page,
 * see trainedWeights.ts), and opening them. TinyVGG's are the ones the page loaded; the others
 * are downloaded when chosen. A network without them opens with random weights, marked so.
 */
import type { ZooCard } from '../../lib/zoo';
import type { Localized } from '../../lib/spec/types';
import { downloadModel } from '../net/loadPretrained';
import { findTrainedWeights, type TrainedWeights } from '../net/trainedWeights';
import { specWithMetaPreprocessing } from '../../lib/model/metaPreprocessing';
import type { ApplyOutcome } from '../net/types';
import type { ExplainerState } from './explainerState.svelte';
import type { EditorState } from './editorState.svelte';

export class TrainedModels {
  /** Trained weights by zoo id, for the cards whose folder has them. */
  found = $state.raw<ReadonlyMap<string, TrainedWeights>>(new Map());
  /** Whether the folders have been looked at (until then nothing is called untrained). */
  checked = $state(false);
  /** The zoo id being downloaded and opened. */
  opening = $state<string | null>(null);
  error = $state.raw<Localized | null>(null);
  /** The trained model last opened here and the spec it was shown with, to tell it from later edits. */
  private shown = $state.raw<{ id: string; spec: string } | null>(null);
  /** The zoo's cards (its module is loaded with the first look, off the page's first chunk). */
  private cards = $state.raw<readonly ZooCard[]>([]);
  private looking: Promise<void> | null = null;

  constructor(
    private readonly explainer: ExplainerState,
    private readonly editor: EditorState,
    private readonly zooCards?: readonly ZooCard[],
  ) {}

  /** Looks for every card's weights once; later calls wait for the same look. */
  refresh(fetcher?: typeof fetch): Promise<void> {
    this.looking ??= (async () => {
      this.cards = this.zooCards ?? (await import('../../lib/zoo')).ZOO.map((e) => e.card);
      const folders = this.cards.flatMap((c) => (c.weights ? [c.weights] : []));
      const byFolder = await findTrainedWeights(folders, fetcher);
      const found = new Map<string, TrainedWeights>();
      for (const c of this.cards) {
        const r = c.weights ? byFolder.get(c.weights) : undefined;
        if (r) found.set(c.id, r);
      }
      this.found = found;
      this.checked = true;
    })();
    return this.looking;
  }

  /** Trained weights of this card, or null (none, or not looked for yet). */
  weightsOf(id: string): TrainedWeights | null {
    return this.found.get(id) ?? null;
  }

  /** The networks whose trained weights can be opened, in the zoo's order. */
  get available(): { card: ZooCard; weights: TrainedWeights }[] {
    return this.cards.flatMap((card) => {
      const weights = this.found.get(card.id);
      return weights ? [{ card, weights }] : [];
    });
  }

  /**
   * The zoo id of the trained model on screen, untouched: the page's own model while pristine,
   * or the one last opened here while its spec and weights are as they came. Null otherwise.
   */
  get current(): string | null {
    const { explainer } = this;
    if (explainer.pristine) return this.cards.find((c) => c.pretrained)?.id ?? null;
    const shown = this.shown;
    if (!shown || explainer.untrainedLayers.size > 0 || !explainer.spec) return null;
    return JSON.stringify(explainer.spec) === shown.spec ? shown.id : null;
  }

  /** Opens a network with its trained weights; the page's own model as it came. */
  async open(id: string): Promise<ApplyOutcome | null> {
    const card = this.cards.find((c) => c.id === id);
    const trained = this.found.get(id);
    const shipped = this.explainer.pretrained;
    if (card?.pretrained && shipped) return this.editor.openNetwork(shipped);
    if (!trained) return null;
    this.opening = id;
    this.error = null;
    try {
      const { meta, artifacts, modelUrl } = await downloadModel(trained.baseUrl, () => {});
      const engine = await this.explainer.connectEngine();
      const loaded = await engine.loadModelFromArtifacts(artifacts, modelUrl);
      const weights = engine.getNamedWeights(loaded.model);
      loaded.model.dispose();
      const spec = specWithMetaPreprocessing(loaded.spec, meta, `${trained.baseUrl}meta.json`);
      const outcome = await this.editor.openNetwork({ spec, weights, meta });
      if (outcome.ok) this.shown = { id, spec: JSON.stringify(this.explainer.spec) };
      return outcome;
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      this.error = {
        en: `The trained weights of ${card?.name ?? id} could not be opened: ${text}`,
        zh: `无法打开 ${card?.name ?? id} 的训练权重：${text}`,
      };
      return null;
    } finally {
      this.opening = null;
    }
  }
}

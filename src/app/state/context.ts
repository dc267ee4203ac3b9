/** Typed access to the app-wide state objects, provided once by App.svelte. */
import { getContext, setContext } from 'svelte';
import type { I18n } from './i18n.svelte';
import type { ExplainerState } from './explainerState.svelte';
import type { ArticleNav } from './articleNav.svelte';
import type { TourState } from './tour.svelte';
import type { LayoutState } from './layout.svelte';
import type { EditorState } from './editorState.svelte';
import type { TrainingState } from './trainingState.svelte';
import type { ModelLibrary } from './modelLibrary.svelte';
import type { TrainedModels } from './trainedModels.svelte';
import type { TrainingLogs } from './trainingLogs.svelte';
import type { AttributionState } from './attributionState.svelte';

const I18N = Symbol('i18n');
const EXPLAINER = Symbol('explainer');
const ARTICLE_NAV = Symbol('articleNav');
const TOUR = Symbol('tour');
const LAYOUT = Symbol('layout');
const EDITOR = Symbol('editor');
const TRAINING = Symbol('training');
const LIBRARY = Symbol('library');
const TRAINED = Symbol('trained');
const LOGS = Symbol('logs');
const ATTRIBUTION = Symbol('attribution');

export function provideI18n(i18n: I18n): void {
  setContext(I18N, i18n);
}

export function useI18n(): I18n {
  return getContext<I18n>(I18N);
}

/**
 * The explainer for `mount(App, { context })`: main.ts makes it, and starts loading, before
 * the page is mounted (see there).
 */
export function explainerContext(state: ExplainerState): Map<symbol, unknown> {
  return new Map([[EXPLAINER, state]]);
}

export function useExplainer(): ExplainerState {
  return getContext<ExplainerState>(EXPLAINER);
}

export function provideArticleNav(nav: ArticleNav): void {
  setContext(ARTICLE_NAV, nav);
}

/** Scrolls the article to the section about a layer: `useArticleNav().showLayer(layer.type)`. */
export function useArticleNav(): ArticleNav {
  return getContext<ArticleNav>(ARTICLE_NAV);
}

export function provideTour(tour: TourState): void {
  setContext(TOUR, tour);
}

export function useTour(): TourState {
  return getContext<TourState>(TOUR);
}

export function provideLayout(layout: LayoutState): void {
  setContext(LAYOUT, layout);
}

/** The page layout: `useLayout().showSide()` brings the side panel (drawer on narrow screens) into view. */
export function useLayout(): LayoutState {
  return getContext<LayoutState>(LAYOUT);
}

export function provideEditor(editor: EditorState): void {
  setContext(EDITOR, editor);
}

/** The architecture editor: `useEditor().spec` is the edited net, `replaceSpec(spec)` swaps it as one undo step. */
export function useEditor(): EditorState {
  return getContext<EditorState>(EDITOR);
}

export function provideTraining(training: TrainingState, library: ModelLibrary): void {
  setContext(TRAINING, training);
  setContext(LIBRARY, library);
}

/** The training panel's run: dataset, settings, worker, log. */
export function useTraining(): TrainingState {
  return getContext<TrainingState>(TRAINING);
}

/** Saved models: the browser's storage, downloads and uploads. */
export function useLibrary(): ModelLibrary {
  return getContext<ModelLibrary>(LIBRARY);
}

export function provideTrainedModels(trained: TrainedModels): void {
  setContext(TRAINED, trained);
}

/** The zoo networks' trained weights under models/: which are there, and opening them. */
export function useTrainedModels(): TrainedModels {
  return getContext<TrainedModels>(TRAINED);
}

export function provideLogs(logs: TrainingLogs): void {
  setContext(LOGS, logs);
}

/** Training logs read from files (Caffe, Keras CSVLogger), drawn by the logs panel. */
export function useLogs(): TrainingLogs {
  return getContext<TrainingLogs>(LOGS);
}

export function provideAttribution(attribution: AttributionState): void {
  setContext(ATTRIBUTION, attribution);
}

/** The "Why?" panel: `useAttribution().show({ method: 'gradCam', layerId })` opens it from anywhere. */
export function useAttribution(): AttributionState {
  return getContext<AttributionState>(ATTRIBUTION);
}

/**
 * The guided tour's stops. Each points at an element found by CSS selector (alternatives in
 * order); a stop whose element is not on the page, or is hidden, is skipped, so the tour
 * works as panels land. Panels opt in with `data-view="<name>"` or `data-tour="<name>"`.
 */
import type { MessageKey } from '../../lib/i18n';

export interface TourStep {
  id: string;
  /** null: a welcome card in the middle of the window. */
  target: string | null;
  title: MessageKey;
  body: MessageKey;
}

export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'welcome', target: null, title: 'tour.welcome.title', body: 'tour.welcome.body' },
  {
    id: 'image',
    target: '[data-tour="image"], label:has([data-testid="image-file"])',
    title: 'tour.image.title',
    body: 'tour.image.body',
  },
  {
    id: 'overview',
    target: '[data-view="overview"], [data-testid="overview"], [data-testid="layer-table"]',
    title: 'tour.overview.title',
    body: 'tour.overview.body',
  },
  {
    id: 'neuron',
    target: '[data-tour="neuron"], [data-testid="neuron"]',
    title: 'tour.neuron.title',
    body: 'tour.neuron.body',
  },
  {
    id: 'formula',
    target: '[data-view="formula"], [data-testid="neuron-detail"]',
    title: 'tour.formula.title',
    body: 'tour.formula.body',
  },
  {
    id: 'editor',
    // On a phone or tablet the editor is in a closed drawer (inert): its button stands for it.
    target: '[data-view="editor"], #side-panel, [data-testid="drawer-toggle"]',
    title: 'tour.editor.title',
    body: 'tour.editor.body',
  },
  {
    id: 'training',
    target: '[data-view="training"]',
    title: 'tour.training.title',
    body: 'tour.training.body',
  },
  { id: 'article', target: '#article', title: 'tour.article.title', body: 'tour.article.body' },
  {
    id: 'language',
    target: '[data-tour="language"]',
    title: 'tour.language.title',
    body: 'tour.language.body',
  },
];

/** The element a step points at, if it is on the page and can be seen. */
export function findTarget(step: TourStep): HTMLElement | null {
  if (!step.target) return null;
  for (const selector of step.target.split(/,\s*/)) {
    const el = document.querySelector<HTMLElement>(selector);
    if (el && el.getClientRects().length > 0 && !el.closest('[inert]')) return el;
  }
  return null;
}

/** The steps that can be shown right now. */
export function availableSteps(): TourStep[] {
  return TOUR_STEPS.filter((s) => s.target === null || findTarget(s) !== null);
}

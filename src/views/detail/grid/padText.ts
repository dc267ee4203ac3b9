/** The zero padding of a window plan in words, for a map's title: empty without padding. */
import type { I18n } from '../../../app/state/i18n.svelte';
import type { WindowPlan } from '../../../lib/tensor/window';

export function padText(plan: WindowPlan, i18n: I18n): string {
  const { padTop: t, padBottom: b, padLeft: l, padRight: r } = plan;
  if (t + b + l + r === 0) return '';
  return t === b && b === l && l === r
    ? i18n.t('formula.conv.padded', { p: t })
    : i18n.t('formula.conv.paddedSides', { t, b, l, r });
}

/** Text alternatives for painted neurons: layer, channel and the range of its values. */
import type { I18n } from '../../app/state/i18n.svelte';
import type { TensorData } from '../../lib/tensor/types';
import type { ChannelStats } from '../../lib/colour/ranges';
import type { OverviewColumn } from '../../lib/overview/columns';
import { shortNumber } from '../../lib/overview/shortNumber';
import type { LabelTarget } from './mapPainter';
import { channelName } from './neuronText';

export function labelFor(
  i18n: I18n,
  t: LabelTarget,
  columns: ReadonlyMap<string, OverviewColumn>,
  stats: ReadonlyMap<string, ChannelStats>,
  activations: ReadonlyMap<string, TensorData>,
): string {
  const column = columns.get(t.layerId);
  const s = stats.get(t.layerId);
  if (!column || !s) return t.layerId;
  if (t.kind === 'unit')
    return i18n.t('overview.unitLabel', {
      layer: t.layerId,
      channel: t.channel,
      value: shortNumber(activations.get(t.layerId)?.data[t.channel] ?? 0),
    });
  const i = t.kind === 'map' ? t.channel : 0;
  const range = { min: shortNumber(s.min[i] ?? 0), max: shortNumber(s.max[i] ?? 0) };
  if (t.kind === 'strip')
    return i18n.t('overview.stripLabel', { layer: t.layerId, count: column.shape[0] ?? 0, ...range });
  return i18n.t('overview.mapLabel', {
    layer: t.layerId,
    channel: channelName(i18n, column, t.channel),
    ...range,
  });
}

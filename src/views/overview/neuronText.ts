/** Small pieces of neuron text shared by the tooltip, labels and the enlarged map. */
import type { I18n } from '../../app/state/i18n.svelte';
import type { OverviewColumn } from '../../lib/overview/columns';
import type { MessageKey } from '../../lib/i18n';

export { cellValue } from '../../lib/overview/cellValue';

const RGB: MessageKey[] = ['overview.channelRGB0', 'overview.channelRGB1', 'overview.channelRGB2'];

/** A channel number, with its colour name for an RGB input ("0 · red"). */
export function channelName(i18n: I18n, column: OverviewColumn, channel: number): string {
  const rgb = column.isInput && column.shape[column.shape.length - 1] === 3 ? RGB[channel] : undefined;
  return rgb ? `${channel} · ${i18n.t(rgb)}` : String(channel);
}

/** Small pieces of neuron text shared by the tooltip, labels and the enlarged map. */
import type { I18n } from '../../app/state/i18n.svelte';
import type { OverviewColumn } from '../../lib/overview/columns';
import type { MessageKey } from '../../lib/i18n';
import { inputLights } from '../../lib/overview/rangeLayers';

export { cellValue } from '../../lib/overview/cellValue';

const COLOUR: Partial<Record<string, MessageKey>> = {
  red: 'overview.channelRGB0',
  green: 'overview.channelRGB1',
  blue: 'overview.channelRGB2',
};

/** A channel number, with its colour name for a colour input in its own order ("0 · blue" for BGR). */
export function channelName(i18n: I18n, column: OverviewColumn, channel: number): string {
  const channels = column.shape[column.shape.length - 1] ?? 1;
  const rgb =
    column.isInput && channels === 3 ? COLOUR[inputLights(column, 3)[channel]?.scheme ?? ''] : undefined;
  return rgb ? `${channel} · ${i18n.t(rgb)}` : String(channel);
}

/** Small pieces of neuron text shared by the tooltip, labels and the enlarged map. */
import type { I18n } from '../../app/state/i18n.svelte';
import type { OverviewColumn } from '../../lib/overview/columns';
import type { MessageKey } from '../../lib/i18n';
import { inputLights } from '../../lib/overview/rangeLayers';

import { shortNumber } from '../../lib/overview/shortNumber';
import type { CellValue } from '../../lib/overview/cellValue';

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

/**
 * The hover readout of a cell: "Row 3, column 4: 0.21", for a volume with its slice first;
 * a strip's value index, with the map or volume cell a flatten copied it from.
 */
export function cellText(i18n: I18n, v: CellValue): { main: string; source?: string } {
  const value = shortNumber(v.value);
  if (v.kind === 'cell')
    return {
      main:
        v.depth === undefined
          ? i18n.t('overview.tip.cell', { row: v.row, col: v.col, value })
          : i18n.t('overview.tip.volumeCell', { depth: v.depth, row: v.row, col: v.col, value }),
    };
  const main = i18n.t('overview.tip.index', { index: v.index, value });
  const s = v.source;
  if (!s) return { main };
  return {
    main,
    source:
      s.depth === undefined
        ? i18n.t('overview.tip.source', { layer: s.layer, row: s.row, col: s.col, channel: s.channel })
        : i18n.t('overview.tip.sourceVolume', {
            layer: s.layer,
            depth: s.depth,
            row: s.row,
            col: s.col,
            channel: s.channel,
          }),
  };
}

import type { OverviewFit } from '../views/overview/fitBox';

/** The name of a fit's prerendered overview markup: every field the markup depends on. */
export const fitKey = (fit: OverviewFit): string =>
  `${fit.compact ? 'c' : 'n'}${fit.box}-${fit.columnGap}-${fit.minSlot}-${fit.outputWidth}`;

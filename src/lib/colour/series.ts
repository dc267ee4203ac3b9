/** One colour per overlaid series (training logs), from a categorical scheme readable on white. */
import { TABLEAU_10 } from './palettes';
import { colour } from '../theme';

export function seriesColour(i: number): string {
  return TABLEAU_10[i % TABLEAU_10.length] ?? colour.ink;
}

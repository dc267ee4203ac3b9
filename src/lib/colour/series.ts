/** One colour per overlaid series (training logs), from a categorical scheme readable on white. */
import { schemeTableau10 } from 'd3-scale-chromatic';
import { colour } from '../theme';

export function seriesColour(i: number): string {
  return schemeTableau10[i % schemeTableau10.length] ?? colour.ink;
}

/** One colour per registry category, for node stripes and palette dots. */
import { TABLEAU_10 } from './palettes';
import type { LayerCategory } from '../layers/types';
import { colour } from '../theme';

const ORDER: readonly LayerCategory[] = [
  'Data',
  'Vision',
  'Activation',
  'Utility',
  'Normalization',
  'Common',
  'Recurrent',
  'Noise',
  'Wrapper',
  'Loss',
];

export function categoryColour(category: LayerCategory | undefined): string {
  const i = category ? ORDER.indexOf(category) : -1;
  return i < 0 ? colour.faint : (TABLEAU_10[i % TABLEAU_10.length] ?? colour.faint);
}

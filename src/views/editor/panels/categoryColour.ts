/** One colour per registry category, for node stripes and palette dots. */
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { LayerCategory } from '../../../lib/layers/types';

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
  return i < 0 ? '#8a94a6' : (schemeTableau10[i % schemeTableau10.length] ?? '#8a94a6');
}

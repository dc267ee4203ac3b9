/** Our copies of the two palettes are the ones d3-scale-chromatic publishes, colour for colour. */
import { describe, expect, it } from 'vitest';
import { schemeRdBu, schemeTableau10 } from 'd3-scale-chromatic';
import { RD_BU_11, TABLEAU_10 } from '../../src/lib/colour/palettes';
import { categoryColour } from '../../src/lib/colour/category';
import { seriesColour } from '../../src/lib/colour/series';

describe('palettes', () => {
  it('RdBu (11 classes) and Tableau 10 match d3-scale-chromatic', () => {
    expect(RD_BU_11).toEqual(schemeRdBu[11]);
    expect(TABLEAU_10).toEqual(schemeTableau10);
  });

  it('categories and series take their colours from Tableau 10, in order and wrapping round', () => {
    expect(categoryColour('Data')).toBe(schemeTableau10[0]);
    expect(categoryColour('Vision')).toBe(schemeTableau10[1]);
    expect(seriesColour(1)).toBe(schemeTableau10[1]);
    expect(seriesColour(12)).toBe(schemeTableau10[2]);
  });
});

/**
 * The two published palettes the first screen draws with, as plain lists: ColorBrewer's RdBu
 * (11 classes, the overview's diverging colour map) and Tableau 10 (categories and series).
 * d3-scale-chromatic ships every scheme in one module whose top-level calls no bundler can
 * drop, so importing two of them put all of them (~5 kB gzip) in the page's first script;
 * tests/colour/palettes.test.ts checks these lists against the package.
 */
export const RD_BU_11: readonly string[] = [
  '#67001f',
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#f7f7f7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
  '#053061',
];

export const TABLEAU_10: readonly string[] = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
];

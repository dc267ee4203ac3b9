/** The ten classes of the built-in shapes dataset, in label order, named in both languages. */
import type { Localized } from '../../spec/types';

export interface ShapeClass {
  /** Stable id, used in file names, CSV headers and tests. */
  id: string;
  name: Localized;
}

export const SHAPE_CLASSES: readonly ShapeClass[] = [
  { id: 'horizontal-stripes', name: { en: 'horizontal stripes', zh: '横条纹' } },
  { id: 'vertical-stripes', name: { en: 'vertical stripes', zh: '竖条纹' } },
  { id: 'diagonal-stripes', name: { en: 'diagonal stripes', zh: '斜条纹' } },
  { id: 'circle', name: { en: 'circle', zh: '圆形' } },
  { id: 'square', name: { en: 'square', zh: '正方形' } },
  { id: 'triangle', name: { en: 'triangle', zh: '三角形' } },
  { id: 'cross', name: { en: 'cross', zh: '十字' } },
  { id: 'checkerboard', name: { en: 'checkerboard', zh: '棋盘格' } },
  { id: 'dots', name: { en: 'dots', zh: '圆点' } },
  { id: 'ring', name: { en: 'ring', zh: '圆环' } },
];

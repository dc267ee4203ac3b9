/**
 * The article in reading order, and the links between it and the network: which section
 * explains a layer (by the layer's type, else its registry category), and which layer of
 * a network a section's "show me" link opens.
 */
import { getLayerDef } from '../layers/registry';
import type { LayerDef } from '../layers/types';
import type { LayerSpec, NetworkSpec } from '../spec/types';
import type { ArticleSection } from './types';
import { tensors, whatIsCnn } from './sections/basics';
import { convolution, hyperparameters } from './sections/convolution';
import { activations } from './sections/activations';
import { pooling } from './sections/pooling';
import { dense } from './sections/dense';
import { training } from './sections/training';
import { gradCam, saliency } from './sections/attribution';
import { adversarial, compare, occlusion } from './sections/attributionProbes';
import { visualisation } from './sections/attributionVisualise';
import { architectures } from './sections/architectures';
import { mobilenet } from './sections/mobilenet';
import { recurrent } from './sections/recurrent';

export type { ArticleSection, Block, ShowMe, ViewName } from './types';

export const ARTICLE: readonly ArticleSection[] = [
  whatIsCnn,
  tensors,
  convolution,
  hyperparameters,
  activations,
  pooling,
  dense,
  training,
  saliency,
  gradCam,
  occlusion,
  adversarial,
  visualisation,
  compare,
  architectures,
  mobilenet,
  recurrent,
];

const byId = new Map(ARTICLE.map((s) => [s.id, s]));

export function getSection(id: string): ArticleSection | undefined {
  return byId.get(id);
}

export { sectionAnchor } from './anchor';

/** The section that explains a layer: one naming its type first, else one covering its category. */
export function sectionForLayer(
  layer: Pick<LayerDef, 'type' | 'category'> | string,
): ArticleSection | undefined {
  const def = typeof layer === 'string' ? getLayerDef(layer) : layer;
  const type = typeof layer === 'string' ? layer : layer.type;
  return (
    ARTICLE.find((s) => s.layerTypes?.includes(type)) ??
    (def ? ARTICLE.find((s) => s.categories?.includes(def.category)) : undefined)
  );
}

/** The first layer of `spec`, in order, that section `id` explains. */
export function firstLayerFor(spec: NetworkSpec, id: string): LayerSpec | undefined {
  return spec.layers.find((l) => sectionForLayer(l.type)?.id === id);
}

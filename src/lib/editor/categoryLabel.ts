/** The message naming each layer category, as the palette and the layer panel show it. */
import type { MessageKey } from '../i18n';
import type { LayerCategory } from '../layers/types';

export const CATEGORY_KEYS: Record<LayerCategory, MessageKey> = {
  Data: 'editor.category.Data',
  Vision: 'editor.category.Vision',
  Recurrent: 'editor.category.Recurrent',
  Utility: 'editor.category.Utility',
  Activation: 'editor.category.Activation',
  Normalization: 'editor.category.Normalization',
  Common: 'editor.category.Common',
  Noise: 'editor.category.Noise',
  Loss: 'editor.category.Loss',
  Wrapper: 'editor.category.Wrapper',
};

/**
 * The article as structured data: sections of blocks, every text in both languages. Prose
 * uses the inline markup of ./inline; formulas use the TeX subset of ./tex.
 */
import type { LayerCategory } from '../layers/types';
import type { Localized } from '../spec/types';
import type { AttributionMethod } from '../attribution/types';

/**
 * Views a "show me" link can open. Panels mark their root element with `data-view="<name>"`;
 * a link whose view is not on the page is not shown.
 */
export type ViewName = 'overview' | 'playground' | 'editor' | 'training' | 'zoo';

export type Block =
  | { kind: 'p'; text: Localized }
  | { kind: 'h3'; text: Localized }
  | { kind: 'list'; items: Localized[] }
  /** A display formula; `caption` explains its symbols. */
  | { kind: 'math'; tex: string; caption?: Localized }
  /** Small graphs of element-wise activation functions, by their Keras names. */
  | { kind: 'activationPlots'; functions: string[] }
  /** A note set apart from the prose (an aside, a rule of thumb). */
  | { kind: 'note'; text: Localized };

export type ShowMe =
  /** The first layer of the current network that this section (or section `of`) explains. */
  | { kind: 'layer'; of?: string }
  | { kind: 'view'; view: ViewName; label: Localized }
  /** The "Why?" panel on one of its methods, for the current image and its top class. */
  | { kind: 'why'; method: AttributionMethod; label: Localized };

export interface ArticleSection {
  id: string;
  title: Localized;
  blocks: Block[];
  /** Layer types this section explains; looked up before `categories`. */
  layerTypes?: readonly string[];
  /** Registry categories this section explains when no section names the type itself. */
  categories?: readonly LayerCategory[];
  showMe?: readonly ShowMe[];
}

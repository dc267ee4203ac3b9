/**
 * The catalogues nothing on the first screen uses: the formula views, training, training logs,
 * attribution, the editor and the visualisations (the few strings of theirs the first screen
 * shows are in messages/firstScreen.ts). The i18n module imports this file on demand
 * (`loadDeferredMessages`), so their ~20 kB (gzip) are not in the page's first script; the
 * panels that use them mount only after it has loaded (LayoutState.releasePanels).
 */
import { trainingMessages } from './messages/training';
import { formulaMessages } from './messages/formula';
import { formulaBlockMessages } from './messages/formulaBlocks';
import { formulaBranchMessages } from './messages/formulaBranch';
import { formulaResampleMessages } from './messages/formulaResample';
import { formulaLrnMessages } from './messages/formulaLrn';
import { formulaVolumeMessages } from './messages/formulaVolume';
import { formulaArrangeMessages } from './messages/formulaArrange';
import { formulaRecurrentMessages } from './messages/formulaRecurrent';
import { logsMessages } from './messages/logs';
import { visualiseMessages } from './messages/visualise';
import { attributionMessages } from './messages/attribution';
import { editorMessages } from './messages/editor';
import type { Message } from './define';

export const deferredMessages = {
  ...trainingMessages,
  ...formulaMessages,
  ...formulaBlockMessages,
  ...formulaBranchMessages,
  ...formulaResampleMessages,
  ...formulaLrnMessages,
  ...formulaVolumeMessages,
  ...formulaArrangeMessages,
  ...formulaRecurrentMessages,
  ...logsMessages,
  ...visualiseMessages,
  ...attributionMessages,
  ...editorMessages,
} satisfies Record<string, Message>;

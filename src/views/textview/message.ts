/** The text pane's status line: an error with its place, what applying did (and its notes), or a share link. */
import type { TextPos } from '../../lib/formats/formatError';

export type Message =
  | { kind: 'error'; text: string; pos: TextPos | null }
  | { kind: 'ok' | 'info'; text: string; notes: string[]; action?: { label: string; run: () => void } }
  | { kind: 'link'; url: string; copied: boolean };

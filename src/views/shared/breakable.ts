/**
 * An attachment that sets an element's text with <wbr> where it may break (breakPieces), made
 * with DOM calls: no HTML is parsed (the names come from users' files), and a big net's table
 * does not pay a Svelte block per piece (156 rows of MobileNetV2 in the task its net arrives in).
 */
import type { Attachment } from 'svelte/attachments';
import { breakPieces } from '../../lib/text/breakPieces';

export function breakable(text: string, at: 'underscore' | 'words'): Attachment<HTMLElement> {
  return (el) => {
    const pieces = breakPieces(text, at);
    const nodes: (Node | string)[] = [];
    pieces.forEach((piece, i) => {
      if (i > 0) nodes.push(document.createElement('wbr'));
      nodes.push(piece);
    });
    el.replaceChildren(...nodes);
  };
}

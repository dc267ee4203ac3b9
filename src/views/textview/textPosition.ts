/** Character offsets of line/column positions in a text (1-based, as errors report them). */
import type { TextPos } from '../../lib/formats/formatError';

export function offsetOf(text: string, pos: TextPos): number {
  let line = 1;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const next = text.indexOf('\n', i);
    if (next < 0) return text.length;
    i = next + 1;
    line++;
  }
  const end = text.indexOf('\n', i);
  const lineLength = (end < 0 ? text.length : end) - i;
  return i + Math.min(Math.max(0, pos.column - 1), lineLength);
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

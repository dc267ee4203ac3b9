/** Caffe's side of the protobuf text format: its error type and the parse that raises it. */
import { FormatError, type TextPos } from '../formatError';
import { parseProtoText, type PMessage } from '../protoText';

export type { PField, PMessage, PValue } from '../protoText';
export { formatScalar } from '../protoText';

export class CaffeFormatError extends FormatError {
  constructor(en: string, zh: string, pos?: TextPos) {
    super('caffe', { en, zh }, pos ? { pos } : {});
  }
}

export function parsePrototxt(text: string): PMessage {
  return parseProtoText(text, { error: (en, zh, pos) => new CaffeFormatError(en, zh, pos) });
}

/** The Keras format's error: a message and the JSON path (and line, column) it is about. */
import type { Localized } from '../../spec/types';
import { FormatError, type ErrorPlace } from '../formatError';

export class KerasTopologyError extends FormatError {
  constructor(text: Localized, place: ErrorPlace | string) {
    super('keras', text, typeof place === 'string' ? { path: place } : place);
  }
}

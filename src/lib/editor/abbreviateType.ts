/**
 * A layer type name shortened to fit a node: well-known words give way to their usual short
 * forms (MaxPooling2D → MaxPool2D, BatchNormalization → BatchNorm), one at a time until the
 * name fits, rather than an ellipsis in the middle of a word ("MaxPoolin…"). Only a name that
 * is still too long then ends in an ellipsis. The full name stays in the node's description.
 */
import { clip } from './wrapText';

/** Longest words first: the ones whose short form saves the most. */
const SHORT_FORMS: readonly (readonly [string, string])[] = [
  ['Normalization', 'Norm'],
  ['Bidirectional', 'BiDir'],
  ['Regularization', 'Reg'],
  ['Thresholded', 'Thresh'],
  ['Concatenate', 'Concat'],
  ['Distributed', 'Dist'],
  ['Connected', 'Conn'],
  ['Separable', 'Sep'],
  ['Depthwise', 'DW'],
  ['Transpose', 'T'],
  ['Activation', 'Act'],
  ['Embedding', 'Embed'],
  ['Gaussian', 'Gauss'],
  ['Pooling', 'Pool'],
  ['Average', 'Avg'],
  ['Sampling', 'Sample'],
  ['Dropout', 'Drop'],
  ['Global', 'G'],
];

export function abbreviateType(type: string, room: number): string {
  return abbreviateTypeToFit(
    type,
    (text) => text.length <= room,
    (text) => clip(text, room),
  );
}

/**
 * The same, where what fits is measured (`fits`, in pixels, say): short forms one at a time,
 * then `cut` (an ellipsis) only if the name still does not fit.
 */
export function abbreviateTypeToFit(
  type: string,
  fits: (text: string) => boolean,
  cut: (text: string) => string,
): string {
  let text = type;
  for (const [word, short] of SHORT_FORMS) {
    if (fits(text)) return text;
    text = text.replace(word, short);
  }
  return fits(text) ? text : cut(text);
}

/**
 * Where a long identifier may break across lines, as pieces to set with a <wbr> between them:
 * after each underscore of a layer's name ("block_16_" "depthwise_" "BN"), before each capital
 * that starts a word of a type ("Global" "Average" "Pooling2D"). A text with no such place is
 * one piece.
 */
export function breakPieces(text: string, at: 'underscore' | 'words'): string[] {
  return text.split(at === 'underscore' ? /(?<=_)/ : /(?=[A-Z][a-z])/).filter((p) => p !== '');
}

import { describe, expect, it } from 'vitest';
import { breakPieces } from '../src/lib/text/breakPieces';

describe('where a layer’s name and type may break', () => {
  it('after each underscore of a name, keeping every character in order', () => {
    expect(breakPieces('block_16_depthwise_BN', 'underscore')).toEqual(['block_', '16_', 'depthwise_', 'BN']);
    expect(breakPieces('_x__y_', 'underscore')).toEqual(['_', 'x_', '_', 'y_']);
    expect(breakPieces('conv1', 'underscore')).toEqual(['conv1']);
    // Markup in a name from a file stays text (the attachment makes text nodes of the pieces).
    expect(breakPieces('<img src=x onerror=alert(1)>_a', 'underscore').join('')).toBe(
      '<img src=x onerror=alert(1)>_a',
    );
  });

  it('before each capital that starts a word of a type', () => {
    expect(breakPieces('GlobalAveragePooling2D', 'words')).toEqual(['Global', 'Average', 'Pooling2D']);
    expect(breakPieces('DepthwiseConv2D', 'words')).toEqual(['Depthwise', 'Conv2D']);
    expect(breakPieces('LRN', 'words')).toEqual(['LRN']);
    expect(breakPieces('', 'words')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { abbreviateType } from '../../src/lib/editor/abbreviateType';
import { LAYER_DEFS } from '../../src/lib/layers/registry';

describe('layer type names shortened for a node', () => {
  it('keeps a name that fits and shortens words, not the middle of one', () => {
    expect(abbreviateType('Conv2D', 10)).toBe('Conv2D');
    expect(abbreviateType('MaxPooling2D', 10)).toBe('MaxPool2D');
    expect(abbreviateType('BatchNormalization', 10)).toBe('BatchNorm');
    // Only as many words as needed give way.
    expect(abbreviateType('GlobalAveragePooling2D', 21)).toBe('GlobalAveragePool2D');
    expect(abbreviateType('GlobalAveragePooling2D', 10)).toBe('GAvgPool2D');
  });

  it('ends in an ellipsis only when even the short forms do not fit, never longer than the room', () => {
    expect(abbreviateType('LocallyConnected2D', 8)).toBe('Locally…');
    for (const def of LAYER_DEFS)
      for (const room of [8, 10, 14]) expect(abbreviateType(def.type, room).length).toBeLessThanOrEqual(room);
  });
});

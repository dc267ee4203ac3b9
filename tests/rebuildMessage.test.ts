import { describe, expect, it } from 'vitest';
import { rebuildMessage } from '../src/app/net/rebuildMessage';
import { weightsKind } from '../src/app/net/types';
import { catalog, loadDeferredMessages } from '../src/lib/i18n';

describe('the editor’s status line while a net is rebuilt', () => {
  it('says what is done to the weights: carried over, drawn at random or put in', () => {
    const name = 'MobileNetV2';
    expect(rebuildMessage({ stage: 'weights', name, weights: weightsKind('keep') })).toBe(
      'editor.link.weights',
    );
    expect(rebuildMessage({ stage: 'weights', name, weights: weightsKind('random') })).toBe(
      'editor.link.randomWeights',
    );
    expect(rebuildMessage({ stage: 'weights', name, weights: weightsKind(new Map()) })).toBe(
      'editor.link.givenWeights',
    );
  });

  it('says a net in the worker is built and run in one step, random weights named as such', () => {
    expect(rebuildMessage({ stage: 'inWorker', name: 'ResNet-18', weights: 'random' })).toBe(
      'editor.link.inWorkerRandom',
    );
    expect(rebuildMessage({ stage: 'inWorker', name: 'ResNet-18', weights: 'keep' })).toBe(
      'editor.link.inWorker',
    );
    expect(rebuildMessage({ stage: 'building', name: 'x', weights: 'keep' })).toBe('editor.link.building');
    expect(rebuildMessage({ stage: 'running', name: 'x', weights: 'keep' })).toBe('editor.link.running');
  });

  it('has every message in both languages, naming the net', async () => {
    await loadDeferredMessages();
    for (const stage of ['building', 'weights', 'running', 'inWorker'] as const)
      for (const weights of ['keep', 'random', 'given'] as const) {
        const m = catalog[rebuildMessage({ stage, name: 'n', weights })]!;
        expect(m.en).toContain('{name}');
        expect(m.zh).toContain('{name}');
      }
  });
});

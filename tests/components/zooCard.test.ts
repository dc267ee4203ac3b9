/**
 * A zoo card says honestly whether its network is trained: the test accuracy of finished
 * weights, the epoch and validation accuracy of a run still going, or "untrained" with a
 * button to train it in the browser; never a "trained" mark on random weights.
 */
import { describe, expect, it } from 'vitest';
import ZooCard from '../../src/views/editor/zoo/ZooCard.svelte';
import { zooCounts, zooEntry } from '../../src/lib/zoo';
import { readTrainedWeights } from '../../src/app/net/trainedWeights';
import { renderView } from './render';
import { allByTestId, byTestId, textOf } from './markup';

const entry = zooEntry('resnet8')!;
const base = {
  card: entry.card,
  counts: zooCounts(entry.spec()),
  input: [32, 32, 3],
  run: { ok: true as const },
  onopen: () => {},
};
const classes = ['a', 'b'];

describe('zoo card', () => {
  it('marks a net without trained weights as untrained and offers to train it', () => {
    const html = renderView(ZooCard, { ...base, trained: null, ontrain: () => {} });
    expect(textOf(byTestId(html, 'zoo-untrained'))).toBe('untrained: random weights');
    expect(allByTestId(html, 'zoo-trained')).toHaveLength(0);
    expect(textOf(byTestId(html, 'zoo-train'))).toBe('Train in the browser');
  });

  it('shows the test accuracy of finished weights, and no train button', () => {
    const trained = readTrainedWeights('./models/resnet8-cifar10/', {
      dataset: 'CIFAR-10',
      classes,
      inputSize: [32, 32, 3],
      testAccuracy: 0.8123,
      training: { finished: true, epochs: 25, epochBudget: 25 },
    });
    const html = renderView(ZooCard, { ...base, trained });
    expect(textOf(byTestId(html, 'zoo-trained'))).toBe('trained on CIFAR-10 · 81.2% test accuracy');
    expect(allByTestId(html, 'zoo-untrained')).toHaveLength(0);
    expect(allByTestId(html, 'zoo-train')).toHaveLength(0);
  });

  it('shows a run still going as such, with its epoch and validation accuracy', () => {
    const trained = readTrainedWeights('./models/resnet8-cifar10/', {
      dataset: 'CIFAR-10',
      classes,
      inputSize: [32, 32, 3],
      testAccuracy: null,
      bestValAccuracy: 0.6512,
      training: { finished: false, epochs: 3, epochBudget: 25 },
    });
    const html = renderView(ZooCard, { ...base, trained });
    expect(textOf(byTestId(html, 'zoo-trained'))).toBe(
      'training on CIFAR-10: epoch 3 of 25 · 65.1% validation accuracy so far',
    );
  });
});

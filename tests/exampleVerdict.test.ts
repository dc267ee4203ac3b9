import { describe, expect, it } from 'vitest';
import { exampleVerdict } from '../src/lib/data/exampleVerdict';

const CIFAR = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

describe('what the drawn example’s caption says of the answer', () => {
  it('says nothing when a trained net names the drawing’s class, and “wrong” when it names another', () => {
    const base = { randomWeights: false, classes: CIFAR, exampleClass: 'airplane' };
    expect(exampleVerdict({ ...base, top: 0 })).toBeNull();
    expect(exampleVerdict({ ...base, top: 8 })).toBe('wrong');
  });

  it('never calls an answer wrong that could not be judged or could not be right', () => {
    // A zoo net with random weights: whatever it says means nothing, named classes or not.
    expect(exampleVerdict({ randomWeights: true, classes: [], exampleClass: 'airplane', top: 0 })).toBe(
      'random',
    );
    expect(exampleVerdict({ randomWeights: true, classes: CIFAR, exampleClass: 'airplane', top: 3 })).toBe(
      'random',
    );
    // Trained, but its classes have no names: "class 0" may be the airplane.
    expect(exampleVerdict({ randomWeights: false, classes: [], exampleClass: 'airplane', top: 0 })).toBe(
      'unnamed',
    );
    // Trained on shapes, or random with the shapes' names: it has no airplane class at all.
    for (const randomWeights of [false, true])
      expect(
        exampleVerdict({ randomWeights, classes: ['circle', 'square'], exampleClass: 'airplane', top: 1 }),
      ).toBe('notAClass');
    // Random weights that happen to say airplane: still an answer that means nothing.
    expect(exampleVerdict({ randomWeights: true, classes: CIFAR, exampleClass: 'airplane', top: 0 })).toBe(
      'random',
    );
  });
});

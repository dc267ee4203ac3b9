/**
 * A seeded, stratified train/validation split: each class gives the same share of its images
 * to validation, at least one when it has two or more, and always keeps one for training.
 */
import { createRng, shuffleInPlace } from '../../random';

export interface Split {
  train: number[];
  validation: number[];
}

export function splitStratified(labels: ArrayLike<number>, share: number, seed: number): Split {
  const rng = createRng(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]!) ?? [];
    list.push(i);
    byClass.set(labels[i]!, list);
  }
  const train: number[] = [];
  const validation: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const items = shuffleInPlace(byClass.get(label)!, rng);
    const n = items.length;
    const nVal = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * share)));
    validation.push(...items.slice(0, nVal));
    train.push(...items.slice(nVal));
  }
  return { train: train.sort((a, b) => a - b), validation: validation.sort((a, b) => a - b) };
}

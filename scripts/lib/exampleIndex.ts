/**
 * static/examples/index.json: the two sets of example images the app shows, and what the
 * shipped model answered for each when they were made. The app reads `examples` (drawn
 * pictures) and `patterns` (class visualisations); see src/app/browser/examples.ts.
 */
import type { ThumbnailEntry } from './exampleThumbnails';

export interface Prediction {
  class: string;
  probability: number;
}

export interface DrawnEntry {
  /** What the picture shows. */
  class: string;
  file: string;
  /** The model's top class and probability, and the drawn class's probability. */
  prediction: Prediction;
  classProbability: number;
}

export interface PatternEntry {
  /** The class whose probability the pattern was optimised to raise. */
  class: string;
  file: string;
  probability: number;
}

export interface ExampleIndex {
  description: string;
  model: string;
  examples: DrawnEntry[];
  patterns: PatternEntry[];
  /** The strip's thumbnails in one sheet (scripts/lib/exampleThumbnails.ts). */
  thumbnails: ThumbnailEntry;
}

export const INDEX_DESCRIPTION =
  'Made by scripts/makeExamples.ts, no dataset image used. examples: one picture per class drawn by our code (scripts/drawing: shapes, gradients, shading, noise), with what the model answered. patterns: gradient ascent on the model’s probability for each class, from seeded noise: what the network "thinks" the class looks like.';

/** The patterns listed by an existing index (kept when they are not made again); [] when none. */
export function readPatterns(json: unknown): PatternEntry[] {
  const list =
    typeof json === 'object' && json !== null ? (json as { patterns?: unknown }).patterns : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e: unknown) => {
    const x = e as Partial<PatternEntry>;
    return typeof x.class === 'string' && typeof x.file === 'string' && typeof x.probability === 'number'
      ? [{ class: x.class, file: x.file, probability: x.probability }]
      : [];
  });
}

/** The classes in order of probability, highest first. */
export function ranked(probabilities: ArrayLike<number>, classes: readonly string[]): Prediction[] {
  return Array.from(probabilities, (p, i) => ({ class: classes[i] ?? `#${i}`, probability: p })).sort(
    (a, b) => b.probability - a.probability,
  );
}

export const round3 = (p: number): number => Math.round(p * 1000) / 1000;

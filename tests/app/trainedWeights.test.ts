/**
 * Trained weights beside the page: a meta.json as `npm run train` writes it (finished, or
 * after some epochs of a run still going) is read with its progress; anything else, a missing
 * folder or a dev server's HTML fallback means none, so the zoo calls the net untrained.
 */
import { describe, expect, it } from 'vitest';
import { findTrainedWeights, readTrainedWeights } from '../../src/app/net/trainedWeights';
import { TrainedModels } from '../../src/app/state/trainedModels.svelte';
import type { ExplainerState } from '../../src/app/state/explainerState.svelte';
import type { EditorState } from '../../src/app/state/editorState.svelte';
import type { ZooCard } from '../../src/lib/zoo';

const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

function meta(extra: Record<string, unknown>): Record<string, unknown> {
  return { name: 'ResNet-8', dataset: 'CIFAR-10', classes: CLASSES, inputSize: [32, 32, 3], ...extra };
}

const finished = meta({
  testAccuracy: 0.8123,
  testImages: 10000,
  bestValAccuracy: 0.82,
  training: { finished: true, epochs: 25, epochBudget: 25 },
});
const running = meta({
  testAccuracy: null,
  testImages: 0,
  bestValAccuracy: 0.6512,
  training: { finished: false, epochs: 3, epochBudget: 25 },
});

function fakeFetch(files: Record<string, unknown>): typeof fetch {
  return (async (url: string) => {
    const body = files[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
}

describe('trained weights beside the page', () => {
  it('reads a finished run with its test accuracy', () => {
    const w = readTrainedWeights('./models/resnet8-cifar10/', finished);
    expect(w).toMatchObject({ finished: true, epochs: 25, epochBudget: 25, valAccuracy: 0.82 });
    expect(w?.meta.testAccuracy).toBe(0.8123);
    expect(w?.meta.inputSize).toEqual([32, 32, 3]);
  });

  it('reads a run still going as the best weights so far, untested', () => {
    const w = readTrainedWeights('./models/resnet8-cifar10/', running);
    expect(w).toMatchObject({ finished: false, epochs: 3, epochBudget: 25, valAccuracy: 0.6512 });
    expect(w?.meta.testAccuracy).toBeNull();
  });

  it('takes an older meta.json (no progress fields, as TinyVGG’s) as finished when it has a test accuracy', () => {
    const w = readTrainedWeights('./models/tinyvgg-cifar10/', {
      ...meta({ testAccuracy: 0.6372 }),
      log: [{}, {}, {}],
      training: { epochs: 3 },
    });
    expect(w).toMatchObject({ finished: true, epochs: 3, epochBudget: 3, valAccuracy: null });
  });

  it.each([
    ['no classes', { ...meta({}), classes: [] }],
    ['not an object', 'hello'],
    ['a bad input size', { ...meta({}), inputSize: [32, 32] }],
  ])('refuses a meta.json with %s', (_what, json) => {
    expect(readTrainedWeights('./models/x/', json)).toBeNull();
  });

  it('finds none without an index, with an HTML fallback page, for a folder it does not list or a hostile name', async () => {
    expect((await findTrainedWeights(['a'], fakeFetch({}))).size).toBe(0);
    const html = fakeFetch({ './models/index.json': '<!doctype html><html></html>' });
    expect((await findTrainedWeights(['a'], html)).size).toBe(0);
    const index = fakeFetch({
      './models/index.json': {
        models: { a: finished, '../x': finished, 'a"b<c': finished, broken: { name: 'no classes' } },
      },
    });
    const found = await findTrainedWeights(['missing', '../x', 'a"b<c', 'broken', 'constructor', 'a'], index);
    expect([...found.keys()]).toEqual(['a']);
    expect(found.get('a')).toMatchObject({ baseUrl: './models/a/', finished: true });
    for (const notIndex of [null, 'text', { models: null }, { models: 'x' }])
      expect((await findTrainedWeights(['a'], fakeFetch({ './models/index.json': notIndex }))).size).toBe(0);
  });

  it('lists only the zoo networks whose folder has weights, in the zoo’s order', async () => {
    const card = (id: string, weights?: string): ZooCard => ({
      id,
      name: id,
      year: 2020,
      paper: { title: 't', authors: 'a' },
      idea: { en: '', zh: '' },
      pretrained: false,
      ...(weights ? { weights } : {}),
    });
    const cards = [
      card('tiny', 'tiny-w'),
      card('plain'),
      card('resnet', 'resnet-w'),
      card('mobile', 'mobile-w'),
    ];
    const explainer = {
      pristine: false,
      untrainedLayers: new Set(),
      spec: null,
    } as unknown as ExplainerState;
    const trained = new TrainedModels(explainer, {} as EditorState, cards);
    await trained.refresh(
      fakeFetch({ './models/index.json': { models: { 'tiny-w': finished, 'mobile-w': running } } }),
    );
    expect(trained.checked).toBe(true);
    expect(trained.available.map((a) => a.card.id)).toEqual(['tiny', 'mobile']);
    expect(trained.weightsOf('resnet')).toBeNull();
    expect(trained.weightsOf('mobile')?.finished).toBe(false);
    expect(trained.current).toBeNull();
  });
});

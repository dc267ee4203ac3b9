/** Feature visualisation on the wasm backend (the app's default here), whose kernels lack some gradients tfjs' cpu has. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tensorCount } from '../../src/lib/engine/backend';
import { buildModel } from '../../src/lib/engine/build';
import { Explainer } from '../../src/lib/engine/explain';
import { EngineAttributor } from '../../src/lib/engine/attribution/attributor';
import { createRng } from '../../src/lib/random';
import { smallConvNet } from '../fixtures/smallConvNet';
import { setSeededWeights } from '../formula/helpers';

beforeAll(async () => {
  expect(await initBackend({ order: ['wasm'] })).toBe('wasm');
});

describe('visualise on wasm', () => {
  it('raises a conv channel and a class above the grey image’s, with no tensor left behind', async () => {
    const model = await buildModel(smallConvNet(16, 3));
    setSeededWeights(model, createRng(11));
    const explainer = new Explainer(model);
    const attributor = new EngineAttributor(model, (x) => explainer.explain(x));
    const settings = { steps: 10, scales: [8, 16], seed: 3, stepSize: 0.05, tvWeight: 0.1, jitter: 1 };
    const before = tensorCount();
    const channel = await attributor.visualise({
      target: { kind: 'channel', layerId: 'conv', channel: 1 },
      ...settings,
    });
    expect(channel.value).toBeGreaterThan(channel.greyValue + 0.2);
    const cls = await attributor.visualise({ target: { kind: 'class', classIndex: 2 }, ...settings });
    expect(cls.value).toBeGreaterThan(cls.greyValue + 0.1);
    expect(tensorCount()).toBe(before);
    model.dispose();
  });
});

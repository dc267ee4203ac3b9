/**
 * Both runners behind `NetRunner` (the plain-TypeScript first look and the engine) answer the
 * same questions the same way, and a rebuilt net takes its weights over from either.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/lib/engine/tf';
import { initBackend } from '../../src/lib/engine/backend';
import { buildRunner, EngineRunner, runnerFromArtifacts } from '../../src/lib/engine/runner';
import { FirstLook } from '../../src/lib/forward/firstLook';
import type { NetRunner } from '../../src/lib/tensor/types';
import { smallConvNet } from '../fixtures/smallConvNet';

const DIR = 'models/tinyvgg-cifar10';

function pretrainedFiles() {
  const json = JSON.parse(readFileSync(`${DIR}/model.json`, 'utf8')) as {
    modelTopology: Record<string, unknown>;
    weightsManifest: { weights: { name: string; shape: number[]; dtype: 'float32' }[] }[];
  };
  const bytes = readFileSync(`${DIR}/weights.bin`);
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData,
  };
}

const image = Float32Array.from({ length: 64 * 64 * 3 }, (_, i) => ((i * 7919) % 255) / 255);

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

describe('NetRunner', () => {
  it('the first look and the engine runner of the pretrained net agree on shapes, weights and outputs', async () => {
    const files = pretrainedFiles();
    const look: NetRunner | null = FirstLook.fromModelFiles(files);
    if (!look) throw new Error('no first look');
    const before = tf.memory().numTensors;
    const { runner } = await runnerFromArtifacts(files, DIR);
    expect(runner.inputShape).toEqual(look.inputShape);
    expect(runner.weightShapes()).toEqual(look.weightShapes());
    const a = look.explain(image).probabilities;
    const b = runner.explain(image).probabilities;
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 5);
    runner.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('setWeights puts values in by name in either runner, ignoring unknown names and wrong lengths', async () => {
    const files = pretrainedFiles();
    const runners: NetRunner[] = [
      FirstLook.fromModelFiles(files)!,
      (await runnerFromArtifacts(files, DIR)).runner,
    ];
    const bias = new Float32Array(10).fill(0.25);
    for (const r of runners) {
      const kernel = r.namedWeights().get('output/kernel');
      const layers = r.setWeights(
        new Map([
          ['output/bias', bias],
          ['output/kernel', new Float32Array(3)],
          ['nowhere/kernel', new Float32Array(10)],
        ]),
      );
      expect([...layers].sort()).toEqual(['conv_1_1', 'conv_1_2', 'conv_2_1', 'conv_2_2', 'output']);
      expect([...r.namedWeights().get('output/bias')!]).toEqual([...bias]);
      expect(r.namedWeights().get('output/kernel')).toEqual(kernel);
    }
    const [look, engine] = runners;
    const p = look!.explain(image).probabilities;
    const q = engine!.explain(image).probabilities;
    for (let i = 0; i < p.length; i++) expect(q[i]).toBeCloseTo(p[i]!, 5);
    engine!.dispose();
  });

  it('a rebuilt net takes over what fits from a first look, a bank or an engine runner; the rest is untrained', async () => {
    const before = tf.memory().numTensors;
    const small = smallConvNet(8, 3);
    const first = await buildRunner(small, []);
    expect(first.layersWithWeights).toEqual(new Set(['conv', 'out']));
    const trained = first.runner.namedWeights();
    // A wider output layer: conv keeps its weights, out is fresh.
    const wider = smallConvNet(8, 5);
    for (const source of [
      { runner: first.runner, untrained: new Set<string>() },
      { bank: { values: trained, shapes: first.runner.weightShapes() }, untrained: new Set<string>() },
    ]) {
      const next = await buildRunner(wider, [source]);
      expect(next.runner).toBeInstanceOf(EngineRunner);
      expect([...next.plan.untrained]).toEqual(['out']);
      expect(next.runner.namedWeights().get('conv/kernel')).toEqual(trained.get('conv/kernel'));
      next.runner.dispose();
    }
    first.runner.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hands out copies: sending them away (a transfer detaches them) leaves the net and a kept bank whole', async () => {
    const files = pretrainedFiles();
    const { runner } = await runnerFromArtifacts(files, DIR);
    const bank = runner.namedWeights();
    const sent = runner.namedWeights();
    // What the training panel does with them: transfer the buffers to its worker.
    structuredClone(
      [...sent.values()].map((w) => w.buffer),
      { transfer: [...sent.values()].map((w) => w.buffer as ArrayBuffer) },
    );
    expect([...sent.values()].every((w) => w.length === 0)).toBe(true);
    expect(runner.namedWeights().get('conv_1_1/kernel')?.length).toBe(270);
    expect(bank.get('conv_1_1/kernel')?.length).toBe(270);
    // The bank goes back in, and still comes out whole.
    runner.setWeights(bank);
    expect(runner.namedWeights().get('output/bias')).toEqual(bank.get('output/bias'));
    runner.dispose();
  });
});

/** The branching test nets (tests/fixtures/branchNets.ts) explained by the engine once per test file. */
import { branchNetSpec, branchVariantsSpec } from '../fixtures/branchNets';
import { activationOf, explainNet, useExplainedNets, type ExplainedNet } from './helpers';
import type { LayerSpec } from '../../src/lib/spec/types';
import type { TensorData } from '../../src/lib/tensor/types';

/** Both nets with seeds `seed + 1` and `seed + 2` (see useExplainedNets). */
export function useBranchNets(seed: number): ExplainedNet[] {
  return useExplainedNets(async () => [
    await explainNet(branchNetSpec(), seed + 1),
    await explainNet(branchVariantsSpec(), seed + 2),
  ]);
}

export interface FoundLayer {
  net: ExplainedNet;
  layer: LayerSpec;
  inputs: TensorData[];
  output: TensorData;
}

/** A layer of either net with its inputs' and its own activations. */
export function findLayer(nets: readonly ExplainedNet[], id: string, netIndex?: number): FoundLayer {
  const pool = netIndex === undefined ? nets : nets.slice(netIndex, netIndex + 1);
  for (const net of pool) {
    const layer = net.spec.layers.find((l) => l.id === id);
    if (layer)
      return {
        net,
        layer,
        inputs: layer.inputs.map((s) => activationOf(net, s)),
        output: activationOf(net, id),
      };
  }
  throw new Error(`no layer ${id}`);
}

import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random';
import {
  outputsReading,
  resampleAt,
  resamplePlan,
  resamplePlane,
  resampleTaps,
  type ResampleKind,
} from '../../src/lib/formula/resample';
import { channelPlane, readHwc } from '../../src/lib/tensor/layout';
import { expectClose, samplePositions } from './helpers';
import { findLayer, useBranchNets } from './branchHelpers';

const nets = useBranchNets(80);

const cases: [string, number, ResampleKind][] = [
  ['up', 0, 'nearest'],
  ['up_smooth', 0, 'bilinear'],
  ['pad', 0, 'pad'],
  ['crop', 0, 'crop'],
  ['up3', 1, 'bilinear'],
  ['up_nearest', 1, 'nearest'],
  ['crop_uneven', 1, 'crop'],
  ['pad_even', 1, 'pad'],
];

describe('resampling at one cell', () => {
  it.each(cases)('%s (%s) matches the engine', (id, netIndex, kind) => {
    const { layer, inputs, output } = findLayer(nets, id, netIndex);
    const [input] = inputs;
    if (!input) throw new Error('no input');
    const plan = resamplePlan(layer.type, layer.params, input.shape);
    expect(plan?.kind).toBe(kind);
    if (!plan) return;
    expect([plan.outputHeight, plan.outputWidth]).toEqual(output.shape.slice(0, 2));
    let blended = false;
    let padding = false;
    for (const at of samplePositions(output.shape, createRng(id.length * 31), 60)) {
      const result = resampleAt(plan, input, at);
      expectClose(
        result.value,
        readHwc(output, at.row, at.col, at.channel),
        `${id} at ${JSON.stringify(at)}`,
      );
      const weights = result.taps.reduce((s, t) => s + t.weight, 0);
      if (result.taps.length === 0) padding = true;
      else expectClose(weights, 1, 'tap weights sum to 1');
      if (result.taps.length > 1) blended = true;
      // Each tap's output is among those the input cell feeds.
      for (const t of result.taps)
        expect(outputsReading(plan, t.row, t.col)).toContainEqual({ row: at.row, col: at.col });
    }
    expect(blended).toBe(kind === 'bilinear');
    if (kind === 'pad') expect(padding).toBe(true);
    else expect(padding).toBe(false);
  });

  it('whole planes equal the engine', () => {
    for (const id of ['up_smooth', 'pad', 'crop']) {
      const { layer, inputs, output } = findLayer(nets, id, 0);
      const [input] = inputs;
      const plan = input && resamplePlan(layer.type, layer.params, input.shape);
      if (!input || !plan) throw new Error(id);
      const ours = resamplePlane(plan, input, 5);
      const engine = channelPlane(output, 5);
      ours.forEach((v, i) => expectClose(v, engine[i] ?? NaN, `${id}[${i}]`));
    }
  });

  it('nearest copies each input cell into a size[0] × size[1] block', () => {
    const plan = resamplePlan('UpSampling2D', { size: [3, 2], interpolation: 'nearest' }, [4, 5, 1]);
    if (!plan) throw new Error('plan');
    expect(outputsReading(plan, 2, 3)).toEqual([
      { row: 6, col: 6 },
      { row: 6, col: 7 },
      { row: 7, col: 6 },
      { row: 7, col: 7 },
      { row: 8, col: 6 },
      { row: 8, col: 7 },
    ]);
    // Bilinear at the bottom edge clamps to the last row: one tap, weight 1.
    const smooth = resamplePlan('UpSampling2D', { size: [2, 2], interpolation: 'bilinear' }, [4, 5, 1]);
    if (!smooth) throw new Error('plan');
    expect(resampleTaps(smooth, 7, 0)).toEqual([{ row: 3, col: 0, weight: 1 }]);
    expect(resampleTaps(smooth, 1, 1).map((t) => t.weight)).toEqual([0.25, 0.25, 0.25, 0.25]);
    const pad = resamplePlan('ZeroPadding2D', { padding: [1, 2, 0, 1] }, [4, 5, 1]);
    expect(pad && [pad.outputHeight, pad.outputWidth, pad.edges.bottom]).toEqual([7, 6, 2]);
    expect(pad && resampleTaps(pad, 0, 0)).toEqual([]);
    expect(resamplePlan('Conv2D', {}, [4, 5, 1])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  fitStride,
  playground,
  playgroundLimits,
  type PlaygroundResult,
} from '../../src/lib/formula/playground';

function ok(result: PlaygroundResult) {
  if (!result.ok) throw new Error(result.explanation.en);
  return result;
}

describe('hyperparameter playground', () => {
  it('5×5, K 3, S 1, no padding: 3×3 output, nothing skipped', () => {
    const r = ok(playground({ inputSize: 5, padding: 0, kernelSize: 3, stride: 1 }));
    expect([r.outputSize, r.paddedSize, r.issues]).toEqual([3, 5, []]);
    expect(r.positions).toHaveLength(9);
    expect(r.positions[8]).toEqual({ step: 8, outRow: 2, outCol: 2, top: 2, left: 2 });
    expect(r.formula).toBe('⌊(5 − 3 + 2·0) / 1⌋ + 1 = 3');
    expect(r.explanation.en).toContain('3×3');
    expect(r.explanation.zh).toContain('输出为 3×3');
  });

  it('7×7, P 1, K 3, S 2: 4×4 over a 9×9 padded input', () => {
    const r = ok(playground({ inputSize: 7, padding: 1, kernelSize: 3, stride: 2 }));
    expect([r.outputSize, r.paddedSize, r.issues.length]).toEqual([4, 9, 0]);
    expect(r.positions.map((p) => p.left).slice(0, 4)).toEqual([0, 2, 4, 6]);
    expect(r.explanation.en).toContain('padded by 1 to 9×9');
  });

  it('6×6, K 3, S 2: the last row and column are never visited', () => {
    const r = ok(playground({ inputSize: 6, padding: 0, kernelSize: 3, stride: 2 }));
    expect(r.outputSize).toBe(2);
    expect(r.issues).toEqual([
      expect.objectContaining({ kind: 'unvisited', atEnd: 1, inGaps: 0, indices: [5], cells: 11 }),
    ]);
    const message = r.issues[0]?.message;
    expect(message?.en).toContain('last 1 row and column');
    expect(message?.en).toContain('11 input cells');
    expect(message?.zh).toContain('最后 1 行和 1 列');
  });

  it('8×8, K 1, S 3: gaps between positions and one row at the end', () => {
    const r = ok(playground({ inputSize: 8, padding: 0, kernelSize: 1, stride: 3 }));
    expect(r.outputSize).toBe(3);
    expect(r.issues[0]).toMatchObject({
      kind: 'unvisited',
      atEnd: 1,
      inGaps: 4,
      indices: [1, 2, 4, 5, 7],
      cells: 64 - 9,
    });
    expect(r.issues[0]?.message.en).toContain('jumps over 4 rows and columns');
  });

  it('5×5, P 1, K 3, S 3: only padding is skipped, so no warning', () => {
    const r = ok(playground({ inputSize: 5, padding: 1, kernelSize: 3, stride: 3 }));
    expect([r.outputSize, r.issues]).toEqual([2, []]);
  });

  it('4×4, P 3, K 2: four positions per axis see only padding', () => {
    const r = ok(playground({ inputSize: 4, padding: 3, kernelSize: 2, stride: 1 }));
    expect(r.outputSize).toBe(9);
    expect(r.issues).toEqual([expect.objectContaining({ kind: 'padding-only-windows', count: 4 })]);
  });

  it('refuses a kernel larger than the padded input', () => {
    const r = playground({ inputSize: 3, padding: 0, kernelSize: 5, stride: 1 });
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      expect.objectContaining({ kind: 'kernel-too-large', kernelSize: 5, paddedSize: 3 }),
    ]);
    expect(r.explanation.zh).toContain('放不进');
    expect(ok(playground({ inputSize: 3, padding: 1, kernelSize: 5, stride: 1 })).outputSize).toBe(1);
  });

  it('refuses values out of range or not whole, naming each', () => {
    const r = playground({ inputSize: 40, padding: -1, kernelSize: 2.5, stride: 0 });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => (i.kind === 'invalid-value' ? i.param : i.kind))).toEqual([
      'inputSize',
      'padding',
      'kernelSize',
      'stride',
    ]);
    expect(r.explanation.en).toBe('Input size must be from 1 to 32, not 40.');
    expect(r.explanation.zh).toBe('输入大小必须在 1 到 32 之间，而不是 40。');
    expect(r.issues[2]!.message.en).toBe('Kernel size must be a whole number, not 2.5.');
  });

  it('bounds the stride by the padded input, and says why', () => {
    const settings = { inputSize: 5, padding: 1, kernelSize: 3, stride: 1 };
    expect(playgroundLimits(settings).stride).toEqual({ min: 1, max: 7 });
    expect(ok(playground({ ...settings, stride: 7 })).outputSize).toBe(1);
    const r = playground({ ...settings, stride: 12 });
    expect(r.explanation.en).toBe(
      'Stride must be from 1 to 7 (the padded input is 7 wide, so a longer stride has nowhere to go), not 12.',
    );
    expect(playground({ ...settings, stride: 2.5 }).explanation.en).toBe(
      'Stride must be a whole number, not 2.5.',
    );
    // An invalid input size leaves the stride its fixed bound, not one computed from nonsense.
    expect(playgroundLimits({ ...settings, inputSize: 0 }).stride.max).toBe(96);
  });

  it('brings a stride wider than a shrunk input down to its width: the same single position', () => {
    const wide = { inputSize: 4, padding: 0, kernelSize: 3, stride: 9 };
    const fitted = fitStride(wide)!;
    expect(fitted.settings.stride).toBe(4);
    expect(ok(playground(fitted.settings)).outputSize).toBe(1);
    expect(fitted.message.en).toBe(
      'The stride 9 was wider than the 4-wide padded input; it is now 4, which gives the same single position.',
    );
    expect(fitStride({ ...wide, stride: 4 })).toBeNull();
  });
});

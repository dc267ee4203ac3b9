/**
 * Tells a run that has gone wrong from one that is merely noisy, and says in a sentence what
 * probably happened. A NaN or infinite loss stops at once; a loss stuck far above chance level
 * (a model that guesses uniformly scores ln(classes)) for a run of steps means it is exploding.
 */
import type { Localized } from '../spec/types';

export interface DivergenceInput {
  loss: number;
  step: number;
  learningRate: number;
  classes: number;
}

export interface Divergence {
  kind: 'nan' | 'exploding';
  message: Localized;
}

/** Steps in a row the loss may stay above the limit before the run counts as exploding. */
export const EXPLODING_PATIENCE = 8;

/** A loss this many times chance level is worse than any guess a trained model makes. */
export const EXPLODING_FACTOR = 3;

function lr(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

/** A learning rate 10× lower, rounded to one significant digit: the usual first remedy. */
export function suggestedRate(learningRate: number): string {
  return lr(Number((learningRate / 10).toPrecision(1)));
}

export class DivergenceDetector {
  private above = 0;

  check({ loss, step, learningRate, classes }: DivergenceInput): Divergence | null {
    const rate = lr(learningRate);
    const lower = suggestedRate(learningRate);
    if (!Number.isFinite(loss)) {
      return {
        kind: 'nan',
        message: {
          en: `Training stopped at step ${step}: the loss became ${Number.isNaN(loss) ? 'NaN' : 'infinite'}. The updates grew so large that the weights overflowed — the learning rate (${rate}) is probably too high. Try ${lower}, then reset the weights and start again.`,
          zh: `训练在第 ${step} 步停止：损失变成了 ${Number.isNaN(loss) ? 'NaN' : '无穷大'}。更新幅度过大，权重溢出了——学习率（${rate}）很可能太高。请试试 ${lower}，然后重置权重再开始。`,
        },
      };
    }
    const limit = EXPLODING_FACTOR * Math.log(Math.max(2, classes));
    this.above = loss > limit ? this.above + 1 : 0;
    if (this.above < EXPLODING_PATIENCE) return null;
    return {
      kind: 'exploding',
      message: {
        en: `Training stopped at step ${step}: the loss has stayed above ${limit.toFixed(1)} (three times what random guessing scores) for ${EXPLODING_PATIENCE} steps, so it is diverging, not learning. The learning rate (${rate}) is probably too high. Try ${lower}, then reset the weights and start again.`,
        zh: `训练在第 ${step} 步停止：损失已连续 ${EXPLODING_PATIENCE} 步高于 ${limit.toFixed(1)}（随机猜测损失的三倍），说明训练在发散而不是在学习。学习率（${rate}）很可能太高。请试试 ${lower}，然后重置权重再开始。`,
      },
    };
  }
}

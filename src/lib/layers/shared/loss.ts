/**
 * Shared definition of the loss layers, in the style of Caffe and Fabrik: the prediction
 * and, optionally, the target go in; one number comes out. Keras and tfjs give losses to
 * `model.compile` instead of the graph, so these have no Keras mapping.
 */
import type { LayerDef, ParamDef } from '../types';
import type { Localized } from '../../spec/types';
import { fmtShape } from './windowMath';

export function lossLayer(
  type: string,
  description: Localized,
  tfjsLoss: string,
  params: readonly ParamDef[] = [],
): LayerDef {
  return {
    type,
    category: 'Loss',
    description,
    params,
    arity: { min: 1, max: 2 },
    inferShape(_p, [prediction = [], target]) {
      if (prediction.length === 0)
        return { error: { en: 'needs a prediction with at least one axis', zh: '预测值至少需要一个维度' } };
      if (target && fmtShape(target) !== fmtShape(prediction))
        return {
          error: {
            en: `the target ${fmtShape(target)} must have the prediction's shape ${fmtShape(prediction)}`,
            zh: `目标 ${fmtShape(target)} 的形状必须与预测值 ${fmtShape(prediction)} 相同`,
          },
        };
      return { shape: [1] };
    },
    weights: () => [],
    countMacs: () => 0,
    keras: null,
    tfjsNote: {
      en: `In tfjs a loss is not a layer: pass '${tfjsLoss}' to model.compile({ loss }) and leave this layer out of the graph.`,
      zh: `在 tfjs 中损失不是层：把 '${tfjsLoss}' 传给 model.compile({ loss })，并把该层从图中去掉。`,
    },
  };
}

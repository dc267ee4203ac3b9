/**
 * Whether the explainer's network can be trained on a dataset here, and if not, a sentence
 * naming the output layer and what is wrong, with a one-click fix where the layer allows it
 * (its `units` and `activation` parameters). Training minimises categorical cross-entropy, so
 * the net must end in one probability per class.
 */
import type { ShapeTable } from '../spec/inferShapes';
import type { Localized, NetworkSpec } from '../spec/types';
import { getLayerDef } from '../layers/registry';

export type Trainability =
  | { ok: true }
  | {
      ok: false;
      reason: Localized;
      /** The spec with the output layer adapted, when its parameters allow it. */
      fixed: NetworkSpec | null;
    };

function outputId(spec: NetworkSpec): string | null {
  const consumed = new Set(spec.layers.flatMap((l) => l.inputs));
  const outs = spec.layers.filter((l) => !consumed.has(l.id));
  return outs.length === 1 ? outs[0]!.id : null;
}

/** How many values the network's single output has (its class count), or null if it is not a vector. */
export function outputUnits(spec: NetworkSpec, table: ShapeTable): number | null {
  const id = outputId(spec);
  const info = id ? table.layers.get(id) : undefined;
  return info?.status === 'ok' && info.shape.length === 1 ? info.shape[0]! : null;
}

export function checkTrainable(spec: NetworkSpec, table: ShapeTable, classes: number): Trainability {
  const id = outputId(spec);
  const layer = spec.layers.find((l) => l.id === id);
  const info = id ? table.layers.get(id) : undefined;
  if (!layer || info?.status !== 'ok')
    return {
      ok: false,
      reason: {
        en: 'The network has no single output layer to train.',
        zh: '网络没有唯一的输出层可供训练。',
      },
      fixed: null,
    };
  const shape = info.shape;
  const softmax =
    layer.params.activation === 'softmax' || getLayerDef(layer.type)?.keras?.className === 'Softmax';
  const units = shape.length === 1 ? shape[0]! : null;
  if (units === classes && softmax) return { ok: true };
  const canFix = typeof layer.params.units === 'number' && typeof layer.params.activation === 'string';
  const fixed: NetworkSpec | null = canFix
    ? {
        ...spec,
        layers: spec.layers.map((l) =>
          l.id === layer.id ? { ...l, params: { ...l.params, units: classes, activation: 'softmax' } } : l,
        ),
      }
    : null;
  const fixEn = canFix ? ` Change it to ${classes} units with softmax (its weights start afresh).` : '';
  const fixZh = canFix ? ` 可以把它改成 ${classes} 个单元并使用 softmax（其权重将重新初始化）。` : '';
  if (units === null)
    return {
      ok: false,
      reason: {
        en: `The last layer (${layer.id}) outputs ${shape.join(' × ')}, but training needs one score per class: end the network with Flatten and a Dense layer of ${classes} units.`,
        zh: `最后一层（${layer.id}）输出 ${shape.join(' × ')}，但训练需要每个类别一个分数：请在网络末尾加上 Flatten 和一个 ${classes} 单元的 Dense 层。`,
      },
      fixed: null,
    };
  if (units !== classes)
    return {
      ok: false,
      reason: {
        en: `The last layer (${layer.id}) has ${units} outputs but the dataset has ${classes} classes.${fixEn}`,
        zh: `最后一层（${layer.id}）有 ${units} 个输出，但数据集有 ${classes} 个类别。${fixZh}`,
      },
      fixed,
    };
  return {
    ok: false,
    reason: {
      en: `The last layer (${layer.id}) does not end in softmax, so its outputs are not probabilities and cross-entropy cannot be computed.${fixEn}`,
      zh: `最后一层（${layer.id}）没有以 softmax 结尾，输出不是概率，无法计算交叉熵。${fixZh}`,
    },
    fixed,
  };
}

/**
 * The model zoo: every architecture the app can open, with its card. Parameter counts and
 * MACs are never written down here; `zooCounts` derives them from shape inference.
 */
import type { NetworkSpec } from '../spec/types';
import { inferShapes, totals } from '../spec/inferShapes';
import { getLayerDef } from '../layers/registry';
import { product } from '../layers/shared/windowMath';
import type { ZooCard, ZooEntry } from './card';
import { tinyVggCard, tinyVggSpec } from './tinyvgg';
import { lenet5Card, lenet5Spec } from './lenet5';
import { alexnetCard, alexnetSpec } from './alexnet';
import { vgg16Card, vgg16Spec } from './vgg16';
import { resnet18Card, resnet18Spec } from './resnet18';
import { resnet50Card, resnet50Spec } from './resnet50';
import { mobilenetCard, mobilenetSpec } from './mobilenet';
import { mobilenetV2Card, mobilenetV2Spec } from './mobilenetV2';
import { mobilenetV3SmallCard, mobilenetV3SmallSpec } from './mobilenetV3Small';
import { lstmTextClassifierCard, lstmTextClassifierSpec } from './lstmTextClassifier';
import { resnet8CifarCard, resnetCifarSpec } from './resnetCifar';
import { mobilenetCifarCard, mobilenetCifarSpec } from './mobilenetCifar';

export type { ZooCard, ZooEntry } from './card';

export const ZOO: readonly ZooEntry[] = [
  { card: tinyVggCard, spec: () => tinyVggSpec() },
  { card: resnet8CifarCard, spec: () => resnetCifarSpec(10, 1) },
  { card: mobilenetCifarCard, spec: () => mobilenetCifarSpec() },
  { card: lenet5Card, spec: () => lenet5Spec() },
  { card: alexnetCard, spec: () => alexnetSpec() },
  { card: vgg16Card, spec: () => vgg16Spec() },
  { card: resnet18Card, spec: () => resnet18Spec() },
  { card: resnet50Card, spec: () => resnet50Spec() },
  { card: mobilenetCard, spec: () => mobilenetSpec() },
  { card: mobilenetV2Card, spec: () => mobilenetV2Spec() },
  { card: mobilenetV3SmallCard, spec: () => mobilenetV3SmallSpec() },
  { card: lstmTextClassifierCard, spec: () => lstmTextClassifierSpec() },
];

export const ZOO_CARDS: readonly ZooCard[] = ZOO.map((e) => e.card);

export function zooEntry(id: string): ZooEntry | undefined {
  return ZOO.find((e) => e.card.id === id);
}

export interface ZooCounts {
  /** All weights, as Keras counts them (batch-norm moving statistics included). */
  params: number;
  /** Weights learned by gradient descent, as PyTorch counts parameters. */
  trainable: number;
  macs: number;
  /** Every layer infers a shape. */
  valid: boolean;
  /** Every layer type has a tfjs layer, so the engine can build the net. */
  runnable: boolean;
}

export function zooCounts(spec: NetworkSpec): ZooCounts {
  const table = inferShapes(spec);
  const sum = totals(table);
  let trainable = 0;
  let runnable = true;
  for (const layer of spec.layers) {
    const def = getLayerDef(layer.type);
    const info = table.layers.get(layer.id);
    if (!def?.keras) runnable = false;
    if (!def || info?.status !== 'ok') continue;
    for (const w of def.weights(layer.params, info.inputShapes))
      if (w.trainable !== false) trainable += product(w.shape);
  }
  return { params: sum.params, trainable, macs: sum.macs, valid: sum.valid, runnable };
}

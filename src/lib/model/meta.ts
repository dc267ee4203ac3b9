/** meta.json beside a pretrained model: what the classes are and how images were prepared. */
import type { FitMode } from '../preprocess/preprocess';
import type { LayerParams } from '../spec/types';
import { MetaError, metaInputParams } from './metaPreprocessing';

export { MetaError };
export { specWithMetaPreprocessing } from './metaPreprocessing';

export interface ModelMeta {
  name: string;
  dataset: string;
  classes: string[];
  inputSize: [number, number, number];
  /** How images were fitted, and the Input params (scale, order, mean, std) the file states. */
  preprocessing: { fit: FitMode; size: number; input: LayerParams };
  testAccuracy: number | null;
  testImages: number;
}

/**
 * The meta of a net whose classes were named by the user or a dataset (after training, say):
 * no test accuracy, since none was measured.
 */
export function metaForClasses(
  name: string,
  classes: string[],
  dataset: string,
  input: { size: number; fit: FitMode },
): ModelMeta {
  const { size, fit } = input;
  return {
    name,
    dataset,
    classes,
    inputSize: [size, size, 3],
    preprocessing: { fit, size, input: {} },
    testAccuracy: null,
    testImages: 0,
  };
}

/** Validates parsed meta.json; the message names the field that is wrong. */
export function parseModelMeta(json: unknown, where: string): ModelMeta {
  if (typeof json !== 'object' || json === null) throw new MetaError(`${where}: expected a JSON object`);
  const m = json as Record<string, unknown>;
  const classes = m.classes;
  if (!Array.isArray(classes) || classes.length < 2 || !classes.every((c) => typeof c === 'string'))
    throw new MetaError(`${where}: "classes" must list at least two class names`);
  const size = m.inputSize;
  if (!Array.isArray(size) || size.length !== 3 || !size.every((d) => Number.isInteger(d) && d > 0))
    throw new MetaError(`${where}: "inputSize" must be [height, width, channels]`);
  const pre = m.preprocessing ?? {};
  if (typeof pre !== 'object' || pre === null || Array.isArray(pre))
    throw new MetaError(`${where}: "preprocessing" must be an object`);
  const fit = (pre as Record<string, unknown>).fit;
  if (fit !== undefined && fit !== 'crop' && fit !== 'letterbox')
    throw new MetaError(
      `${where}: "preprocessing.fit" must be "crop" or "letterbox", not ${JSON.stringify(fit)}`,
    );
  const stated = (pre as Record<string, unknown>).size;
  if (stated !== undefined && stated !== size[0])
    throw new MetaError(
      `${where}: "preprocessing.size" is ${JSON.stringify(stated)} but "inputSize" is ${JSON.stringify(size)}`,
    );
  const input = metaInputParams(pre as Record<string, unknown>, where);
  return {
    name: typeof m.name === 'string' ? m.name : 'model',
    dataset: typeof m.dataset === 'string' ? m.dataset : '',
    classes: classes as string[],
    inputSize: size as [number, number, number],
    preprocessing: { fit: fit === 'letterbox' ? 'letterbox' : 'crop', size: Number(size[0]), input },
    testAccuracy: typeof m.testAccuracy === 'number' ? m.testAccuracy : null,
    testImages: typeof m.testImages === 'number' ? m.testImages : 0,
  };
}

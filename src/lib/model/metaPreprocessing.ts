/**
 * The `preprocessing` block of a meta.json (what `npm run train` writes beside a model) as
 * the model's Input params, and put on the model's Input layer: the pretrained and trained
 * nets are fed as they were trained. `scale` is the factor the pixels were multiplied by
 * ("1/255": values 0–1); the Input's own keys (channelOrder, valueScale, mean, std) may be
 * given too. A value this cannot read, or one that contradicts what the model itself says,
 * is refused with a message naming the key; never a silent default.
 */
import type { LayerParams, NetworkSpec } from '../spec/types';
import type { ValueScale } from '../preprocess/preprocessing';
import {
  PreprocessingMetaError,
  preprocessingParams,
  withPreprocessing,
} from '../preprocess/preprocessingMeta';

export class MetaError extends Error {}

/** The scale factors meta.json writes, and the Input's value scale each gives. */
export const META_SCALES: ReadonlyMap<string, ValueScale> = new Map([
  ['1/255', '0-1'],
  ['1', '0-255'],
  ['1/127.5-1', '-1-1'],
]);

const INPUT_KEYS = ['channelOrder', 'valueScale', 'mean', 'std'] as const;

/** The Input params a meta.json `preprocessing` object states; `where` is the file, for messages. */
export function metaInputParams(pre: Record<string, unknown>, where: string): LayerParams {
  const stated: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) if (pre[key] !== undefined) stated[key] = pre[key];
  let params: LayerParams;
  try {
    params = preprocessingParams(stated, 'preprocessing');
  } catch (e) {
    if (e instanceof PreprocessingMetaError) throw new MetaError(`${where}: ${e.text.en}`);
    throw e;
  }
  if (pre.scale === undefined) return params;
  const scale = typeof pre.scale === 'string' ? META_SCALES.get(pre.scale) : undefined;
  if (!scale)
    throw new MetaError(
      `${where}: "preprocessing.scale" must be one of ${[...META_SCALES.keys()]
        .map((s) => `"${s}"`)
        .join(', ')}, not ${JSON.stringify(pre.scale)}`,
    );
  if (params.valueScale !== undefined && params.valueScale !== scale)
    throw new MetaError(
      `${where}: "preprocessing.scale" ${JSON.stringify(pre.scale)} means values ${scale}, but "preprocessing.valueScale" says ${JSON.stringify(params.valueScale)}`,
    );
  return { ...params, valueScale: scale };
}

/**
 * `spec` with the meta's preprocessing on its Input. The model's own statement (from its
 * model.json) wins only when the two agree: when they differ the model cannot be explained
 * honestly, so it is refused naming both.
 */
export function specWithMetaPreprocessing(
  spec: NetworkSpec,
  meta: { inputSize: readonly number[]; preprocessing: { input: LayerParams } },
  where: string,
): NetworkSpec {
  const input = spec.layers.find((l) => l.type === 'Input');
  const shape = input && Array.isArray(input.params.shape) ? input.params.shape : null;
  if (input && shape && JSON.stringify(shape) !== JSON.stringify(meta.inputSize))
    throw new MetaError(
      `${where}: "inputSize" is [${meta.inputSize.join(', ')}] but the model's input "${input.id}" takes [${shape.join(', ')}]`,
    );
  const params = meta.preprocessing.input;
  if (Object.keys(params).length === 0) return spec;
  for (const [key, value] of Object.entries(params)) {
    const own = input?.params[key];
    if (own !== undefined && JSON.stringify(own) !== JSON.stringify(value))
      throw new MetaError(
        `${where}: "preprocessing" gives ${key} ${JSON.stringify(value)} but the model's input "${input?.id ?? ''}" says ${JSON.stringify(own)}`,
      );
  }
  try {
    return withPreprocessing(spec, params, `${where} "preprocessing"`);
  } catch (e) {
    if (e instanceof PreprocessingMetaError) throw new MetaError(e.text.en);
    throw e;
  }
}

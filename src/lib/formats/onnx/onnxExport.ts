/**
 * Spec + weights → an .onnx file (opset 13, or 14 when HardSwish is used), as PyTorch
 * users expect one: NCHW input [N, C, H, W] with a symbolic batch axis, weights as
 * initializers in ONNX's layouts, class names in metadata_props. The spec is checked first
 * (shapes, a value for every weight): a problem is an OnnxFormatError naming the layer,
 * never a half-written file.
 */
import type { NetworkSpec } from '../../spec/types';
import { inferShapes } from '../../spec/inferShapes';
import { getLayerDef } from '../../layers/registry';
import type { NamedWeights } from '../types';
import { ModelProtoType } from './onnxSchema';
import { OnnxFormatError } from './onnxError';
import { OnnxGraphWriter, type Written } from './onnxExportGraph';
import { EMITTERS } from './onnxExportLayers';
import { WEIGHTED_EMITTERS } from './onnxExportWeighted';
import { labelsToMetadata } from './onnxLabels';
import { statedPreprocessing } from '../../preprocess/preprocessingMeta';

/** The Input's preprocessing as a metadata_props entry, read back by the importer; none when plain. */
function preprocessingProps(spec: NetworkSpec): { key: string; value: string }[] {
  const stated = statedPreprocessing(spec);
  return stated ? [{ key: 'preprocessing', value: JSON.stringify(stated) }] : [];
}
import { sizeOf } from './onnxValues';

export interface OnnxExportOptions {
  labels?: readonly string[];
}

function dimsOf(name: string, dims: (number | string)[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: 1,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export function serializeOnnx(
  spec: NetworkSpec,
  weights: NamedWeights,
  options: OnnxExportOptions = {},
): Uint8Array {
  const table = inferShapes(spec);
  const w: OnnxGraphWriter = new OnnxGraphWriter();
  const inputs: ReturnType<typeof dimsOf>[] = [];
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  for (const id of table.order) {
    const layer = byId.get(id);
    const info = table.layers.get(id);
    if (!layer) continue;
    if (info?.status !== 'ok')
      w.fail(
        id,
        `has a problem (${info?.status === 'error' ? info.error.en : 'an earlier layer has one'}); fix it before exporting`,
        `有问题（${info?.status === 'error' ? info.error.zh : '之前的某层有问题'}）；请先修正再导出`,
      );
    const shape = info.shape;
    if (layer.type === 'Input') {
      if (shape.length !== 3 && shape.length !== 1)
        w.fail(
          id,
          `an input of shape ${shape.join('×')} is not an image or a vector`,
          `形状为 ${shape.join('×')} 的输入不是图像或向量`,
        );
      const [h = 1, wd = 1, c = 1] = shape;
      const name = w.fresh(id);
      inputs.push(dimsOf(name, shape.length === 3 ? ['N', c, h, wd] : ['N', shape[0] ?? 1]));
      w.outputs.set(id, { tensor: name, layout: shape.length === 3 ? 'nchw' : 'vector', shape });
      continue;
    }
    const emit = WEIGHTED_EMITTERS[layer.type] ?? EMITTERS[layer.type];
    if (!emit)
      w.fail(
        id,
        `${layer.type} has no ONNX operator CNN Studio writes`,
        `${layer.type} 没有 CNN Studio 能写出的 ONNX 算子`,
      );
    const def = getLayerDef(layer.type);
    const ins = layer.inputs.map((i) => w.outputs.get(i) as Written);
    for (const wd of def?.weights(layer.params, info.inputShapes) ?? []) {
      const got = weights.get(`${id}/${wd.name}`);
      if (got?.length !== sizeOf(wd.shape))
        w.fail(
          id,
          `the weight ${wd.name} has ${got ? `${got.length} values` : 'no values'}; its shape ${wd.shape.join('×')} needs ${sizeOf(wd.shape)}`,
          `权重 ${wd.name} ${got ? `有 ${got.length} 个值` : '没有值'}；其形状 ${wd.shape.join('×')} 需要 ${sizeOf(wd.shape)} 个`,
        );
    }
    const out = emit!({
      w,
      layer,
      inputs: ins,
      inShapes: info.inputShapes,
      outShape: shape,
      weight: (name) => weights.get(`${id}/${name}`) ?? new Float32Array(),
      has: (name) => weights.has(`${id}/${name}`),
    });
    w.outputs.set(id, out);
  }
  const read = new Set(spec.layers.flatMap((l) => l.inputs));
  const outputs = spec.layers.filter((l) => !read.has(l.id) && l.type !== 'Input');
  if (outputs.length === 0)
    throw new OnnxFormatError({ en: 'the network has no output layer', zh: '网络没有输出层' });
  const graphOutputs = outputs.map((l) => {
    const o = w.outputs.get(l.id) as Written;
    if (o.layout === 'chw') w.fail(l.id, 'a Permute cannot be the output', 'Permute 不能作为输出');
    const [h = 1, wd = 1, c = 1] = o.shape;
    return dimsOf(o.tensor, o.layout === 'nchw' ? ['N', c, h, wd] : ['N', ...o.shape]);
  });
  const model = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: w.opset }],
    producerName: 'CNN Studio',
    producerVersion: '0.1',
    graph: {
      name: spec.name,
      node: w.nodes,
      initializer: w.initializers,
      input: inputs,
      output: graphOutputs,
    },
    metadataProps: [
      ...(options.labels && options.labels.length > 0 ? [labelsToMetadata(options.labels)] : []),
      ...preprocessingProps(spec),
    ],
  };
  const bytes = ModelProtoType.encode(ModelProtoType.fromObject(model)).finish();
  // A plain Uint8Array view (in Node protobufjs hands out a Buffer, whose slice() does not copy).
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

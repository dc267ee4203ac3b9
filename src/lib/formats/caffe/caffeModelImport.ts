/**
 * A .caffemodel (binary NetParameter), alone or with its deploy prototxt → spec with weights.
 * Alone, the layers come from the file itself (a training net: its TRAIN-phase data layer is
 * the input when no other is given); with a prototxt, the layers come from the text and the
 * blobs are matched to them by layer name, as Caffe's CopyTrainedLayersFrom does. Any error
 * names the layer and the field; nothing is half-imported.
 */
import type { Localized, NetworkSpec } from '../../spec/types';
import type { Imported } from '../types';
import { problemText, readBlob, type Blob } from './caffeBlobs';
import { CaffeModelError, decodeCaffeModel, type DecodedCaffeModel } from './caffeModelDecode';
import { importCaffeMessage, type CaffeImported } from './caffeImport';
import { V1_TYPES, field, fields, str } from './caffeNet';
import { caffeWeights, WEIGHTED_TYPES, type WeightSource } from './caffeWeights';
import { caffePreprocessing, type CaffePreprocessing } from './caffeTransform';
import { CaffeFormatError, parsePrototxt, type PField, type PMessage } from './prototxt';

export interface CaffeModelImported extends Imported {
  /** How the training images were prepared, when a data layer says so. */
  preprocessing?: CaffePreprocessing;
}

const DATA_TYPES = new Set([
  'Data',
  'ImageData',
  'WindowData',
  'MemoryData',
  'HDF5Data',
  'Input',
  'DummyData',
]);

function typeOf(f: PField): string {
  if (f.value.kind !== 'message') return '';
  const t = str(f.value.value, 'type', '');
  return f.name === 'layers' ? (V1_TYPES[t] ?? t) : t;
}

function isTrainOnly(msg: PMessage): boolean {
  return fields(msg, 'include').some((inc) => {
    const phase = inc.value.kind === 'message' ? field(inc.value.value, 'phase') : undefined;
    return phase?.value.kind === 'ident' && phase.value.value === 'TRAIN';
  });
}

/** Loss layers of a training net and what a deploy net has in their place. */
const DEPLOY_FOR_LOSS: Record<string, string> = { SoftmaxWithLoss: 'Softmax', SOFTMAX_LOSS: 'SOFTMAX' };

function renamedType(msg: PMessage, type: string): PMessage {
  return {
    ...msg,
    fields: msg.fields.map((g) =>
      g.name === 'type'
        ? {
            ...g,
            value:
              g.value.kind === 'ident' ? { kind: 'ident', value: type } : { kind: 'string', value: type },
          }
        : g,
    ),
  };
}

/**
 * A net saved by training lists its TRAIN data layer only: with no TEST-phase input, the
 * TRAIN data layers become the input (their include rule dropped) so the net has one, and a
 * SoftmaxWithLoss becomes the Softmax a deploy net ends with (its label bottom dropped).
 */
function asDeployNet(root: PMessage, notes: Localized[]): PMessage {
  const layers = new Set(root.fields.filter((f) => f.name === 'layer' || f.name === 'layers'));
  const hasInput =
    field(root, 'input') !== undefined ||
    [...layers].some(
      (f) => DATA_TYPES.has(typeOf(f)) && f.value.kind === 'message' && !isTrainOnly(f.value.value),
    );
  if (hasInput) return root;
  return {
    ...root,
    fields: root.fields.map((f): PField => {
      if (!layers.has(f) || f.value.kind !== 'message') return f;
      const msg = f.value.value;
      if (DATA_TYPES.has(typeOf(f)))
        return {
          ...f,
          value: {
            kind: 'message',
            value: { ...msg, fields: msg.fields.filter((g) => g.name !== 'include') },
          },
        };
      const raw = str(msg, 'type', '');
      const deploy = DEPLOY_FOR_LOSS[raw];
      if (!deploy) return f;
      notes.push({
        en: `The training net's loss layer "${str(msg, 'name', '')}" is shown as the Softmax a deploy net ends with.`,
        zh: `训练网络的损失层 “${str(msg, 'name', '')}” 显示为部署网络末尾的 Softmax。`,
      });
      const bottoms = fields(msg, 'bottom').slice(0, 1);
      const kept = renamedType(msg, deploy).fields.filter((g) => g.name !== 'bottom');
      return { ...f, value: { kind: 'message', value: { ...msg, fields: [...bottoms, ...kept] } } };
    }),
  };
}

/** A problem met in the binary's own layer tree is placed at the layer (`layer[3]`), not a line. */
function fromBinary(e: unknown, decoded: DecodedCaffeModel): never {
  if (e instanceof CaffeFormatError && e.place.pos) {
    const path = decoded.paths[e.place.pos.line - 1];
    throw new CaffeModelError(e.text, path);
  }
  throw e;
}

function blobsOf(decoded: DecodedCaffeModel, name: string, type: string): Blob[] {
  return (decoded.blobs.get(name) ?? []).map((bytes, k) => {
    try {
      return readBlob(bytes);
    } catch (e) {
      const why = problemText(e);
      throw new CaffeModelError(
        {
          en: `layer "${name}" (${type}): blobs[${k}]: ${why.en}`,
          zh: `层 “${name}”（${type}）：blobs[${k}]：${why.zh}`,
        },
        `layer "${name}".blobs[${k}]`,
      );
    }
  });
}

/** The binary's layer types by name, to refuse a prototxt layer matched to another kind. */
function binaryTypes(decoded: DecodedCaffeModel): Map<string, string> {
  const types = new Map<string, string>();
  for (const f of decoded.root.fields) {
    if (f.value.kind !== 'message') continue;
    const name = field(f.value.value, 'name');
    if (name?.value.kind === 'string') types.set(name.value.value, typeOf(f));
  }
  return types;
}

/** The net's layers (name, type) in order, from the tree the spec was made from. */
function layerList(root: PMessage): { name: string; type: string }[] {
  return root.fields.flatMap((f) => {
    if ((f.name !== 'layer' && f.name !== 'layers') || f.value.kind !== 'message') return [];
    const name = field(f.value.value, 'name');
    return name?.value.kind === 'string' ? [{ name: name.value.value, type: typeOf(f) }] : [];
  });
}

export function parseCaffeModel(bytes: Uint8Array, prototxt?: string, fileName = ''): CaffeModelImported {
  const decoded = decodeCaffeModel(bytes);
  const deployNotes: Localized[] = [];
  const root = prototxt === undefined ? asDeployNet(decoded.root, deployNotes) : parsePrototxt(prototxt);
  let net: CaffeImported;
  try {
    net = importCaffeMessage(root);
  } catch (e) {
    if (prototxt === undefined) fromBinary(e, decoded);
    throw e;
  }
  const types = prototxt === undefined ? new Map<string, string>() : binaryTypes(decoded);
  const notes: Localized[] = [...deployNotes, ...net.notes];
  const sources: WeightSource[] = [];
  for (const { name, type } of layerList(root)) {
    const id = net.caffeIds.get(name);
    if (id === undefined) continue;
    const theirs = types.get(name);
    if (theirs !== undefined && theirs !== type)
      throw new CaffeModelError(
        {
          en: `layer "${name}" is a ${type} layer in the prototxt but a ${theirs} layer in the weights file: they are not the same net`,
          zh: `层 “${name}” 在 prototxt 中是 ${type} 层，在权重文件中却是 ${theirs} 层：它们不是同一个网络`,
        },
        `layer "${name}".type`,
      );
    const blobs = blobsOf(decoded, name, type);
    if (blobs.length === 0 && WEIGHTED_TYPES.has(type))
      throw new CaffeModelError(
        {
          en: `layer "${name}" (${type}): the weights file has no learned blobs for it${prototxt !== undefined && theirs === undefined ? ' (it has no layer of that name)' : ''}`,
          zh: `层 “${name}”（${type}）：权重文件中没有它学习到的 blob${prototxt !== undefined && theirs === undefined ? '（文件中没有这个名字的层）' : ''}`,
        },
        `layer "${name}".blobs`,
      );
    if (blobs.length > 0) sources.push({ name, type, id, blobs });
  }
  const weights = caffeWeights(net.spec, sources, net.shapeOf);
  const preprocessing = caffePreprocessing(net.transforms);
  notes.push(preprocessing.note);
  applyCaffeInput(net.spec, preprocessing);
  if (net.spec.name === 'net' && fileName) {
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.caffemodel$/i, '');
    if (base) net.spec.name = base;
  }
  return {
    spec: net.spec,
    weights,
    notes,
    layerPos: prototxt === undefined ? new Map() : net.layerPos,
    preprocessing,
  };
}

/**
 * The Input becomes what the note says Caffe fed the weights: BGR values in 0–255 (OpenCV's
 * reading), then the file's per-channel mean and scale. An Input that already says how (a data
 * layer's transform_param read by the prototxt importer) keeps it; so does a greyscale one's
 * channel order, which has none. A mean image cannot be applied: the note says so.
 */
function applyCaffeInput(spec: NetworkSpec, pre: CaffePreprocessing): void {
  const input = spec.layers.find((l) => l.type === 'Input');
  if (!input || input.params.valueScale !== undefined || input.params.channelOrder !== undefined) return;
  const shape = input.params.shape;
  const channels = Array.isArray(shape) ? Number(shape[shape.length - 1]) : 3;
  const means =
    pre.meanFile === undefined && (pre.mean.length === 1 || pre.mean.length === channels) ? pre.mean : [];
  input.params = {
    ...input.params,
    ...(channels === 3 ? { channelOrder: 'bgr' } : {}),
    valueScale: '0-255',
    ...(means.length > 0 || pre.scale !== 1
      ? { mean: means.length > 0 ? means : [0], std: [1 / pre.scale] }
      : {}),
  };
}

/**
 * Weights of a tfjs Layers model: the `weightsManifest` and its binary shards, read into
 * named Float32Arrays (dequantising uint8 / uint16 / float16 as tfjs does) and written the
 * way tensorflowjs_converter writes them (`group1-shard1of3.bin`, 4 MiB shards).
 */
import type { NetworkSpec } from '../../spec/types';
import { getLayerDef } from '../../layers/registry';
import { inferShapes } from '../../spec/inferShapes';
import { KerasTopologyError } from './topology';
import { jsonPath } from '../jsonText';
import type { NamedWeights } from '../types';
import { decodeFloat16 } from './float16';

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface ManifestGroup {
  paths: string[];
  weights: WeightEntry[];
}

export interface Shard {
  path: string;
  data: Uint8Array;
}

/** The converter's default shard size. */
export const SHARD_BYTES = 4 * 1024 * 1024;

function fail(en: string, zh: string, path: string): never {
  throw new KerasTopologyError({ en, zh }, path);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const STORED_BYTES: Record<string, number> = { float32: 4, int32: 4, uint8: 1, uint16: 2, float16: 2 };

/** Where a manifest name (`sequential/conv2d/kernel:0`) belongs: its layer and weight name. */
export function splitWeightName(
  name: string,
  layerIds: ReadonlySet<string>,
): { layer: string; weight: string } | null {
  const parts = name.replace(/:\d+$/, '').split('/');
  const weight = parts[parts.length - 1] ?? '';
  for (let k = parts.length - 2; k >= 0; k--) {
    const layer = parts.slice(0, k + 1).join('/');
    if (layerIds.has(layer)) return { layer, weight };
    const single = parts[k] ?? '';
    if (layerIds.has(single)) return { layer: single, weight };
  }
  return null;
}

/**
 * A manifest entry's dtype and, when quantized, how it is stored. Nothing is assumed for a
 * present but wrong value: a quantization that is not an object, or uint8/uint16 values
 * without a numeric scale and min, would decode to other numbers than tfjs reads.
 */
function storage(
  w: Record<string, unknown>,
  wPath: string,
): { dtype: string; q: Record<string, unknown> | null; stored: string } {
  if (w.dtype !== undefined && typeof w.dtype !== 'string')
    fail(
      'dtype must be a string such as "float32"',
      'dtype 必须是字符串，例如 "float32"',
      jsonPath(wPath, 'dtype'),
    );
  const dtype = w.dtype ?? 'float32';
  const qPath = jsonPath(wPath, 'quantization');
  if (w.quantization === undefined || w.quantization === null) return { dtype, q: null, stored: dtype };
  const q = w.quantization;
  if (!isRecord(q) || typeof q.dtype !== 'string')
    fail('quantization must be {dtype, scale, min}', 'quantization 必须是 {dtype, scale, min}', qPath);
  const affine = q.dtype === 'uint8' || q.dtype === 'uint16';
  if (affine && !(Number.isFinite(q.scale) && Number.isFinite(q.min)))
    fail(
      `${q.dtype} weights need a numeric scale and min`,
      `${q.dtype} 权重需要数值型的 scale 和 min`,
      qPath,
    );
  return { dtype, q, stored: q.dtype };
}

function decode(
  bytes: Uint8Array,
  stored: string,
  dtype: string,
  q: Record<string, unknown> | null,
  count: number,
): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(count);
  if (stored === 'float16')
    for (let i = 0; i < count; i++) out[i] = decodeFloat16(view.getUint16(i * 2, true));
  else if (stored === 'uint8' || stored === 'uint16') {
    const scale = typeof q?.scale === 'number' ? q.scale : 1;
    const min = typeof q?.min === 'number' ? q.min : 0;
    for (let i = 0; i < count; i++)
      out[i] = (stored === 'uint8' ? view.getUint8(i) : view.getUint16(i * 2, true)) * scale + min;
  } else if (dtype === 'int32') for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true);
  else for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/**
 * Reads every weight of the manifest from its shards and checks it against the shapes the
 * registry expects for the spec; anything missing, extra or mis-shaped is an error naming it.
 */
export function readWeights(
  spec: NetworkSpec,
  manifest: unknown,
  base: string,
  shard: (path: string) => Uint8Array | undefined,
): NamedWeights {
  if (!Array.isArray(manifest))
    return fail(
      'weightsManifest must be a list of {paths, weights}',
      'weightsManifest 必须是 {paths, weights} 的列表',
      base,
    );
  const ids = new Set(spec.layers.map((l) => l.id));
  const weights: NamedWeights = new Map();
  const where = new Map<string, string>();
  const shapes = new Map<string, number[]>();
  manifest.forEach((group: unknown, g) => {
    const gPath = `${base}[${g}]`;
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      fail('expected {paths: [...], weights: [...]}', '应为 {paths: [...], weights: [...]}', gPath);
    const parts = group.paths.map((p: unknown, k) => {
      if (typeof p !== 'string')
        return fail('a shard path must be a string', '分片路径必须是字符串', `${gPath}.paths[${k}]`);
      const data = shard(p.split('/').pop() ?? p) ?? shard(p);
      return (
        data ?? fail(`the weight file ${p} was not given`, `没有提供权重文件 ${p}`, `${gPath}.paths[${k}]`)
      );
    });
    const size = parts.reduce((s, p) => s + p.byteLength, 0);
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.byteLength;
    }
    let offset = 0;
    group.weights.forEach((w: unknown, k) => {
      const wPath = `${gPath}.weights[${k}]`;
      if (
        !isRecord(w) ||
        typeof w.name !== 'string' ||
        !Array.isArray(w.shape) ||
        !w.shape.every((d) => Number.isInteger(d) && d >= 0)
      )
        fail('expected {name, shape, dtype}', '应为 {name, shape, dtype}', wPath);
      const { dtype, q, stored } = storage(w, wPath);
      const bytes = STORED_BYTES[stored];
      if (!bytes)
        fail(
          `weights of type ${stored} are not supported`,
          `不支持 ${stored} 类型的权重`,
          jsonPath(wPath, 'dtype'),
        );
      const count = (w.shape as number[]).reduce((a, b) => a * b, 1);
      const end = offset + count * bytes;
      if (end > size)
        fail(
          `${w.name} needs bytes ${offset}–${end} but the weight files hold ${size}`,
          `${w.name} 需要第 ${offset}–${end} 字节，但权重文件只有 ${size} 字节`,
          wPath,
        );
      const target = splitWeightName(w.name, ids);
      if (!target)
        fail(
          `${w.name} does not belong to any layer of the model`,
          `${w.name} 不属于模型中的任何层`,
          jsonPath(wPath, 'name'),
        );
      const key = `${target.layer}/${target.weight}`;
      weights.set(key, decode(all.subarray(offset, end), stored, dtype, q, count));
      where.set(key, wPath);
      shapes.set(key, w.shape as number[]);
      offset = end;
    });
  });
  checkAgainstSpec(spec, weights, where, shapes, base);
  return weights;
}

function checkAgainstSpec(
  spec: NetworkSpec,
  weights: NamedWeights,
  where: Map<string, string>,
  shapes: Map<string, number[]>,
  base: string,
): void {
  const table = inferShapes(spec);
  const expected = new Set<string>();
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    const def = getLayerDef(layer.type);
    if (info?.status !== 'ok' || !def) continue;
    for (const w of def.weights(layer.params, info.inputShapes)) {
      const key = `${layer.id}/${w.name}`;
      expected.add(key);
      const got = weights.get(key);
      if (!got)
        fail(
          `no values for ${key} (shape ${w.shape.join('×')})`,
          `缺少 ${key} 的值（形状 ${w.shape.join('×')}）`,
          base,
        );
      const size = w.shape.reduce((a, b) => a * b, 1);
      if (got.length !== size)
        fail(
          `${key} has shape ${(shapes.get(key) ?? []).join('×')} but the layer needs ${w.shape.join('×')}`,
          `${key} 的形状为 ${(shapes.get(key) ?? []).join('×')}，但该层需要 ${w.shape.join('×')}`,
          where.get(key) ?? base,
        );
    }
  }
  for (const key of weights.keys())
    if (!expected.has(key))
      fail(`${key} is not a weight of that layer`, `${key} 不是该层的权重`, where.get(key) ?? base);
}

/**
 * The one weights file CNN Studio's downloads write beside model.json (the model library's,
 * the Export menu's and the text pane's alike): one file is one download, where 4 MiB shards
 * would be a download prompt each.
 */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * The manifest and shards for a spec's weights, in layer order, as the converter lays them out
 * (`group1-shardKofN.bin`), or all in one file named `singleFile`.
 */
export function writeWeights(
  spec: NetworkSpec,
  weights: NamedWeights,
  shardBytes = SHARD_BYTES,
  singleFile?: string,
): { manifest: ManifestGroup[]; shards: Shard[] } {
  const table = inferShapes(spec);
  const entries: WeightEntry[] = [];
  const chunks: Float32Array[] = [];
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    const def = getLayerDef(layer.type);
    if (info?.status !== 'ok' || !def) continue;
    for (const w of def.weights(layer.params, info.inputShapes)) {
      const name = `${layer.id}/${w.name}`;
      const data = weights.get(name);
      if (!data) throw new KerasTopologyError({ en: `no values for ${name}`, zh: `缺少 ${name} 的值` }, '$');
      entries.push({ name, shape: w.shape, dtype: 'float32' });
      chunks.push(data);
    }
  }
  const total = chunks.reduce((s, c) => s + c.byteLength, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  if (singleFile !== undefined) {
    const shards = [{ path: singleFile, data: all }];
    return { manifest: [{ paths: [singleFile], weights: entries }], shards };
  }
  const count = Math.max(1, Math.ceil(total / shardBytes));
  const shards: Shard[] = Array.from({ length: count }, (_, k) => ({
    path: `group1-shard${k + 1}of${count}.bin`,
    data: all.slice(k * shardBytes, Math.min(total, (k + 1) * shardBytes)),
  }));
  return { manifest: [{ paths: shards.map((s) => s.path), weights: entries }], shards };
}

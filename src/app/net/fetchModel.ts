/**
 * Downloads a tfjs layers model (model.json + weight shards) while counting bytes, so the page
 * can show real download progress; tfjs' own loader only reports whole finished shards. The
 * result is handed to the engine as in-memory artifacts, exactly what tfjs' http loader builds.
 */
import type { ModelArtifacts } from '../../lib/engine/io';

export interface DownloadProgress {
  loaded: number;
  /** Bytes expected, from the weights manifest; 0 when unknown. */
  total: number;
}

interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype?: string };
}

interface ManifestGroup {
  paths: string[];
  weights: WeightEntry[];
}

const DTYPE_BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
  int8: 1,
};

function isManifest(x: unknown): x is ManifestGroup[] {
  return (
    Array.isArray(x) &&
    x.every(
      (g) =>
        typeof g === 'object' &&
        g !== null &&
        Array.isArray((g as ManifestGroup).paths) &&
        Array.isArray((g as ManifestGroup).weights),
    )
  );
}

/** Bytes the manifest's weights take on the wire (quantized weights are stored in their quantized type). */
export function manifestBytes(groups: readonly ManifestGroup[]): number {
  let total = 0;
  for (const g of groups)
    for (const w of g.weights) {
      const dtype = w.quantization?.dtype ?? w.dtype;
      total += w.shape.reduce((a, b) => a * b, 1) * (DTYPE_BYTES[dtype] ?? 4);
    }
  return total;
}

async function readBody(res: Response, onChunk: (n: number) => void): Promise<Uint8Array> {
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    onChunk(buf.byteLength);
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onChunk(value.byteLength);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

export async function fetchModelArtifacts(
  modelUrl: string,
  onProgress: (p: DownloadProgress) => void,
): Promise<ModelArtifacts> {
  let json: Record<string, unknown>;
  try {
    json = (await (await get(modelUrl)).json()) as Record<string, unknown>;
  } catch (e) {
    throw e instanceof SyntaxError ? new Error(`${modelUrl}: not valid JSON`) : e;
  }
  const manifest = json.weightsManifest ?? [];
  if (!isManifest(manifest))
    throw new Error(`${modelUrl}: "weightsManifest" is not a list of {paths, weights}`);
  const total = manifestBytes(manifest);
  let loaded = 0;
  onProgress({ loaded, total });
  const base = new URL('.', new URL(modelUrl, location.href));
  const parts: Uint8Array[] = [];
  for (const group of manifest)
    for (const path of group.paths) {
      const res = await get(new URL(path, base).href);
      parts.push(
        await readBody(res, (n) => {
          loaded += n;
          onProgress({ loaded, total });
        }),
      );
    }
  const weightData = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) {
    weightData.set(p, at);
    at += p.byteLength;
  }
  return {
    modelTopology: json.modelTopology as ModelArtifacts['modelTopology'],
    weightSpecs: manifest.flatMap((g) => g.weights) as ModelArtifacts['weightSpecs'],
    weightData: weightData.buffer,
    format: typeof json.format === 'string' ? json.format : undefined,
    generatedBy: typeof json.generatedBy === 'string' ? json.generatedBy : undefined,
    convertedBy: typeof json.convertedBy === 'string' ? json.convertedBy : undefined,
  };
}

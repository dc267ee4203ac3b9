/**
 * Reads and writes the tfjs model format on disk (model.json + weights.bin) for the Node
 * commands, with errors that name the file and what is wrong with it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelArtifacts } from '../lib/engine/io';

export class ModelFileError extends Error {}

interface ManifestGroup {
  paths: string[];
  weights: { name: string; shape: number[]; dtype: string }[];
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1 };

export function readModelArtifacts(dir: string): ModelArtifacts {
  const jsonPath = join(dir, 'model.json');
  if (!existsSync(jsonPath)) throw new ModelFileError(`${jsonPath}: file not found`);
  let json: { modelTopology?: unknown; weightsManifest?: ManifestGroup[]; format?: string };
  try {
    json = JSON.parse(readFileSync(jsonPath, 'utf8')) as typeof json;
  } catch (e) {
    throw new ModelFileError(`${jsonPath}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof json !== 'object' || json === null || !json.modelTopology)
    throw new ModelFileError(`${jsonPath}: no "modelTopology" in it, so it is not a tfjs Layers model`);
  const groups = Array.isArray(json.weightsManifest) ? json.weightsManifest : [];
  const buffers: Buffer[] = [];
  const weightSpecs: ModelArtifacts['weightSpecs'] = [];
  for (const group of groups) {
    const bytes = Buffer.concat(
      group.paths.map((p) => {
        const path = join(dir, p);
        if (!existsSync(path))
          throw new ModelFileError(`${path}: weight file not found (listed in ${jsonPath})`);
        return readFileSync(path);
      }),
    );
    const expected = group.weights.reduce(
      (s, w) => s + w.shape.reduce((a, b) => a * b, 1) * (BYTES[w.dtype] ?? 4),
      0,
    );
    if (bytes.length !== expected)
      throw new ModelFileError(
        `${group.paths.map((p) => join(dir, p)).join(', ')}: expected ${expected} bytes of weights, found ${bytes.length}`,
      );
    buffers.push(bytes);
    weightSpecs.push(...(group.weights as NonNullable<ModelArtifacts['weightSpecs']>));
  }
  const all = Buffer.concat(buffers);
  return {
    modelTopology: json.modelTopology as ModelArtifacts['modelTopology'],
    weightSpecs,
    weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
    format: json.format ?? 'layers-model',
  };
}

export function writeModelArtifacts(
  dir: string,
  artifacts: ModelArtifacts,
  weightsFile = 'weights.bin',
): void {
  mkdirSync(dir, { recursive: true });
  const data = artifacts.weightData;
  const bytes =
    data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.concat((data ?? []).map((b) => Buffer.from(b)));
  writeFileSync(join(dir, weightsFile), bytes);
  const json = {
    format: 'layers-model',
    generatedBy: 'CNN Studio',
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
  };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
}

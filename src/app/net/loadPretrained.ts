/** Downloads a model the page ships (meta.json and the tfjs model files), with progress. */
import type { ModelArtifacts } from '../../lib/engine/io';
import { parseModelMeta, type ModelMeta } from '../../lib/model/meta';
import { fetchModelArtifacts, type DownloadProgress } from './fetchModel';

export const PRETRAINED_URL = './models/tinyvgg-cifar10/';

/** The model's meta.json (classes, preprocessing, accuracy); errors name the URL. */
async function fetchModelMeta(url: string): Promise<ModelMeta> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new Error(`${url}: not valid JSON`);
  }
  return parseModelMeta(json, url);
}

export interface DownloadedModel {
  meta: ModelMeta;
  artifacts: ModelArtifacts;
  modelUrl: string;
}

/** meta.json and model.json with its weights, from `baseUrl`, fetched side by side. */
export async function downloadModel(
  baseUrl: string,
  onProgress: (p: DownloadProgress) => void,
): Promise<DownloadedModel> {
  const modelUrl = `${baseUrl}model.json`;
  const metaDownload = fetchModelMeta(`${baseUrl}meta.json`);
  const download = fetchModelArtifacts(modelUrl, onProgress);
  // Settle both before throwing, so no rejection is left unhandled.
  const failed = (await Promise.allSettled([metaDownload, download])).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [meta, artifacts] = await Promise.all([metaDownload, download]);
  return { meta, artifacts, modelUrl };
}

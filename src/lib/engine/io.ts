/**
 * Loading and saving models in the standard tfjs format (model.json + binary weights), from
 * a URL, from files or from memory, and reading the architecture back into a spec.
 */
import { tf } from './tf';
import type { NetworkSpec } from '../spec/types';
import { kerasModelToSpec } from '../formats/keras/topology';
import { registerHardSwish } from './hardSwish';
import { registerHardSigmoid } from './hardSigmoid';
import { registerLrn } from './lrn';
import { groupedForTfjs, registerGroupedConv } from './groupedConv';

registerHardSwish();
registerHardSigmoid();
registerGroupedConv();
registerLrn();

export type ModelArtifacts = tf.io.ModelArtifacts;

export interface LoadedModel {
  model: tf.LayersModel;
  spec: NetworkSpec;
}

export class ModelLoadError extends Error {}

function specOf(model: tf.LayersModel): NetworkSpec {
  const topology = model.toJSON(null, false) as unknown;
  return kerasModelToSpec(topology, model.name);
}

/**
 * The handler's files with Keras 3's grouped `Conv2D` renamed to the engine's GroupedConv2D,
 * which tfjs can build (its own Conv2D has no groups).
 */
function readable(handler: tf.io.IOHandler | string): tf.io.IOHandler {
  const source = typeof handler === 'string' ? tf.io.http(handler) : handler;
  return {
    load: async () => {
      if (!source.load) throw new Error('the model files cannot be read');
      const artifacts = await source.load();
      return {
        ...artifacts,
        modelTopology: groupedForTfjs(artifacts.modelTopology) as tf.io.ModelArtifacts['modelTopology'],
      };
    },
  };
}

async function load(handler: tf.io.IOHandler | string, where: string): Promise<LoadedModel> {
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(readable(handler));
  } catch (e) {
    throw new ModelLoadError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return { model, spec: specOf(model) };
  } catch (e) {
    model.dispose();
    throw new ModelLoadError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function loadModelFromUrl(url: string): Promise<LoadedModel> {
  return load(url, url);
}

export function loadModelFromArtifacts(artifacts: ModelArtifacts, where: string): Promise<LoadedModel> {
  return load(tf.io.fromMemory(artifacts), where);
}

/** A model.json File plus its weight Files, as a file picker gives them. */
export function loadModelFromFiles(json: File, weights: File[]): Promise<LoadedModel> {
  return load(tf.io.browserFiles([json, ...weights]), json.name);
}

export async function saveModelToArtifacts(model: tf.LayersModel): Promise<ModelArtifacts> {
  let saved: ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('tfjs did not hand over the model artifacts');
  return saved;
}

/**
 * Saving the model in a format, for the editor's Export menu and the text pane. With weights
 * (Keras / TensorFlow.js) it is `model.json` and `weights.bin`, the same two files the model
 * library downloads and the same names model.json's weightsManifest lists.
 */
import { exportText, formatInfo, type ModelFormat } from '../../lib/formats';
import { serializeKerasJson } from '../../lib/formats/keras/kerasJson';
import { WEIGHTS_FILE } from '../../lib/formats/keras/weights';
import { serializeOnnx } from '../../lib/formats/onnx/onnxExport';
import type { NetworkSpec } from '../../lib/spec/types';
import { downloadBlob } from '../../app/browser/download';

/** The model with its weights (and class names, when it has its own) as an .onnx download. */
export function downloadOnnx(
  spec: NetworkSpec,
  weights: ReadonlyMap<string, Float32Array>,
  labels: readonly string[] | undefined,
): void {
  const bytes = serializeOnnx(spec, new Map(weights), labels ? { labels } : {});
  downloadBlob(
    new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }),
    onnxFileName(spec.name),
  );
}

export function onnxFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'model'}.onnx`;
}

/**
 * Saves the model: the text in its format, or (`weights` given) a Keras model.json with its
 * weights.bin, or a TensorFlow GraphDef with its weights as constants. Everything is written
 * out and checked before the first file is saved, so a refusal (a FormatError naming the
 * layer) leaves nothing half-written. `edited`: the text has edits of its own and is saved as it is.
 */
export function downloadModel(
  spec: NetworkSpec,
  format: ModelFormat,
  file: {
    text: string;
    edited: boolean;
    weights?: ReadonlyMap<string, Float32Array>;
    /** The class names, written into model.json with the weights. */
    labels?: readonly string[];
  },
): void {
  if (file.weights && format === 'keras') {
    const out = serializeKerasJson(spec, new Map(file.weights), {
      weightsFile: WEIGHTS_FILE,
      ...(file.labels ? { labels: file.labels } : {}),
    });
    downloadBlob(new Blob([out.json], { type: 'application/json' }), 'model.json');
    for (const s of out.shards)
      downloadBlob(new Blob([s.data.slice().buffer], { type: 'application/octet-stream' }), s.path);
    return;
  }
  if (file.weights && format === 'pbtxt') {
    // A frozen graph: the weights as constants in the GraphDef itself.
    const text = exportText(spec, format, file.weights);
    downloadBlob(
      new Blob([text], { type: 'text/plain;charset=utf-8' }),
      formatInfo(format).fileName(spec.name),
    );
    return;
  }
  // Unedited text is the model written out; writing it again reports why when it cannot be.
  if (!file.edited) exportText(spec, format);
  const info = formatInfo(format);
  downloadBlob(new Blob([file.text], { type: `${info.mime};charset=utf-8` }), info.fileName(spec.name));
}

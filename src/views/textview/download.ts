/** Saving files from the text pane: a Blob as a download, and the model in a format. */
import { exportText, formatInfo, type ModelFormat } from '../../lib/formats';
import { serializeKerasJson } from '../../lib/formats/keras/kerasJson';
import type { NetworkSpec } from '../../lib/spec/types';
import { serializeOnnx } from '../../lib/formats/onnx/onnxExport';

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

/** Saves a Blob as a download with the given file name. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves the model: the pane's text in its format, or (`weights` given) a Keras model.json
 * with its weight shards or a TensorFlow GraphDef with its weights as constants. Everything is written out and checked before the first file is
 * saved, so a refusal (a FormatError naming the layer) leaves nothing half-written.
 * `edited`: the text has edits of its own and is saved as it is.
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
    const out = serializeKerasJson(spec, new Map(file.weights), file.labels);
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

/**
 * `npm run convert -- IN OUT`: converts a model the app reads (Keras / TensorFlow.js
 * model.json with the weight shards beside it, ONNX .onnx, CNN Studio spec JSON, Caffe
 * .prototxt, TensorFlow GraphDef .pbtxt, a share link, or zoo:name) to the format OUT's name
 * asks for: `model.json` (Keras / TF.js, with weight shards written beside it when the input
 * has weights), `.onnx` (ONNX with weights and class names; the input must have weights),
 * `.json` (CNN Studio spec), `.prototxt` (Caffe), `.pbtxt` (TensorFlow GraphDef, with the
 * weights as constants when the input has them) or `.py` (PyTorch). Input and output are checked as the app
 * checks them; any problem is one line on stderr and exit 1, and no file is left half
 * written (each is written to a temporary file in the same folder, then renamed).
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { exportText, formatInfo, type ModelFormat } from '../src/lib/formats';
import { FormatError } from '../src/lib/formats/formatError';
import { serializeKerasJson } from '../src/lib/formats/keras/kerasJson';
import { serializeOnnx } from '../src/lib/formats/onnx/onnxExport';
import { loadModel, ModelInputError, oneLine } from '../src/node/modelInput';

class ConvertError extends Error {}

const USAGE =
  'usage: npm run convert -- IN OUT  (OUT: model.json, name.onnx, name.json, name.prototxt, name.pbtxt or name.py)';

/** The format OUT's file name asks for. */
function outputFormat(out: string): ModelFormat | 'onnx' {
  const name = basename(out).toLowerCase();
  if (name.endsWith('.onnx')) return 'onnx';
  if (name === 'model.json' || name.endsWith('.model.json')) return 'keras';
  if (name.endsWith('.json')) return 'spec';
  if (name.endsWith('.prototxt')) return 'caffe';
  if (name.endsWith('.pbtxt')) return 'pbtxt';
  if (name.endsWith('.py')) return 'pytorch';
  throw new ConvertError(
    `${out}: cannot tell the format from the name; end it in model.json (Keras / TF.js), .onnx (ONNX), .json (CNN Studio spec), .prototxt (Caffe), .pbtxt (TensorFlow GraphDef) or .py (PyTorch)`,
  );
}

/** Writes every file or none: all to temporary files first, then each renamed into place. */
function writeAll(files: { path: string; data: string | Uint8Array }[]): void {
  for (const f of files)
    if (existsSync(f.path) && statSync(f.path).isDirectory())
      throw new ConvertError(`${f.path}: is a folder`);
  const temps: string[] = [];
  const failed = (path: string, e: unknown): ConvertError => {
    for (const t of temps) rmSync(t, { force: true });
    const why = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    return new ConvertError(`${path}: cannot write the file (${why})`);
  };
  for (const f of files) {
    const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
    try {
      temps.push(temp);
      writeFileSync(temp, f.data);
    } catch (e) {
      throw failed(f.path, e);
    }
  }
  // Shards first, model.json last: a reader never finds a new model.json with old shards.
  files.forEach((f, i) => {
    try {
      renameSync(temps[i] ?? '', f.path);
    } catch (e) {
      throw failed(f.path, e);
    }
  });
}

function convert(input: string, out: string): string {
  const format = outputFormat(out);
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new ConvertError(`${out}: the folder ${folder} does not exist`);
  const model = loadModel(input);
  const label = format === 'onnx' ? 'ONNX' : formatInfo(format).label;
  try {
    if (format === 'onnx') {
      if (!model.weights)
        throw new ConvertError(
          `${out}: cannot write ONNX: ${input} holds no weights, and an .onnx file carries them (convert a model with weights: .onnx, or model.json with its weight files)`,
        );
      writeAll([{ path: out, data: serializeOnnx(model.spec, model.weights, { labels: model.classes }) }]);
      return `${out} (ONNX with weights${model.classes ? ` and ${model.classes.length} class names` : ''})`;
    }
    if (format === 'keras') {
      const written = serializeKerasJson(model.spec, model.weights);
      const shards = written.shards.map((s) => ({ path: join(folder, s.path), data: s.data }));
      writeAll([...shards, { path: out, data: written.json }]);
      return shards.length > 0
        ? `${out} (${label}) and ${shards.length} weight file(s)`
        : `${out} (${label})`;
    }
    if (format === 'pbtxt' && model.weights) {
      writeAll([{ path: out, data: exportText(model.spec, format, model.weights) }]);
      return `${out} (${label}) with its weights as constants`;
    }
    writeAll([{ path: out, data: exportText(model.spec, format) }]);
    const dropped = model.weights ? '; the weights were not written, as the format holds none' : '';
    return `${out} (${label})${dropped}`;
  } catch (e) {
    if (e instanceof FormatError) throw new ConvertError(`${out}: cannot write ${label}: ${e.text.en}`);
    throw e;
  }
}

function main(argv: string[]): number {
  const [input, out, ...extra] = argv;
  if (input === undefined || out === undefined || extra.length > 0 || argv.some((a) => a.startsWith('--'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    process.stdout.write(`wrote ${oneLine(convert(input, out))}\n`);
    return 0;
  } catch (e) {
    const known = e instanceof ModelInputError || e instanceof ConvertError;
    const message = known ? e.message : `${input}: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`${oneLine(message)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));

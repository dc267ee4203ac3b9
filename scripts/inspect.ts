/**
 * `npm run inspect -- <file | share link | zoo:name> [--json]`: a Keras-style summary of a
 * model file (ONNX .onnx with its weights and class names, Caffe .prototxt, TensorFlow GraphDef
 * .pbtxt, Keras / TensorFlow.js model.json with the weight shards beside it, CNN Studio spec
 * JSON), a share link or a zoo model: one row per layer with output
 * shape, parameters and multiply-adds, then totals (trainable / non-trainable, FLOPs) and the
 * importer's notes. Problems go to stderr as one line naming the input (and line:column) and
 * exit with 1; `--json` lists them under `problems` too.
 */
import { PARAMETER_CONVENTION, summarize, summaryText } from '../src/lib/formats/summary';
import { loadModel, ModelInputError, oneLine } from '../src/node/modelInput';
import { cellText } from '../src/lib/formats/summary';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const targets = argv.filter((a) => a !== '--json');
  const unknown = targets.find((a) => a.startsWith('--'));
  if (unknown || targets.length !== 1) {
    process.stderr.write(
      `${unknown ? `unknown option ${unknown}; ` : ''}usage: npm run inspect -- <model file | zoo:name> [--json]\n`,
    );
    return 2;
  }
  const target = targets[0] ?? '';
  const label = cellText(target, 200);
  try {
    const { spec, source, notes, classes } = loadModel(target);
    const summary = summarize(spec);
    const problems = summary.layers.flatMap((r) => (r.problem ? [{ layer: r.name, reason: r.problem }] : []));
    if (json)
      process.stdout.write(
        `${JSON.stringify({
          name: summary.name,
          layers: summary.layers.map(({ name, type, outputShape, params, macs }) => ({
            name,
            type,
            outputShape,
            params,
            macs,
          })),
          parameterConvention: PARAMETER_CONVENTION,
          totalParams: summary.totalParams,
          trainableParams: summary.trainableParams,
          nonTrainableParams: summary.nonTrainableParams,
          totalMacs: summary.totalMacs,
          totalFlops: 2 * summary.totalMacs,
          notes: notes.map((n) => n.en),
          classes: classes ?? null,
          problems,
        })}\n`,
      );
    else
      process.stdout.write(
        summaryText(
          summary,
          source,
          notes.map((n) => n.en),
        ),
      );
    const first = problems[0];
    if (first) {
      process.stderr.write(`${label}: layer ${cellText(first.layer)}: ${oneLine(first.reason)}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    const message =
      e instanceof ModelInputError ? e.message : `${target}: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`${oneLine(message)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));

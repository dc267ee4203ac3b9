/**
 * `npm run inspect -- <file | zoo:name> [--json]`: a Keras-style summary of a model file
 * (Caffe .prototxt, Keras / TensorFlow.js model.json, CNN Studio spec JSON) or of a zoo
 * model: one row per layer with output shape, parameters and multiply-adds, then totals.
 * Problems go to stderr as one line naming the file (and line:column) and exit with 1.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ZOO, zooEntry } from '../src/lib/zoo';
import { detectFormat, formatInfo, importText } from '../src/lib/formats';
import { FormatError } from '../src/lib/formats/formatError';
import { summarize, summaryText } from '../src/lib/formats/summary';
import type { NetworkSpec } from '../src/lib/spec/types';

class InspectError extends Error {}

function load(target: string): { spec: NetworkSpec; source: string } {
  if (target.startsWith('zoo:')) {
    const id = target.slice(4);
    const entry = zooEntry(id);
    if (!entry)
      throw new InspectError(
        `${target}: no such zoo model; the zoo has ${ZOO.map((e) => `zoo:${e.card.id}`).join(', ')}`,
      );
    return { spec: entry.spec(), source: `zoo model ${id}` };
  }
  if (!existsSync(target)) throw new InspectError(`${target}: file not found`);
  if (statSync(target).isDirectory())
    throw new InspectError(`${target}: is a folder; give the model file (model.json, .prototxt or .json)`);
  const text = readFileSync(target, 'utf8');
  const format = detectFormat(text, target);
  if (!format)
    throw new InspectError(
      `${target}: not a model file CNN Studio reads (expected a Caffe .prototxt, a Keras / TensorFlow.js model.json or CNN Studio spec JSON)`,
    );
  try {
    return { spec: importText(text, format).spec, source: `${target}, ${formatInfo(format).label}` };
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    const pos = e.place.pos ? `:${e.place.pos.line}:${e.place.pos.column}` : '';
    const path = e.place.path ? ` (${e.place.path})` : '';
    throw new InspectError(`${target}${pos}${path}: ${e.text.en}`);
  }
}

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
  try {
    const { spec, source } = load(target);
    const summary = summarize(spec);
    if (json)
      process.stdout.write(
        `${JSON.stringify({
          layers: summary.layers.map(({ name, type, outputShape, params, macs }) => ({
            name,
            type,
            outputShape,
            params,
            macs,
          })),
          totalParams: summary.totalParams,
          totalMacs: summary.totalMacs,
        })}\n`,
      );
    else process.stdout.write(summaryText(summary, source));
    const problem = summary.layers.find((r) => r.problem);
    if (problem) {
      process.stderr.write(`${target}: layer ${problem.name}: ${problem.problem ?? ''}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    process.stderr.write(
      `${e instanceof InspectError ? e.message : `${target}: ${e instanceof Error ? e.message : String(e)}`}\n`,
    );
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));

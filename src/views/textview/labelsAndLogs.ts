/**
 * What the text pane does with the files that come with (or instead of) a model: labels
 * files name the classes of the model opened with them (or of the current one, dropped
 * alone), training logs go to the logs chart. Each returns the lines the pane shows.
 */
import type { I18n } from '../../app/state/i18n.svelte';
import type { ExplainerState } from '../../app/state/explainerState.svelte';
import type { TrainingLogs } from '../../app/state/trainingLogs.svelte';
import type { ClassNames } from '../../app/net/types';
import type { Imported } from '../../lib/formats';
import { inferShapes } from '../../lib/spec/inferShapes';
import { outputUnits } from '../../lib/training/trainable';
import { pickLabels } from '../../lib/labels/pickLabels';
import { formatCount } from '../../lib/i18n/format';
import type { Message } from './message';
import type { TextFile } from './modelFiles';

/** The class names a model opened from files gets, and notes on where they came from or why not. */
export function labelsForImport(
  i18n: I18n,
  imported: Imported,
  files: readonly TextFile[],
): { classes: ClassNames | undefined; notes: string[] } {
  const outputs = outputUnits(imported.spec, inferShapes(imported.spec)) ?? 0;
  const picked = pickLabels(files, imported.labels, outputs);
  const notes = picked.problems.map((p) => i18n.t('labels.unused', { reason: i18n.l(p) }));
  const labels = picked.labels;
  if (!labels) return { classes: undefined, notes };
  const count = formatCount(labels.names.length);
  const fromFile = files.some((f) => f.name === labels.source);
  notes.unshift(
    fromFile
      ? i18n.t('labels.fromFile', { file: labels.source, count })
      : i18n.t('labels.fromModel', { count }),
  );
  return { classes: { names: labels.names, dataset: '' }, notes };
}

/** Labels files dropped without a model: they name the current model's classes. */
export function labelCurrentModel(
  i18n: I18n,
  explainer: ExplainerState,
  files: readonly TextFile[],
): Message {
  const spec = explainer.spec;
  const outputs =
    explainer.explanation?.probabilities.length ?? (spec ? outputUnits(spec, inferShapes(spec)) : null) ?? 0;
  const picked = pickLabels(files, null, outputs);
  const problems = picked.problems.map((p) => i18n.l(p));
  if (!picked.labels) return { kind: 'error', text: problems.join(' '), pos: null };
  explainer.setClasses(picked.labels.names, '');
  const count = formatCount(picked.labels.names.length);
  return {
    kind: 'ok',
    text: i18n.t('labels.fromFile', { file: picked.labels.source, count }),
    notes: problems,
  };
}

/** Logs hand over to the logs chart; the message says where they went and what failed. */
export function takeLogs(i18n: I18n, logs: TrainingLogs, files: readonly TextFile[]): Message {
  const read = logs.add(files);
  const failed = logs.problems.map((p) => i18n.t('logs.failed', { file: p.file, reason: i18n.l(p.text) }));
  if (read.length === 0) return { kind: 'error', text: failed.join(' '), pos: null };
  logs.reveal();
  return {
    kind: 'ok',
    text: i18n.t('logs.read', { count: read.length, files: read.map((l) => l.file).join(', ') }),
    notes: failed,
    action: { label: i18n.t('logs.show'), run: () => logs.reveal() },
  };
}

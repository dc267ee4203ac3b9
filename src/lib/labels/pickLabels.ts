/**
 * Which class names a model opened from files gets: a labels file dropped or picked with it
 * (the user chose it) before the names in the model's own metadata, and only names whose
 * count is the model's number of outputs. Whatever is not used says why.
 */
import type { Localized } from '../spec/types';
import { readLabelFile } from './labelFiles';
import { LabelError, labelCountProblem, type ModelLabels } from './labels';

export interface PickedLabels {
  labels: ModelLabels | null;
  /** Why a labels file or the model's own names were not used. */
  problems: Localized[];
}

export function pickLabels(
  files: readonly { name: string; text: string }[],
  fromModel: ModelLabels | null | undefined,
  outputs: number,
): PickedLabels {
  const problems: Localized[] = [];
  const candidates: ModelLabels[] = [];
  for (const f of files) {
    try {
      candidates.push(readLabelFile(f.name, f.text));
    } catch (e) {
      if (!(e instanceof LabelError)) throw e;
      problems.push(e.text);
    }
  }
  if (fromModel && fromModel.names.length > 0) candidates.push(fromModel);
  let labels: ModelLabels | null = null;
  for (const c of candidates) {
    const problem = labelCountProblem(c, outputs);
    if (problem) problems.push(problem);
    else labels ??= c;
  }
  return { labels, problems };
}

/** Label files the user dropped or picked with a model, read as text and handed to lib/labels. */
import type { Localized } from '../../lib/spec/types';
import type { ModelLabels } from '../../lib/labels/labels';
import { pickLabels } from '../../lib/labels/pickLabels';
import { formatBytes } from '../../lib/i18n/format';

/** A labels file is a few hundred kilobytes at most; anything this large is something else. */
const MAX_LABEL_FILE_BYTES = 8 * 1024 * 1024;

/** The names to use for a model with `outputs` outputs, and one line on why others were not used. */
export async function chooseLabels(
  files: readonly File[],
  fromModel: ModelLabels | null,
  outputs: number,
): Promise<{ labels: ModelLabels | null; problem: Localized | null }> {
  const texts: { name: string; text: string }[] = [];
  const problems: Localized[] = [];
  for (const f of files) {
    if (f.size > MAX_LABEL_FILE_BYTES)
      problems.push({
        en: `${f.name} (${formatBytes(f.size)}) is too large to be a labels file.`,
        zh: `${f.name}（${formatBytes(f.size)}）太大，不像是标签文件。`,
      });
    else texts.push({ name: f.name, text: await f.text() });
  }
  const picked = pickLabels(texts, fromModel, outputs);
  problems.push(...picked.problems);
  const problem =
    problems.length > 0
      ? { en: problems.map((p) => p.en).join(' '), zh: problems.map((p) => p.zh).join(' ') }
      : null;
  return { labels: picked.labels, problem };
}

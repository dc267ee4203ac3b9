/**
 * Class labels: the names of a classifier's outputs, one per output, from the model's own
 * metadata, a labels file or the user. Labels are untrusted text: they are cleaned of line
 * breaks and control characters here (so "one per line" stays true and XML can hold them)
 * and escaped wherever they are written. A list whose length differs from the model's
 * outputs is never used: the message names both counts and where the list came from.
 */
import type { Localized } from '../spec/types';

/** Labels and where they came from (a file name, "userDefinedMetadata", "metadata_props", …). */
export interface ModelLabels {
  names: string[];
  source: string;
}

/** More labels than any classifier CNN Studio shows has outputs (ImageNet-21k has 21,843). */
export const MAX_LABELS = 100_000;
/** A label longer than this is not a class name. */
export const MAX_LABEL_CHARS = 1000;

/** A label as shown and stored: control characters and line breaks as spaces, trimmed. */
export function cleanLabel(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
}

/** Why a list of labels cannot be used, in both languages. */
export class LabelError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/**
 * Labels from a JSON value that should be a list of strings (model metadata, a share link):
 * cleaned, or a LabelError naming `where` when the value is not such a list.
 */
export function labelsFromJson(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new LabelError({
      en: `${where}: the class names must be a list of strings`,
      zh: `${where}：类别名称必须是字符串列表`,
    });
  checkSize(value.length, where);
  return value.map((v: string, i) => {
    if (v.length > MAX_LABEL_CHARS) throw tooLong(where, { en: `name ${i + 1}`, zh: `第 ${i + 1} 个名称` });
    return cleanLabel(v);
  });
}

function checkSize(count: number, where: string): void {
  if (count > MAX_LABELS)
    throw new LabelError({
      en: `${where} has ${count.toLocaleString('en-US')} class names; at most ${MAX_LABELS.toLocaleString('en-US')} are read`,
      zh: `${where} 有 ${count} 个类别名称；最多读取 ${MAX_LABELS} 个`,
    });
}

function tooLong(where: string, which: Localized): LabelError {
  return new LabelError({
    en: `${where}, ${which.en}: a class name longer than ${MAX_LABEL_CHARS} characters`,
    zh: `${where}，${which.zh}：类别名称超过 ${MAX_LABEL_CHARS} 个字符`,
  });
}

/**
 * Labels typed or pasted one per line: trailing blank lines are ignored, a blank line between
 * names is an error naming its line (it would shift every later name to the wrong output).
 */
export function parseLabelLines(text: string, where: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  checkSize(lines.length, where);
  return lines.map((line, i) => {
    if (line.length > MAX_LABEL_CHARS) throw tooLong(where, { en: `line ${i + 1}`, zh: `第 ${i + 1} 行` });
    const name = cleanLabel(line);
    if (name === '')
      throw new LabelError({
        en: `${where}, line ${i + 1}: an empty class name (every later name would belong to the wrong output)`,
        zh: `${where}，第 ${i + 1} 行：类别名称为空（后面的每个名称都会对应到错误的输出）`,
      });
    return name;
  });
}

/** Why `labels` do not fit a model with `outputs` outputs, or null when they do. */
export function labelCountProblem(labels: ModelLabels, outputs: number): Localized | null {
  const n = labels.names.length;
  if (n === outputs) return null;
  return {
    en: `${labels.source} has ${n} class ${n === 1 ? 'name' : 'names'}, but the model has ${outputs} ${outputs === 1 ? 'output' : 'outputs'}; the names were not used`,
    zh: `${labels.source} 有 ${n} 个类别名称，但模型有 ${outputs} 个输出；这些名称未被使用`,
  };
}

/**
 * Names stored by earlier versions for a model without labels ("#0", "#1", …): they number
 * the outputs and are not the model's names.
 */
export function isNumbering(names: readonly string[]): boolean {
  return names.length > 0 && names.every((n, i) => n === `#${i}`);
}

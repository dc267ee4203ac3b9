/**
 * Label files that come with models: `labels.txt` / `classes.txt` (one name per line, or
 * "0 name" lines as Teachable Machine's TF Lite export writes them), Caffe's
 * `synset_words.txt` ("n01440764 tench, Tinca tinca": the first name is kept), Teachable
 * Machine's `metadata.json` (`labels`), Keras' `imagenet_class_index.json`
 * ({"0": ["n01440764", "tench"], …}) and a JSON list of names. Which file is which is
 * decided by its content; the file name only says whether to look.
 */
import { isNumbering, LabelError, labelsFromJson, parseLabelLines, type ModelLabels } from './labels';

/** Files dropped or picked with a model that may hold its labels. */
export function isLabelFileName(name: string): boolean {
  return (
    /\.(txt|names)$/i.test(name) ||
    /^(metadata|labels|classes|class_names|imagenet_class_index)\.json$/i.test(name)
  );
}

const SYNSET = /^n\d{8}\s+(.+)$/;
const INDEXED = /^(\d+)[\s:,]\s*(.*\S)\s*$/;

/** "n01440764 tench, Tinca tinca" lines → "tench"; "0 cat" lines numbered from 0 or 1 → "cat". */
function stripLinePrefixes(names: string[]): string[] {
  if (names.length > 0 && names.every((n) => SYNSET.test(n)))
    return names.map((n) => (SYNSET.exec(n)?.[1] ?? n).split(',')[0]?.trim() ?? n);
  const indexed = names.map((n) => INDEXED.exec(n));
  const first = Number(indexed[0]?.[1]);
  if (
    names.length > 1 &&
    (first === 0 || first === 1) &&
    indexed.every((m, i) => m !== null && Number(m[1]) === first + i)
  )
    return indexed.map((m, i) => m?.[2] ?? names[i] ?? '');
  return names;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An {"0": …, "1": …} object (imagenet_class_index.json): the names in index order. */
function indexedObject(o: Record<string, unknown>, file: string): string[] | null {
  const keys = Object.keys(o);
  if (keys.length === 0 || !keys.every((k) => /^\d+$/.test(k))) return null;
  return keys.map((_, i) => {
    const v = o[String(i)];
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && typeof v[v.length - 1] === 'string') return v[v.length - 1] as string;
    throw new LabelError({
      en: `${file}: entry "${i}" is missing or is not a name (expected "${i}": "name" or ["id", "name"])`,
      zh: `${file}：缺少条目 "${i}" 或它不是名称（应为 "${i}": "名称" 或 ["id", "名称"]）`,
    });
  });
}

/** The labels a file holds; a LabelError names the file and what is wrong. */
export function readLabelFile(file: string, text: string): ModelLabels {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(file)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new LabelError({ en: `${file} is not valid JSON`, zh: `${file} 不是有效的 JSON` });
    }
    if (Array.isArray(json)) return { names: labelsFromJson(json, file), source: file };
    if (isRecord(json) && json.labels !== undefined)
      return { names: labelsFromJson(json.labels, file), source: file };
    const indexed = isRecord(json) ? indexedObject(json, file) : null;
    if (indexed) return { names: labelsFromJson(indexed, file), source: file };
    throw new LabelError({
      en: `${file} holds no class names (expected a list of names, "labels": […] or {"0": …, "1": …})`,
      zh: `${file} 中没有类别名称（应为名称列表、"labels": […] 或 {"0": …, "1": …}）`,
    });
  }
  const names = stripLinePrefixes(parseLabelLines(body, file));
  if (names.length === 0)
    throw new LabelError({ en: `${file} is empty: no class names`, zh: `${file} 是空的：没有类别名称` });
  return { names, source: file };
}

/**
 * The class names in the model's `userDefinedMetadata` (tfjs model.json): what CNN Studio
 * writes (`cnnStudio.classes`), or a `labels` / `classes` list another tool put there.
 */
export function labelsFromUserMetadata(meta: unknown): ModelLabels | null {
  if (!isRecord(meta)) return null;
  const ours = isRecord(meta.cnnStudio) ? meta.cnnStudio.classes : undefined;
  const where = 'userDefinedMetadata';
  for (const value of [ours, meta.labels, meta.classes, meta.classNames, meta.class_names]) {
    if (value === undefined) continue;
    const names = labelsFromJson(value, where);
    // Earlier versions wrote "#0", "#1", … for a model without names.
    if (names.length > 0 && !isNumbering(names)) return { names, source: where };
  }
  return null;
}

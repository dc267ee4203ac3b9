/**
 * Class names in an ONNX file's metadata_props. Exporters use several keys and spellings:
 * a JSON list (`["cat", "dog"]`), a JSON object or Python dict by index (Ultralytics writes
 * `names: {0: 'person', 1: 'bicycle'}`), or one name per line / comma-separated. We write a
 * JSON list under `labels`. Values are text from the file: they are returned as plain
 * strings for the views to escape where they go.
 */
const KEYS = ['labels', 'classes', 'class_names', 'classnames', 'names', 'class_labels', 'synset'];

/** Longest list read: ImageNet-21k has 21,841 classes. */
const MAX_LABELS = 30_000;

/** Quoted strings (single or double quotes, with backslash escapes) in order, for Python-style dicts and lists. */
function quotedStrings(text: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push(
      (m[1] ?? m[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)),
    );
  return out;
}

function parseList(value: string): string[] | null {
  const text = value.trim();
  if (text.startsWith('[') || text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const entries = Object.entries(parsed as Record<string, unknown>);
        if (entries.every(([k, v]) => /^\d+$/.test(k) && typeof v === 'string'))
          return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v as string);
      }
    } catch {
      // A Python literal rather than JSON: read its quoted strings below.
    }
    const strings = quotedStrings(text);
    return strings.length > 0 ? strings : null;
  }
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 1) return lines;
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 1 ? parts : null;
}

/** Class names from metadata_props, or null when the file names none. */
export function labelsFromMetadata(props: readonly { key?: string; value?: string }[]): string[] | null {
  for (const key of KEYS) {
    const entry = props.find((p) => (p.key ?? '').toLowerCase() === key);
    if (!entry?.value) continue;
    const list = parseList(entry.value);
    if (list && list.length >= 2 && list.length <= MAX_LABELS) return list;
  }
  return null;
}

export function labelsToMetadata(labels: readonly string[]): { key: string; value: string } {
  return { key: 'labels', value: JSON.stringify(labels) };
}

/**
 * JSON laid out for reading: objects one key per line, but short lists of plain values
 * (kernel sizes, shapes) and small flat objects kept on one line, as people write them.
 */
const INLINE_WIDTH = 72;

function isPlain(x: unknown): boolean {
  return x === null || typeof x !== 'object';
}

export function prettyJson(value: unknown, indent = ''): string {
  if (isPlain(value)) return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = value.every(isPlain) || value.every((v) => Array.isArray(v) && v.every(isPlain));
    if (flat) {
      // Joined item by item: a comma inside a string (a layer named "a,b") stays as it is.
      const item = (v: unknown): string =>
        Array.isArray(v)
          ? `[${v.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`
          : (JSON.stringify(v) ?? 'null');
      const one = `[${value.map(item).join(', ')}]`;
      if (one.length <= INLINE_WIDTH) return one;
    }
    return `[\n${value.map((v) => `${inner}${prettyJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => isPlain(v))) {
    const one = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
    if (one.length <= INLINE_WIDTH) return one;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

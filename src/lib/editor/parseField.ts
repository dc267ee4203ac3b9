/**
 * What a typed parameter field holds, read from the text the user typed. Reading never
 * guesses: "3.5" in a whole-number field stays 3.5 so the registry's check can refuse it
 * with its own sentence, and an empty or non-numeric field is named as such.
 */
import type { Localized, ParamValue } from '../spec/types';
import type { ParamDef } from '../layers/types';

export type FieldRead = { value: ParamValue } | { error: Localized };

function parseNumber(text: string, label: Localized): number | Localized {
  const t = text.trim();
  // Number('') is 0 and Number(' ') too: an empty field must not become a silent zero.
  if (t === '') return { en: `${label.en} is empty`, zh: `${label.zh}为空` };
  const n = Number(t);
  if (!Number.isFinite(n))
    return { en: `${label.en}: "${t}" is not a number`, zh: `${label.zh}：“${t}” 不是数字` };
  return n;
}

/** Reads a number field (int or float). */
export function readNumber(def: ParamDef, text: string): FieldRead {
  const n = parseNumber(text, def.label);
  return typeof n === 'number' ? { value: n } : { error: n };
}

/** Reads the boxes of an int-list field, one text per entry. */
export function readInts(def: ParamDef, texts: readonly string[]): FieldRead {
  const out: number[] = [];
  for (const t of texts) {
    const n = parseNumber(t, def.label);
    if (typeof n !== 'number') return { error: n };
    out.push(n);
  }
  return { value: out };
}

/** How a value shows in a text box. */
export function showValue(value: ParamValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

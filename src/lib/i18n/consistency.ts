/**
 * Checks that an English text and its Chinese translation say the same checkable things:
 * the same {placeholders}, the same numbers, the same layer names and code, and that the
 * Chinese really is Chinese. The catalogue and article tests run every text through these.
 */

const PLACEHOLDER = /\{(\w+)\}/g;
/** Numbers as written: 1,000 and 15.3 are one number each; digits inside names (Conv2D, L2) are not numbers. */
const NUMBER = /(?<![A-Za-z\d_.])\d+(?:[.,]\d+)*/g;
const CODE = /`([^`]+)`/g;
const HAN = /\p{Script=Han}/u;

function sorted(xs: Iterable<string>): string[] {
  return [...xs].sort();
}

function matches(text: string, re: RegExp, group = 0): string[] {
  return [...text.matchAll(re)].map((m) => m[group] ?? '');
}

/**
 * Layer type names that only a program would spell this way (Conv2D, ReLU, MaxPooling2D);
 * plain words such as Dense or Input are left alone since English prose uses them too.
 */
export function isDistinctiveName(name: string): boolean {
  return /\d/.test(name) || /^.+[A-Z]/.test(name);
}

export interface Mismatch {
  what: 'placeholders' | 'numbers' | 'names' | 'code' | 'untranslated' | 'empty';
  en: string[];
  zh: string[];
}

export interface CheckOptions {
  /** The text is rightly the same in both languages. */
  same?: boolean;
  /** Layer type names whose use must agree between the languages. */
  names?: readonly string[];
}

export function checkTranslation(en: string, zh: string, options: CheckOptions = {}): Mismatch[] {
  const out: Mismatch[] = [];
  if (!en.trim() || !zh.trim()) return [{ what: 'empty', en: [en], zh: [zh] }];
  const compare = (what: Mismatch['what'], a: string[], b: string[]): void => {
    if (a.join('\u0000') !== b.join('\u0000')) out.push({ what, en: a, zh: b });
  };
  compare(
    'placeholders',
    sorted(new Set(matches(en, PLACEHOLDER, 1))),
    sorted(new Set(matches(zh, PLACEHOLDER, 1))),
  );
  compare('numbers', sorted(matches(en, NUMBER)), sorted(matches(zh, NUMBER)));
  compare('code', sorted(matches(en, CODE, 1)), sorted(matches(zh, CODE, 1)));
  if (options.names) {
    const used = (text: string): string[] =>
      sorted(
        (options.names ?? []).filter((n) => isDistinctiveName(n) && new RegExp(`\\b${n}\\b`).test(text)),
      );
    compare('names', used(en), used(zh));
  }
  if (!options.same) {
    // Placeholders, numbers and code are language-neutral; what is left must be Chinese.
    const words = zh
      .replace(PLACEHOLDER, '')
      .replace(CODE, '')
      .replace(/\$[^$]*\$/g, '');
    if (en === zh || !HAN.test(words)) out.push({ what: 'untranslated', en: [en], zh: [zh] });
  }
  return out;
}

export function describeMismatch(where: string, m: Mismatch): string {
  return `${where}: ${m.what} differ between English [${m.en.join(', ')}] and Chinese [${m.zh.join(', ')}]`;
}

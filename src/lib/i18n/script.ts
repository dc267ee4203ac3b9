/**
 * Which way a label is set in a vertical column header. Latin text is laid on its side and
 * turned to read bottom to top; Chinese, Japanese and Korean characters stay upright and read
 * top to bottom. Labels can be user dataset folder names in any script, so the choice is made
 * per label, not per interface language.
 */
const cjk =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;

/** True when the text holds a CJK character (Han, kana, Hangul, CJK punctuation or full-width forms). */
export function hasCjk(text: string): boolean {
  return cjk.test(text);
}

import { describe, expect, it } from 'vitest';
import { hasCjk } from '../src/lib/i18n/script';

describe('hasCjk', () => {
  it('finds Chinese, Japanese and Korean characters, alone or among Latin ones', () => {
    for (const s of ['横条纹', '飞机', 'ねこ', 'カメラ', '고양이', 'cat猫', '（1）'])
      expect(hasCjk(s), s).toBe(true);
  });
  it('is false for Latin, Cyrillic, digits and symbols', () => {
    for (const s of ['airplane', 'class 3', 'Ünïcödé', 'кошка', '<img src=x>', ''])
      expect(hasCjk(s), s).toBe(false);
  });
});

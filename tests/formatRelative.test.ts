/** The "Why?" panel's list of layers that changed most: every value with one decimal of a percent. */
import { describe, expect, it } from 'vitest';
import { formatRelative } from '../src/lib/i18n/format';

describe('formatRelative', () => {
  it('gives each change the same decimals, as a percentage', () => {
    expect([1.29, 0.435, 0.43, 0.332].map(formatRelative)).toEqual(['129.0%', '43.5%', '43.0%', '33.2%']);
  });
  it('says a tiny change is under 0.1%, and none is 0', () => {
    expect(formatRelative(0.00001)).toBe('<0.1%');
    expect(formatRelative(0.0005)).toBe('0.1%');
    expect(formatRelative(0)).toBe('0.0%');
    expect(formatRelative(Number.NaN)).toBe('NaN');
  });
});

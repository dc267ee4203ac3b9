/** The "Why?" panel's list of layers that changed most: every value with one decimal of a percent. */
import { describe, expect, it } from 'vitest';
import { formatChange, formatRelative } from '../src/lib/i18n/format';

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

describe('formatChange', () => {
  it('gives a change of probability in signed points, with a real minus sign, one decimal each', () => {
    // The difference overview's output column mixed "−0.89", "0.225" and "−9.1e−8".
    expect([-0.89, 0.225, -1e-4, -9.1e-8, 0.0371].map(formatChange)).toEqual([
      '−89.0%',
      '+22.5%',
      '0.0%',
      '0.0%',
      '+3.7%',
    ]);
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(-0.0006)).toBe('−0.1%');
  });
});

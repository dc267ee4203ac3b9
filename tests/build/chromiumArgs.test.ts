/**
 * The browser's command line for the bench and the browser tests: Chromium keeps only the last
 * `--disable-features`, so the launcher must pass one that holds every feature turned off.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_FLAGS,
  chromiumArgs,
  DISABLED_FEATURES,
  OMNIBOX_POPUP_FEATURES,
} from '../../scripts/lib/chromium';

const featureSwitches = (args: string[]) => args.filter((a) => a.startsWith('--disable-features='));
const features = (args: string[]) => featureSwitches(args)[0]!.slice('--disable-features='.length).split(',');

describe('chromiumArgs', () => {
  it('ends with one --disable-features that turns off the omnibox popup pages and what playwright-core turns off', () => {
    const args = chromiumArgs();
    expect(featureSwitches(args)).toHaveLength(1);
    expect(args.at(-1)).toBe(featureSwitches(args)[0]);
    expect(features(args)).toEqual(
      expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'PaintHolding']),
    );
    expect(features(args)).toEqual(DISABLED_FEATURES);
    expect(args.slice(0, BASE_FLAGS.length)).toEqual(BASE_FLAGS);
  });

  it('adds a caller’s own features to the one switch instead of letting it replace the list', () => {
    const args = chromiumArgs([
      '--use-fake-ui-for-media-stream',
      '--disable-features=WebUSB,PaintHolding',
      '--mute-audio',
    ]);
    expect(featureSwitches(args)).toHaveLength(1);
    expect(features(args)).toEqual([...DISABLED_FEATURES, 'WebUSB']);
    expect(args).toContain('--use-fake-ui-for-media-stream');
    expect(args.indexOf('--use-fake-ui-for-media-stream')).toBeLessThan(args.indexOf('--mute-audio'));
  });

  it('leaves the omnibox popup pages on only when asked (the bench’s comparison with before)', () => {
    const on = features(chromiumArgs([], { omniboxPopup: true }));
    expect(on).toContain('PaintHolding');
    for (const f of OMNIBOX_POPUP_FEATURES) expect(on).not.toContain(f);
  });
});

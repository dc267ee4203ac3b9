/**
 * Starts the system Chromium through playwright-core (no browser download). The path comes
 * from CHROME_PATH or the usual install locations; a missing browser is an error that says
 * how to get one, never a silent skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `no Chromium or Chrome found (looked in ${CANDIDATES.join(', ')}); install one (Debian: apt-get install -y chromium) or set CHROME_PATH`,
    );
  return found;
}

/**
 * The address bar's suggestion popup, a web page of Chromium's own. Headless Chromium 156 loads
 * it (chrome://omnibox-popup.top-chrome/, ~0.5 MB of scripts) in a renderer of its own for every
 * new browser context, that is for every cold load the bench and the tests make, while the page
 * under test loads: on two cores it took ~170 ms of CPU from each first load. A reader's browser
 * builds it once per window, not per page.
 */
export const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/**
 * Chromium features turned off in every launch. Chromium keeps only the last
 * `--disable-features` switch, so this one replaces playwright-core's own and carries the
 * features it turns off as well (network calls to Google at start-up, paint holding on
 * same-origin navigations, third-party storage partitioning, …).
 */
export const DISABLED_FEATURES = [
  // What playwright-core turns off for automation (chromiumSwitches in playwright-core 1.65).
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  ...OMNIBOX_POPUP_FEATURES,
];

export const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Flags that give WebGL through SwiftShader on a machine without a GPU. */
export const SWIFTSHADER_FLAGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const DISABLE = '--disable-features=';

/**
 * The command line for a launch: BASE_FLAGS, then the caller's flags, with one
 * `--disable-features` at the end that holds DISABLED_FEATURES and any the caller turns off
 * (two such switches would not add up: the last alone would count). `omniboxPopup`: leave
 * Chromium's omnibox popup pages on, as before (bench:load --browser-pages compares the two).
 */
export function chromiumArgs(extraFlags: string[] = [], o: { omniboxPopup?: boolean } = {}): string[] {
  const features = new Set(
    o.omniboxPopup ? DISABLED_FEATURES.filter((f) => !OMNIBOX_POPUP_FEATURES.includes(f)) : DISABLED_FEATURES,
  );
  const rest: string[] = [];
  for (const flag of [...BASE_FLAGS, ...extraFlags]) {
    if (!flag.startsWith(DISABLE)) rest.push(flag);
    else for (const f of flag.slice(DISABLE.length).split(',')) if (f) features.add(f);
  }
  return [...rest, `${DISABLE}${[...features].join(',')}`];
}

export function launchChromium(
  extraFlags: string[] = [],
  o: { omniboxPopup?: boolean } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extraFlags, o),
  });
}

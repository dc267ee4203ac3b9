/**
 * `npx tsx scripts/benchTraining.ts [--no-build] [--json]`: the training figures alone
 * (`npm run bench` includes them too): builds the app, serves dist/ and trains TinyVGG on the
 * built-in shapes in headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs, runMain, usage } from './lib/args';
import { launchChromium } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { benchTraining, trainingLines } from './lib/benchTraining';

const OPTIONS = {
  build: { kind: 'bool', default: true, help: 'run vite build first (--no-build to reuse dist/)' },
  limit: { kind: 'number', default: 180, help: 'give up after this many seconds of training' },
  json: { kind: 'bool', default: false, help: 'print the results as one JSON object on the last line' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npx tsx scripts/benchTraining.ts -- [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (args.build) {
    log('building (vite build)…');
    const r = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  }
  const server = await serveStatic('dist');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
    await page.goto(server.url);
    const r = await benchTraining(page, { limitSeconds: args.limit, log });
    log(trainingLines(r, args.limit).join('\n'));
    if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

runMain(main);

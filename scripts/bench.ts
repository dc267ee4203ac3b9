/**
 * `npm run bench`: builds the app, serves dist/ on 127.0.0.1 and measures it in headless
 * Chromium: activation extraction, new image → overview redrawn, navigation → first overview,
 * heap and leaked tensors, as medians over many images; saliency, Grad-CAM, occlusion and FGSM
 * on one image (benchAttribution.ts); opening ResNet-18 and MobileNet v2 from the zoo (benchOpen.ts)
 * and "Why?" on ResNet-18 in the net worker (benchWhy.ts). `--backend webgl|wasm|cpu` forces a
 * backend (webgl runs on SwiftShader here), `--compare` runs all three, `--json` ends with
 * one JSON object. It starts with the CPU model and a calibration figure (a fixed kernel timed
 * in the page) so that runs on two machines can be compared.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs, runMain, usage } from './lib/args';
import { launchChromium, SWIFTSHADER_FLAGS } from './lib/chromium';
import { serveStatic } from './lib/staticServer';
import { benchBackend } from './lib/benchPage';
import { formatTable, targetLines, type BenchResult } from './lib/benchStats';
import { benchTraining, trainingLines, type TrainingBench } from './lib/benchTraining';
import { describeMachine, machineReport, type MachineReport } from './lib/benchBytes';
import { benchLiveCamera, type LiveBench } from './lib/benchLive';
import { attributionLines } from './lib/benchAttribution';
import { benchOpen, openLines, type OpenBench } from './lib/benchOpen';
import { benchWhy, whyLines, type WhyBench } from './lib/benchWhy';

const OPTIONS = {
  backend: { kind: 'string', default: 'auto', help: 'webgl, wasm, cpu, or auto (the app’s own choice)' },
  compare: { kind: 'bool', default: false, help: 'measure webgl, wasm and cpu one after another' },
  images: { kind: 'number', default: 60, help: 'images to time (medians over these; at least 50)' },
  // Enough loads for a steady median on a shared machine whose speed drifts from minute to minute.
  loads: { kind: 'number', default: 11, help: 'page loads to time (median)' },
  training: {
    kind: 'bool',
    default: true,
    help: 'also train TinyVGG on the built-in shapes (--no-training to skip)',
  },
  live: { kind: 'bool', default: true, help: 'also follow a fake camera live (--no-live to skip)' },
  open: {
    kind: 'bool',
    default: true,
    help: 'also open ResNet-18 and MobileNet v2 from the zoo (--no-open to skip)',
  },
  opens: { kind: 'number', default: 3, help: 'opens of each big net to time (median)' },
  build: { kind: 'bool', default: true, help: 'run vite build first (--no-build to reuse dist/)' },
  json: { kind: 'bool', default: false, help: 'print the results as one JSON object on the last line' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

const BACKENDS = ['webgl', 'wasm', 'cpu', 'auto'];

async function main(): Promise<void> {
  const args = parseArgs(OPTIONS, process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`npm run bench -- [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  if (!BACKENDS.includes(args.backend))
    throw new Error(`--backend must be one of ${BACKENDS.join(', ')}, not "${args.backend}"`);
  if (args.images < 1 || args.loads < 1) throw new Error('--images and --loads must be at least 1');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (args.build) {
    log('building (vite build)…');
    const r = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  }
  const server = await serveStatic('dist');
  const results: BenchResult[] = [];
  let training: TrainingBench | null = null;
  let machine: MachineReport;
  let live: LiveBench | null = null;
  let open: OpenBench | null = null;
  let why: WhyBench | null = null;
  try {
    // The machine first, on an idle browser: the calibration scales figures between machines.
    const probe = await launchChromium();
    try {
      machine = await machineReport(await probe.newPage());
    } finally {
      await probe.close();
    }
    log(`machine: ${describeMachine(machine)}`);
    for (const backend of args.compare ? ['wasm', 'webgl', 'cpu'] : [args.backend]) {
      log(`${backend}:`);
      const browser = await launchChromium(backend === 'webgl' ? SWIFTSHADER_FLAGS : []);
      try {
        results.push(
          await benchBackend(browser, {
            url: server.url,
            dist: 'dist',
            backend,
            images: args.images,
            loads: args.loads,
            log,
          }),
        );
      } finally {
        await browser.close();
      }
    }
    if (args.open) {
      log('opening big nets from the zoo (224×224, random weights):');
      const browser = await launchChromium();
      try {
        open = await benchOpen(browser, server.url, { runs: Math.max(1, args.opens), log });
        why = await benchWhy(browser, server.url, log);
      } finally {
        await browser.close();
      }
    }
    if (args.live) {
      log('live camera (fake camera at 60 frames/s):');
      live = await benchLiveCamera(server.url, { log });
    }
    if (args.training) {
      log('training (TinyVGG on the built-in shapes, wasm worker):');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
        await page.goto(server.url);
        training = await benchTraining(page, { log });
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const first = results[0]!;
  process.stdout.write(`\nmachine: ${describeMachine(machine)}\n`);
  process.stdout.write(`\n${formatTable(results)}\n\n${targetLines(first).join('\n')}\n`);
  if (live)
    process.stdout.write(
      `${live.liveCameraFps >= 30 ? 'ok  ' : 'MISS'} live camera, overview updates per second (median): ${live.liveCameraFps} (target ≥ 30)\n`,
    );
  process.stdout.write(`${attributionLines(first).join('\n')}\n`);
  if (open) process.stdout.write(`${openLines(open).join('\n')}\n`);
  if (why) process.stdout.write(`${whyLines(why).join('\n')}\n`);
  if (training) process.stdout.write(`${trainingLines(training).join('\n')}\n`);
  if (args.json)
    process.stdout.write(
      `${JSON.stringify({ ...machine, ...first, ...(live ?? {}), ...(open ?? {}), ...(why ?? {}), ...(training ?? {}), runs: results })}\n`,
    );
}

runMain(main);

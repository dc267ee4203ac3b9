/**
 * `npm run bench:big -- dirA [dirB …]`: an A/B of the big-net figures alone — opening ResNet-18
 * and MobileNet v2 from the zoo (benchOpen.ts) and "Why?" on ResNet-18 in the net worker
 * (benchWhy.ts), and with --tools the longest main-thread task of compare (and its B − A overview), FGSM and class
 * visualisation on ResNet-18 (benchWhyTools.ts). Serves each built site and measures them in turn, alternating A, B, A, B… in
 * one browser so that a shared machine's drift hits every build alike; prints each build's
 * median and spread of every figure, after the machine's CPU model and calibration figure
 * (benchBytes.ts machineReport, measured first on an idle browser, as bench.ts does).
 */
import { launchChromium } from './lib/chromium';
import { serveStatic, type StaticServer } from './lib/staticServer';
import { median, quantile } from './lib/benchStats';
import { parseArgs, runMain, usage } from './lib/args';
import { openOnce } from './lib/benchOpen';
import { benchWhy } from './lib/benchWhy';
import { benchWhyTools } from './lib/benchWhyTools';
import { describeMachine, machineReport, type MachineReport } from './lib/benchBytes';

const OPTIONS = {
  rounds: { kind: 'number', default: 5, help: 'rounds (each: every build, alternating)' },
  open: { kind: 'bool', default: true, help: 'open ResNet-18 and MobileNet v2 (--no-open to skip)' },
  why: { kind: 'bool', default: true, help: '"Why?" on ResNet-18 (--no-why to skip)' },
  tools: {
    kind: 'bool',
    default: false,
    help: 'compare, FGSM and visualise on ResNet-18: their longest main-thread tasks',
  },
  json: { kind: 'bool', default: false, help: 'print the results as one JSON object on the last line' },
  help: { kind: 'bool', default: false, help: 'show this help' },
} as const;

interface Build {
  dir: string;
  server: StaticServer;
  figures: Record<string, number[]>;
}

const NETS = ['resnet18', 'mobilenetv2'];

function record(b: Build, key: string, value: number): void {
  (b.figures[key] ??= []).push(value);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const firstOption = argv.findIndex((a) => a.startsWith('--'));
  const dirs = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const args = parseArgs(OPTIONS, firstOption < 0 ? [] : argv.slice(firstOption));
  if (args.help || dirs.length === 0) {
    process.stdout.write(`npm run bench:big -- dist [other-dist …] [options]\n${usage(OPTIONS)}\n`);
    return;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  // The machine first, on an idle browser: the calibration scales figures between machines.
  const probe = await launchChromium();
  let machine: MachineReport;
  try {
    machine = await machineReport(await probe.newPage());
  } finally {
    await probe.close();
  }
  log(`machine: ${describeMachine(machine)}`);
  const builds: Build[] = [];
  for (const dir of dirs) builds.push({ dir, server: await serveStatic(dir), figures: {} });
  try {
    for (let round = 0; round < args.rounds; round++) {
      // A fresh browser each round: after a few pages that held 224-pixel nets in their workers,
      // one browser once left a new page unable to load within 3 minutes.
      const browser = await launchChromium();
      try {
        for (const b of round % 2 ? [...builds].reverse() : builds) {
          if (args.open)
            for (const net of NETS) {
              const r = await openOnce(browser, b.server.url, net);
              record(b, `open ${net} ms`, r.ms);
              record(b, `open ${net} longest task`, r.longestTaskMs);
              record(b, `open ${net} longest frame gap`, r.longestFrameGapMs);
              log(`${b.dir} ${net}: ${Math.round(r.ms)} ms, longest task ${Math.round(r.longestTaskMs)} ms`);
            }
          if (args.why) {
            const r = await benchWhy(browser, b.server.url, (line) => log(`${b.dir}${line}`));
            record(b, 'why longest task', r.attributionLongestTaskMs);
            record(b, 'why ms', r.attributionResnet18Ms);
          }
          if (args.tools) {
            const r = await benchWhyTools(browser, b.server.url, (line) => log(`${b.dir}${line}`));
            record(b, 'idle longest task', r.idleLongestTaskMs);
            record(b, 'compare longest task', r.compareLongestTaskMs);
            record(b, 'compare B − A longest task', r.compareDiffLongestTaskMs);
            record(b, 'fgsm longest task', r.fgsmLongestTaskMs);
            record(b, 'visualise longest task', r.visualiseLongestTaskMs);
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    for (const b of builds) await b.server.close();
  }
  process.stdout.write(`\nmachine: ${describeMachine(machine)}\n`);
  for (const b of builds) {
    process.stdout.write(`\n${b.dir}\n`);
    for (const [key, values] of Object.entries(b.figures)) {
      const spread = `${Math.round(quantile(values, 0))}–${Math.round(quantile(values, 1))}`;
      process.stdout.write(
        `  ${key.padEnd(34)} median ${String(Math.round(median(values))).padStart(6)}  (${spread}; ${values.map(Math.round).join(' ')})\n`,
      );
    }
  }
  if (args.json)
    process.stdout.write(
      `${JSON.stringify(builds.map((b) => ({ dir: b.dir, ...machine, ...b.figures })))}\n`,
    );
}

runMain(main);

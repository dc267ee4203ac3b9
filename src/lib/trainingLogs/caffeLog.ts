/**
 * Caffe training logs: the glog text `caffe train` prints, read line by line as Caffe's
 * tools/extra/parse_log.py reads it. The lines that matter:
 *   I0210 13:39:22.381027 25210 solver.cpp:218] Iteration 100 (9.8 iter/s, 10.2s/100 iters), loss = 0.223
 *   I0210 13:39:22.381101 25210 solver.cpp:237]     Train net output #0: loss = 0.223 (* 1 = 0.223 loss)
 *   I0210 13:39:22.381200 25210 sgd_solver.cpp:105] Iteration 100, lr = 0.00992565
 *   I0210 13:39:31.002000 25210 solver.cpp:330] Iteration 500, Testing net (#0)
 *   I0210 13:39:32.117000 25210 solver.cpp:397]     Test net output #0: accuracy = 0.9724
 * (older Caffe leaves out the "(… iter/s …)" part). Seconds are counted from the "Solving"
 * line (or the first timestamp); glog stamps have no year, so it comes from the "Log file
 * created at" header when there is one, and a stamp earlier in the year than the one before
 * starts the next year. Every other line is skipped; a value that is not a number is an
 * error naming its line. Reading is one pass, a few anchored regexes per line.
 */
import type { ParsedLog, LogSeries, StandardMetric } from './types';
import { addPoint, LogFormatError, readLogNumber } from './types';

/**
 * A Caffe log has progress lines, glog-stamped (`I0210 13:39:22.38 25210 solver.cpp:218] Iteration …`)
 * or, with the prefix turned off, at the start of a line. A model file never has either.
 */
const PREFIXED =
  /^[IWEF]\d{4} \d\d:\d\d:\d\d[^\n\]]{0,120}\] {0,8}(?:Iteration \d+|(?:Train|Test) net output #\d+:)/m;
const BARE =
  /^ {0,8}(?:Iteration \d+(?: \([^)\n]{0,200}\))?, (?:loss|lr) = |(?:Train|Test) net output #\d+: )/m;

export function isCaffeLog(text: string): boolean {
  return PREFIXED.test(text) || BARE.test(text);
}

const STAMP = /^[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?\s/;
const CREATED = /^Log file created at: (\d{4})\/(\d\d)\/(\d\d)/;
const TESTING = /\bIteration (\d+), Testing net \(#(\d+)\)/;
const ITER_LOSS = /\bIteration (\d+)(?: \([^)\n]{0,200}\))?, loss = ([^\s,]+)/;
const ITER_LR = /\bIteration (\d+), lr = ([^\s,]+)/;
const ITER = /\bIteration (\d+)\b/;
const NET_OUTPUT = /\b(Train|Test) net output #(\d+): (\S+) = ([^\s,]+)/;

/** glog's stamp as milliseconds since the epoch of `year` (month and day from the stamp). */
function stampMs(m: RegExpExecArray, year: number): number {
  const frac = m[6] ?? '0';
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  return Date.UTC(year, Number(m[1]) - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), ms);
}

/** Walks the lines of `text` without splitting it into one big array first. */
function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  let start = 0;
  let n = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    visit(line, n);
    start = end + 1;
    n++;
  }
}

export function parseCaffeLog(text: string, file: string): ParsedLog {
  const series = new Map<string, LogSeries>();
  let year = 2001;
  let lastMonth = 0;
  let startMs = Number.NaN;
  let nowMs = Number.NaN;
  let solvingSeen = false;
  let iteration = 0;
  let testIteration = 0;
  let testNet = 0;
  let sawIteration = false;
  const number = (raw: string, line: number, what: string): number => {
    const v = readLogNumber(raw);
    if (v === null)
      throw new LogFormatError(
        file,
        {
          en: `line ${line}: ${what} = "${raw.slice(0, 40)}" is not a number`,
          zh: `第 ${line} 行：${what} = "${raw.slice(0, 40)}" 不是数字`,
        },
        line,
      );
    return v;
  };
  const point = (x: number, value: number) => ({
    x,
    seconds: Number.isNaN(nowMs) ? Number.NaN : Math.max(0, (nowMs - startMs) / 1000),
    value,
  });
  forEachLine(text, (line, n) => {
    const created = CREATED.exec(line);
    if (created) {
      year = Number(created[1]);
      return;
    }
    const stamp = STAMP.exec(line);
    if (stamp) {
      const month = Number(stamp[1]);
      if (month < lastMonth) year++;
      lastMonth = month;
      nowMs = stampMs(stamp, year);
      // parse_log.py counts from the line that says "Solving <net>".
      if (!solvingSeen && line.includes('] Solving ')) {
        solvingSeen = true;
        startMs = nowMs;
      } else if (Number.isNaN(startMs)) startMs = nowMs;
    }
    if (!line.includes('Iteration ') && !line.includes(' net output #')) return;
    const testing = TESTING.exec(line);
    if (testing) {
      testIteration = iteration = Number(testing[1]);
      testNet = Number(testing[2]);
      sawIteration = true;
      return;
    }
    const loss = ITER_LOSS.exec(line);
    if (loss) {
      iteration = Number(loss[1]);
      sawIteration = true;
      addPoint(series, 'iter:loss', 'loss', point(iteration, number(loss[2] ?? '', n, 'loss')));
      return;
    }
    const lr = ITER_LR.exec(line);
    if (lr) {
      iteration = Number(lr[1]);
      sawIteration = true;
      addPoint(series, 'iter:lr', 'lr', point(iteration, number(lr[2] ?? '', n, 'lr')));
      return;
    }
    const output = NET_OUTPUT.exec(line);
    if (output) {
      const [, phase, , name = '', raw = ''] = output;
      const value = number(raw, n, name);
      if (phase === 'Train') addPoint(series, `train:${name}`, `Train net: ${name}`, point(iteration, value));
      else
        addPoint(
          series,
          `test${testNet}:${name}`,
          `Test net #${testNet}: ${name}`,
          point(testIteration, value),
        );
      return;
    }
    const iter = ITER.exec(line);
    if (iter) {
      iteration = Number(iter[1]);
      sawIteration = true;
    }
  });
  if (!sawIteration && series.size === 0)
    throw new LogFormatError(file, {
      en: 'no training progress found: a Caffe log has lines such as "Iteration 100, loss = 0.5"',
      zh: '没有找到训练进度：Caffe 日志中应有 “Iteration 100, loss = 0.5” 这样的行',
    });
  return {
    file,
    kind: 'caffe',
    xUnit: 'iteration',
    hasSeconds: !Number.isNaN(startMs),
    series,
    standard: caffeStandard(series),
  };
}

/** The series plot_training_log draws: the first test net's accuracy and loss, the loss and lr lines. */
function caffeStandard(series: Map<string, LogSeries>): Partial<Record<StandardMetric, string>> {
  const keys = [...series.keys()];
  const test = keys.filter((k) => k.startsWith('test0:'));
  const out: Partial<Record<StandardMetric, string>> = {};
  const acc = test.find((k) => /acc|top-?1/i.test(k.slice(6)));
  const testLoss = test.find((k) => /loss/i.test(k.slice(6)));
  const trainLoss = series.has('iter:loss') ? 'iter:loss' : keys.find((k) => /^train:.*loss/i.test(k));
  if (acc) out.testAccuracy = acc;
  if (testLoss) out.testLoss = testLoss;
  if (trainLoss) out.trainLoss = trainLoss;
  if (series.has('iter:lr')) out.learningRate = 'iter:lr';
  return out;
}

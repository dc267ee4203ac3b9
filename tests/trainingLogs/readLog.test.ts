/**
 * Training logs: Caffe glog logs (new and old progress lines, with and without glog's file
 * header, across a new year, diverged) and Keras CSVLogger files read into series against
 * iterations / epochs and seconds; detection by content; a malformed number names its line.
 * The logs are written by tests/fixtures/logs/caffeLogWriter.ts.
 */
import { describe, expect, it } from 'vitest';
import { readTrainingLog, sniffTrainingLog } from '../../src/lib/trainingLogs/readLog';
import { LogFormatError, readLogNumber } from '../../src/lib/trainingLogs/types';
import { splitCsvLine } from '../../src/lib/trainingLogs/kerasCsv';
import { serializePrototxt } from '../../src/lib/formats/caffe/caffeExport';
import { serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { serializeSpecJson } from '../../src/lib/formats/specJson';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { DEFAULT_RUN, runCurves, writeCaffeLog, writeKerasCsv } from '../fixtures/logs/caffeLogWriter';

function failure(text: string, file = 'run.log'): LogFormatError {
  try {
    readTrainingLog(text, file);
  } catch (e) {
    if (e instanceof LogFormatError) return e;
    throw e;
  }
  throw new Error('expected the log to be refused');
}

const series = (text: string, key: string) => {
  const s = readTrainingLog(text, 'run.log').series.get(key);
  if (!s) throw new Error(`no series ${key}`);
  return s;
};

describe('Caffe logs', () => {
  it.each(['new', 'old'] as const)(
    '%s-style progress lines give loss, lr, test accuracy and test loss',
    (style) => {
      const log = readTrainingLog(writeCaffeLog({ style }), 'lenet.log');
      expect(log.kind).toBe('caffe');
      expect(log.xUnit).toBe('iteration');
      expect(log.standard).toEqual({
        testAccuracy: 'test0:accuracy',
        testLoss: 'test0:loss',
        trainLoss: 'iter:loss',
        learningRate: 'iter:lr',
      });
      const loss = log.series.get('iter:loss')!;
      // Every 100 iterations from 0 to 1900, and the last line at 2000.
      expect(loss.x).toEqual([...Array.from({ length: 20 }, (_, i) => i * 100), 2000]);
      loss.x.forEach((it, i) => expect(loss.value[i]! / runCurves(DEFAULT_RUN, it).loss).toBeCloseTo(1, 0));
      const acc = log.series.get('test0:accuracy')!;
      expect(acc.x).toEqual([0, 500, 1000, 1500, 2000]);
      acc.x.forEach((it, i) => expect(acc.value[i]).toBeCloseTo(runCurves(DEFAULT_RUN, it).accuracy, 5));
      const lr = log.series.get('iter:lr')!;
      expect(lr.value[10]).toBeCloseTo(runCurves(DEFAULT_RUN, 1000).lr, 7);
      expect(log.series.get('train:loss')?.value).toEqual(loss.value.slice(0, 20));
    },
  );

  it('counts seconds from the "Solving" line, as parse_log.py does', () => {
    const log = readTrainingLog(writeCaffeLog(), 'lenet.log');
    expect(log.hasSeconds).toBe(true);
    const acc = log.series.get('test0:accuracy')!;
    // 0.02 s per iteration: the test at iteration 500 is 10 s in.
    expect(acc.seconds.map((s) => Math.round(s * 100) / 100)).toEqual([0, 10, 20, 30, 40]);
  });

  it.each([true, false])('a run across new year keeps counting seconds (file header: %s)', (header) => {
    const start = new Date(Date.UTC(2016, 11, 31, 23, 59, 50));
    const acc = series(writeCaffeLog({ start, header }), 'test0:accuracy');
    expect(acc.seconds.map((s) => Math.round(s))).toEqual([0, 10, 20, 30, 40]);
  });

  it('a diverged run reads its -nan values as NaN', () => {
    const loss = series(writeCaffeLog({ divergeAt: 1500 }), 'iter:loss');
    expect(loss.value.slice(0, 15).every(Number.isFinite)).toBe(true);
    expect(loss.value.slice(15).every(Number.isNaN)).toBe(true);
  });

  it('skips unrelated lines wherever they are', () => {
    const lines = writeCaffeLog().split('\n');
    const noisy = lines.flatMap((l, i) =>
      i % 7 === 0
        ? [
            l,
            'W0210 13:39:22.1 25210 io.cpp:80] Could not open file: <weird> "quotes" \\ back',
            '',
            '\u0000\u0001garbage',
          ]
        : [l],
    );
    expect(series(noisy.join('\n'), 'test0:accuracy').x).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('a malformed number is an error naming its line and value', () => {
    const lines = writeCaffeLog().split('\n');
    const at = lines.findIndex((l) => l.includes('Iteration 300 ('));
    lines[at] = lines[at]!.replace(/loss = [\d.]+/, 'loss = 0.1.2');
    const e = failure(lines.join('\n'), 'broken.log');
    expect(e.line).toBe(at + 1);
    expect(e.text.en).toBe(`line ${at + 1}: loss = "0.1.2" is not a number`);
    expect(e.message).toBe(`broken.log:${at + 1}: line ${at + 1}: loss = "0.1.2" is not a number`);
    expect(e.text.zh).toContain(`第 ${at + 1} 行`);
  });

  it('reads CRLF line ends and a log without glog prefixes', () => {
    const crlf = writeCaffeLog().replace(/\n/g, '\r\n');
    expect(series(crlf, 'iter:lr').x.length).toBe(20);
    const bare = writeCaffeLog()
      .split('\n')
      .map((l) => l.replace(/^[IWEF]\d{4} [\d:.]+ \d+ [^\]]+\] /, ''))
      .join('\n');
    const log = readTrainingLog(bare, 'bare.log');
    expect(log.hasSeconds).toBe(false);
    expect(log.series.get('test0:loss')?.x).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('a very long line with many "Iteration" words is read in one pass', () => {
    const line = 'I0210 13:39:22.1 25210 x.cpp:1] ' + 'Iteration 1 ('.repeat(80_000);
    expect(series(`${writeCaffeLog()}${line}\n`, 'iter:loss').x.length).toBe(21);
  });
});

describe('Keras CSVLogger files', () => {
  it('reads epochs (from 1) and maps val_accuracy, val_loss, loss and learning_rate', () => {
    const log = readTrainingLog(writeKerasCsv(12), 'history.csv');
    expect(log.kind).toBe('keras-csv');
    expect(log.xUnit).toBe('epoch');
    expect(log.hasSeconds).toBe(false);
    expect(log.standard).toEqual({
      testAccuracy: 'csv:val_accuracy',
      testLoss: 'csv:val_loss',
      trainLoss: 'csv:loss',
      learningRate: 'csv:learning_rate',
    });
    const loss = log.series.get('csv:loss')!;
    expect(loss.x).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(loss.value[0]).toBeCloseTo(2 * Math.exp(-1 / 4) + 0.1, 10);
    expect(log.series.get('csv:accuracy')?.value.length).toBe(12);
  });

  it('reads the older names (acc, val_acc, lr), NA values and a semicolon separator', () => {
    const text = writeKerasCsv(4, { accName: 'acc', lrName: 'lr' })
      .replace(/,/g, ';')
      .replace(/\r\n2;(.*?);/, '\r\n2;NA;');
    const log = readTrainingLog(text, 'old.csv');
    expect(log.standard).toMatchObject({ testAccuracy: 'csv:val_acc', learningRate: 'csv:lr' });
    expect(log.series.get('csv:acc')?.x).toEqual([1, 2, 4]);
  });

  it('a bad value names its line and column; a short row says how many fields it has', () => {
    const lines = writeKerasCsv(3).split('\r\n');
    lines[2] = lines[2]!.replace(/,[^,]*$/, ',oops');
    const e = failure(lines.join('\n'), 'h.csv');
    expect(e.text.en).toBe('line 3, column 6 (val_loss): "oops" is not a number');
    const short = writeKerasCsv(3).split('\r\n');
    short[1] = '0,0.5';
    expect(failure(short.join('\n')).text.en).toBe('line 2: 2 fields, but the header has 6');
  });

  it('splits quoted fields as Python writes them', () => {
    expect(splitCsvLine('1,"[1, 2]","a ""b""",', ',').map((f) => f.text)).toEqual([
      '1',
      '[1, 2]',
      'a "b"',
      '',
    ]);
  });
});

describe('which file is a log', () => {
  const spec = tinyVggSpec();
  it.each([
    ['a Caffe log', writeCaffeLog(), 'caffe'],
    ['a Keras CSVLogger file', writeKerasCsv(3), 'keras-csv'],
    ['a Caffe prototxt', serializePrototxt(spec), null],
    ['a Keras model.json', serializeKerasJson(spec).json, null],
    ['CNN Studio JSON', serializeSpecJson(spec), null],
    ['plain text', 'hello\nworld\n', null],
    ['a CSV that is not a Keras log', 'name,value\na,1\n', null],
  ])('%s', (_what, text, kind) => {
    expect(sniffTrainingLog(text)).toBe(kind);
  });

  it('a file that is neither kind says so', () => {
    expect(failure('hello\n', 'notes.txt').text.en).toMatch(
      /^this is neither a Caffe training log .* nor a Keras CSVLogger file/,
    );
  });

  it('numbers are read as C++ and Python print them, and nothing else', () => {
    expect(readLogNumber('1e-05')).toBe(1e-5);
    expect(readLogNumber('-nan')).toBeNaN();
    expect(readLogNumber('inf')).toBe(Infinity);
    for (const bad of ['', '0x10', '1.2.3', '1,5', 'NaNa']) expect(readLogNumber(bad)).toBeNull();
  });
});

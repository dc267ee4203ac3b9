/**
 * Keras' CSVLogger files: a header `epoch,<metric>,…` (Keras writes the metrics sorted by
 * name: accuracy, loss, lr or learning_rate, val_accuracy, val_loss, …) and one row per epoch,
 * the epoch counted from 0. The separator is whatever follows `epoch` (CSVLogger's `separator`
 * option); fields may be quoted as Python's csv module quotes them. `NA` and empty fields are
 * values the epoch did not have; a value that is not a number is an error naming its line and
 * column. There are no timestamps, so these logs have no seconds axis.
 */
import type { LogSeries, ParsedLog, StandardMetric } from './types';
import { addPoint, LogFormatError, readLogNumber } from './types';

const HEADER = /^\uFEFF?"?epoch"?([,;\t|])/;

export function isKerasCsv(text: string): boolean {
  const first = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/, 1)[0] ?? '';
  return HEADER.test(first) && first.length > 7;
}

/** One CSV record's fields, quotes as Python's csv module writes them (`"a, b"`, `""` for a quote). */
export function splitCsvLine(line: string, sep: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else text += line[i++];
      }
      out.push({ text, quoted: true });
      const next = line.indexOf(sep, i);
      i = next < 0 ? line.length + 1 : next + 1;
    } else {
      const next = line.indexOf(sep, i);
      const end = next < 0 ? line.length : next;
      out.push({ text: line.slice(i, end), quoted: false });
      i = end + 1;
    }
  }
  return out;
}

export function parseKerasCsv(text: string, file: string): ParsedLog {
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? '').replace(/^\uFEFF/, '');
  const sep = HEADER.exec(head)?.[1];
  if (!sep)
    throw new LogFormatError(
      file,
      {
        en: 'line 1: a CSVLogger file starts with a header "epoch,…"',
        zh: '第 1 行：CSVLogger 文件应以表头 “epoch,…” 开头',
      },
      1,
    );
  const columns = splitCsvLine(head, sep).map((f) => f.text.trim());
  const series = new Map<string, LogSeries>();
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const n = i + 1;
    const fields = splitCsvLine(line, sep);
    if (fields.length !== columns.length)
      throw new LogFormatError(
        file,
        {
          en: `line ${n}: ${fields.length} fields, but the header has ${columns.length}`,
          zh: `第 ${n} 行：有 ${fields.length} 个字段，但表头有 ${columns.length} 个`,
        },
        n,
      );
    const epoch = readLogNumber(fields[0]?.text ?? '');
    if (epoch === null || !Number.isInteger(epoch) || epoch < 0)
      throw new LogFormatError(
        file,
        {
          en: `line ${n}: epoch "${(fields[0]?.text ?? '').slice(0, 40)}" is not a whole number`,
          zh: `第 ${n} 行：epoch “${(fields[0]?.text ?? '').slice(0, 40)}” 不是整数`,
        },
        n,
      );
    fields.forEach((f, c) => {
      const name = columns[c] ?? '';
      const raw = f.text.trim();
      // Missing values, and the lists Keras writes quoted for array-valued metrics.
      if (c === 0 || raw === '' || raw === 'NA' || (f.quoted && readLogNumber(raw) === null)) return;
      const value = readLogNumber(raw);
      if (value === null)
        throw new LogFormatError(
          file,
          {
            en: `line ${n}, column ${c + 1} (${name}): "${raw.slice(0, 40)}" is not a number`,
            zh: `第 ${n} 行第 ${c + 1} 列（${name}）：“${raw.slice(0, 40)}” 不是数字`,
          },
          n,
        );
      // Epoch 0 is the first epoch, logged once it is done: x counts epochs completed.
      addPoint(series, `csv:${name}`, name, { x: epoch + 1, seconds: Number.NaN, value });
    });
  });
  if (series.size === 0)
    throw new LogFormatError(file, {
      en: 'the file has a CSVLogger header but no rows of values',
      zh: '文件有 CSVLogger 表头，但没有数值行',
    });
  return {
    file,
    kind: 'keras-csv',
    xUnit: 'epoch',
    hasSeconds: false,
    series,
    standard: kerasStandard(series),
  };
}

function kerasStandard(series: Map<string, LogSeries>): Partial<Record<StandardMetric, string>> {
  const first = (...names: string[]) => names.map((n) => `csv:${n}`).find((k) => series.has(k));
  const out: Partial<Record<StandardMetric, string>> = {};
  const acc =
    first('val_accuracy', 'val_acc', 'val_categorical_accuracy', 'val_sparse_categorical_accuracy') ??
    [...series.keys()].find((k) => /^csv:val_.*acc/.test(k));
  const testLoss = first('val_loss');
  const trainLoss = first('loss');
  const lr = first('lr', 'learning_rate');
  if (acc) out.testAccuracy = acc;
  if (testLoss) out.testLoss = testLoss;
  if (trainLoss) out.trainLoss = trainLoss;
  if (lr) out.learningRate = lr;
  return out;
}

/**
 * Which training log a text is, from its content (never its file name, so a log is never
 * taken for a model file or the other way round), and reading it.
 */
import { isCaffeLog, parseCaffeLog } from './caffeLog';
import { isKerasCsv, parseKerasCsv } from './kerasCsv';
import { LogFormatError, type ParsedLog } from './types';

export type LogKind = ParsedLog['kind'];

/** The kind of training log the text is, or null when it is none. */
export function sniffTrainingLog(text: string): LogKind | null {
  // A model file (JSON, prototxt) can quote anything in a string, but never starts like a log.
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return null;
  if (isKerasCsv(head)) return 'keras-csv';
  if (isCaffeLog(text)) return 'caffe';
  return null;
}

/** Reads a training log; a text that is neither kind, or has a bad value, is a LogFormatError. */
export function readTrainingLog(text: string, file: string): ParsedLog {
  const kind = sniffTrainingLog(text);
  if (kind === 'caffe') return parseCaffeLog(text, file);
  if (kind === 'keras-csv') return parseKerasCsv(text, file);
  throw new LogFormatError(file, {
    en: 'this is neither a Caffe training log (glog lines such as "Iteration 100, loss = 0.5") nor a Keras CSVLogger file (a header "epoch,loss,…")',
    zh: '这既不是 Caffe 训练日志（含 “Iteration 100, loss = 0.5” 这样的 glog 行），也不是 Keras CSVLogger 文件（表头为 “epoch,loss,…”）',
  });
}

/**
 * Training logs the user dropped or picked (Caffe logs, Keras CSVLogger files), read and kept
 * for the logs chart. Any part of the page that receives files (the logs panel, the model
 * text pane) hands logs here; the panel shows them and comes into view when asked.
 */
import { readTrainingLog } from '../../lib/trainingLogs/readLog';
import { LogFormatError, type ParsedLog } from '../../lib/trainingLogs/types';
import type { Localized } from '../../lib/spec/types';

/** More logs than one chart can tell apart. */
export const MAX_LOGS = 10;

export interface LogProblem {
  file: string;
  text: Localized;
}

export class TrainingLogs {
  logs = $state.raw<ParsedLog[]>([]);
  /** Why the last files that were given could not all be read. */
  problems = $state.raw<LogProblem[]>([]);
  /** Bumped to bring the chart into view (logs dropped elsewhere on the page). */
  revealRequest = $state(0);

  /** Reads the texts as logs; a file already shown is replaced, a bad one is reported by name. */
  add(files: readonly { name: string; text: string }[]): ParsedLog[] {
    const read: ParsedLog[] = [];
    const problems: LogProblem[] = [];
    for (const f of files) {
      try {
        read.push(readTrainingLog(f.text, f.name));
      } catch (e) {
        if (!(e instanceof LogFormatError)) throw e;
        problems.push({ file: f.name, text: e.text });
      }
    }
    const names = new Set(read.map((l) => l.file));
    const kept = [...this.logs.filter((l) => !names.has(l.file)), ...read];
    if (kept.length > MAX_LOGS)
      problems.push({
        file: kept
          .slice(0, kept.length - MAX_LOGS)
          .map((l) => l.file)
          .join(', '),
        text: {
          en: `at most ${MAX_LOGS} logs are drawn at once; the oldest were removed`,
          zh: `一次最多绘制 ${MAX_LOGS} 个日志；最早的已被移除`,
        },
      });
    this.logs = kept.slice(-MAX_LOGS);
    this.problems = problems;
    return read;
  }

  /** Reads picked or dropped files as logs. */
  async addFiles(files: readonly File[]): Promise<ParsedLog[]> {
    const texts: { name: string; text: string }[] = [];
    for (const f of files) texts.push({ name: f.name, text: await f.text() });
    return this.add(texts);
  }

  remove(index: number): void {
    this.logs = this.logs.filter((_, i) => i !== index);
  }

  clear(): void {
    this.logs = [];
    this.problems = [];
  }

  reveal(): void {
    this.revealRequest++;
  }
}

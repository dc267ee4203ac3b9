/**
 * What the progress bar shows for a stage of opening a model: the share of bytes read, as a
 * fraction and in words; while the worker decodes, no fraction (the bar runs without one: a
 * decoder gives no honest share done).
 */
import { formatBytes } from '../../i18n/format';
import type { OpenStage } from './protocol';

export interface ProgressView {
  /** 0…1, or null while the share done is not known. */
  fraction: number | null;
  key: 'formats.reading' | 'formats.decoding' | 'formats.building';
  vars: Record<string, string>;
}

export function progressView(file: string, stage: OpenStage): ProgressView {
  if (stage.phase === 'parse')
    return { fraction: null, key: 'formats.decoding', vars: { file, size: formatBytes(stage.total) } };
  const fraction = stage.total > 0 ? Math.min(1, stage.loaded / stage.total) : 1;
  return {
    fraction,
    key: 'formats.reading',
    vars: {
      file,
      loaded: formatBytes(stage.loaded),
      total: formatBytes(stage.total),
      percent: String(Math.floor(fraction * 100)),
    },
  };
}

/**
 * How a Caffe net's images were prepared, from its data layer's transform_param: Caffe reads
 * images with OpenCV, so channels are in BGR order and values in 0–255; it subtracts the mean
 * (per-channel mean_value, in BGR order, or a mean image in mean_file) and then multiplies by
 * scale. The .caffemodel import sets its Input to this (caffeModelImport.ts) and says so in its
 * notes.
 */
import type { Localized } from '../../spec/types';
import { field, fields, float, int, str } from './caffeNet';
import type { PMessage } from './prototxt';

export interface CaffePreprocessing {
  channelOrder: 'BGR';
  /** Per-channel means in the file's (BGR) order, subtracted from 0–255 values. */
  mean: number[];
  /** The mean image's file name, when a whole image is subtracted instead. */
  meanFile?: string;
  /** Multiplies the values after the mean is subtracted. */
  scale: number;
  cropSize?: number;
  note: Localized;
}

/** The first data layer's transform, or the Caffe default (BGR, 0–255, nothing subtracted). */
export function caffePreprocessing(transforms: { layer: string; msg: PMessage }[]): CaffePreprocessing {
  const t = transforms[0];
  const msg = t?.msg ?? { fields: [], pos: { line: 0, column: 1 } };
  const mean = fields(msg, 'mean_value').map((f) => (f.value.kind === 'number' ? f.value.value : NaN));
  const meanFile = field(msg, 'mean_file') ? str(msg, 'mean_file') : undefined;
  const scale = float(msg, 'scale', 1);
  const crop = int(msg, 'crop_size', 0);
  const shown = (n: number) => String(Number(n.toPrecision(6)));
  const parts: Localized[] = [
    { en: 'channels in BGR order, values 0–255', zh: '通道按 BGR 顺序，取值 0–255' },
  ];
  if (mean.length > 0)
    parts.push({
      en: `mean ${mean.map(shown).join(', ')} subtracted`,
      zh: `减去均值 ${mean.map(shown).join(', ')}`,
    });
  if (meanFile !== undefined)
    parts.push({
      en: `the mean image "${meanFile}" subtracted (not included: give per-channel means instead)`,
      zh: `减去均值图像 “${meanFile}”（未包含：请改用逐通道均值）`,
    });
  if (scale !== 1) parts.push({ en: `then multiplied by ${shown(scale)}`, zh: `再乘以 ${shown(scale)}` });
  const from = t ? ` (${t.layer})` : '';
  const note: Localized = {
    en: `Caffe preprocessing${from}: ${parts.map((p) => p.en).join('; ')}. The model's Input is set to prepare images this way (see the Input panel).`,
    zh: `Caffe 预处理${from}：${parts.map((p) => p.zh).join('；')}。模型的输入已设置为按此方式准备图像（见输入面板）。`,
  };
  return {
    channelOrder: 'BGR',
    mean,
    ...(meanFile !== undefined ? { meanFile } : {}),
    scale,
    ...(crop > 0 ? { cropSize: crop } : {}),
    note,
  };
}

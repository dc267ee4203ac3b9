/**
 * What the worker trains on: the built-in shapes (drawn in the worker from a seed) or the
 * user's prepared images (sent as bytes), or the sentence that says why training cannot
 * start on the current choice.
 */
import type { Localized } from '../../lib/spec/types';
import type { DataSource } from '../../lib/training/protocol';
import type { UserDataset } from './userDataset';

/** Sizes of the built-in dataset: drawn lazily, so a large training set costs little up front. */
export const SHAPES_TRAIN = 4000;
export const SHAPES_VAL = 500;

export function trainingSource(
  choice: 'shapes' | 'user',
  data: UserDataset | null,
  seed: number,
  size: number,
): { source: DataSource } | { problem: Localized } {
  if (choice === 'shapes')
    return { source: { kind: 'shapes', seed, trainCount: SHAPES_TRAIN, valCount: SHAPES_VAL, size } };
  if (!data)
    return {
      problem: {
        en: 'Choose a zip file or a folder of images first, or use the built-in shapes.',
        zh: '请先选择一个 zip 文件或图像文件夹，或使用内置的形状数据集。',
      },
    };
  if (!data.usable)
    return {
      problem: {
        en: 'The chosen images cannot be trained on yet: see the notes under the dataset.',
        zh: '所选图像暂时无法用于训练：请查看数据集下方的说明。',
      },
    };
  if (data.size !== size)
    return {
      problem: {
        en: `The images were prepared at ${data.size}×${data.size} but the network takes ${size}×${size}: choose them again.`,
        zh: `图像是按 ${data.size}×${data.size} 准备的，但网络的输入是 ${size}×${size}：请重新选择图像。`,
      },
    };
  return {
    source: {
      kind: 'images',
      size,
      pixels: data.pixels,
      labels: data.labels,
      trainIndices: Int32Array.from(data.split.train),
      valIndices: Int32Array.from(data.split.validation),
    },
  };
}

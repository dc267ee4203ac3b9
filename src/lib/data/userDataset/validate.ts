/**
 * What is wrong with a user's dataset, in sentences that name the class or file: errors stop
 * training (fewer than two usable classes), warnings explain what was done about a problem
 * (files skipped, an empty class left out, images of different sizes resized).
 */
import type { Localized } from '../../spec/types';

export interface DecodedClass {
  name: string;
  /** Images decoded successfully. */
  count: number;
}

export interface FailedFile {
  path: string;
  reason: Localized | string;
}

export interface DatasetFacts {
  classes: DecodedClass[];
  /** Files listed but unusable (wrong type, outside a class folder, failed to decode). */
  failed: FailedFile[];
  /** Distinct original sizes, as `w×h`, with how many images have each. */
  sizes: Map<string, number>;
  /** The model's input side: every image is fitted to it. */
  inputSize: number;
  fit: 'crop' | 'letterbox';
}

export interface DatasetIssue {
  level: 'error' | 'warning' | 'info';
  message: Localized;
}

/** How many failed files a message names before it says "and N more". */
export const LISTED_FAILURES = 5;

function reasonText(r: Localized | string, lang: 'en' | 'zh'): string {
  return typeof r === 'string' ? r : r[lang];
}

export function describeFailures(failed: readonly FailedFile[]): Localized {
  const shown = failed.slice(0, LISTED_FAILURES);
  const more = failed.length - shown.length;
  const list = (lang: 'en' | 'zh'): string =>
    shown.map((f) => `${f.path} (${reasonText(f.reason, lang)})`).join(lang === 'en' ? '; ' : '；');
  return {
    en: `${failed.length} file${failed.length === 1 ? ' was' : 's were'} skipped: ${list('en')}${more > 0 ? `; and ${more} more` : ''}.`,
    zh: `跳过了 ${failed.length} 个文件：${list('zh')}${more > 0 ? `；另有 ${more} 个` : ''}。`,
  };
}

export function validateDataset(facts: DatasetFacts): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const usable = facts.classes.filter((c) => c.count > 0);
  const total = usable.reduce((s, c) => s + c.count, 0);
  if (facts.classes.length === 0 || total === 0) {
    issues.push({
      level: 'error',
      message: {
        en: 'No usable images were found. Put the images in one folder per class (for example cats/1.png, dogs/2.jpg) and choose the folder or a zip of it.',
        zh: '没有找到可用的图像。请把图像按类别放进不同的文件夹（例如 cats/1.png、dogs/2.jpg），再选择该文件夹或它的 zip 压缩包。',
      },
    });
  } else if (usable.length === 1) {
    issues.push({
      level: 'error',
      message: {
        en: `Only one class ("${usable[0]!.name}") has images. A classifier needs at least two classes to tell apart: add a folder for each other class.`,
        zh: `只有一个类别（“${usable[0]!.name}”）有图像。分类器至少需要两个类别才能区分：请为其他每个类别各加一个文件夹。`,
      },
    });
  }
  for (const c of facts.classes.filter((k) => k.count === 0))
    issues.push({
      level: 'warning',
      message: {
        en: `Class "${c.name}" has no usable images and is left out.`,
        zh: `类别“${c.name}”没有可用的图像，已略去。`,
      },
    });
  for (const c of usable.filter((k) => k.count === 1))
    issues.push({
      level: 'warning',
      message: {
        en: `Class "${c.name}" has a single image: it is used for training only, so validation cannot check this class.`,
        zh: `类别“${c.name}”只有一张图像：它只用于训练，验证集无法检查这个类别。`,
      },
    });
  if (facts.failed.length > 0) issues.push({ level: 'warning', message: describeFailures(facts.failed) });
  if (
    facts.sizes.size > 1 ||
    (facts.sizes.size === 1 && !facts.sizes.has(`${facts.inputSize}×${facts.inputSize}`))
  ) {
    const examples = [...facts.sizes.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([s]) => s)
      .join(', ');
    const n = facts.inputSize;
    issues.push({
      level: 'info',
      message: {
        en: `The images come in ${facts.sizes.size} size${facts.sizes.size === 1 ? '' : 's'} (${examples}). Each is ${facts.fit === 'crop' ? 'centre-cropped to a square' : 'letterboxed into a square'} and resized to ${n}×${n}, the same preprocessing the explainer uses.`,
        zh: `图像有 ${facts.sizes.size} 种尺寸（${examples}）。每张都会${facts.fit === 'crop' ? '居中裁剪成正方形' : '加边填充成正方形'}并缩放到 ${n}×${n}，与解释器使用的预处理相同。`,
      },
    });
  }
  return issues;
}

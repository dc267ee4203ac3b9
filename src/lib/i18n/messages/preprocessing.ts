import { defineMessages } from '../define';

/** The Input panel: how images become the values a net takes. */
export const preprocessingMessages = defineMessages({
  'input.panel.title': { en: 'Image preprocessing', zh: '图像预处理' },
  'input.panel.help': {
    en: 'Every image goes through this before the first layer. It is part of the model: saved with it and carried by share links.',
    zh: '每张图像在进入第一层之前都要经过这一步。它是模型的一部分：随模型保存，也随分享链接传递。',
  },
  'input.panel.channels': { en: 'Channels', zh: '通道' },
  'input.panel.colour': { en: 'Colour (3)', zh: '彩色（3）' },
  'input.panel.grey': { en: 'Greyscale (1)', zh: '灰度（1）' },
  'input.panel.presets': { en: 'Presets', zh: '预设' },
  'input.panel.imagenet': { en: 'ImageNet mean/std', zh: 'ImageNet 均值/标准差' },
  'input.panel.caffe': { en: 'Caffe (BGR, 0–255)', zh: 'Caffe（BGR，取值 0–255）' },
  'input.panel.plain': { en: 'None (0–1)', zh: '无（0–1）' },
  'input.panel.unstated': {
    en: 'This file does not say how its images were prepared. Caffe nets are almost always fed BGR values 0–255 minus a mean; for now the net is fed RGB values 0–1, which may make its predictions wrong.',
    zh: '该文件没有说明图像如何预处理。Caffe 网络几乎总是输入减去均值后的 BGR 0–255 数值；目前网络按 RGB 0–1 输入，预测可能因此出错。',
  },
  'input.panel.useCaffe': {
    en: 'Use Caffe: BGR 0–255 minus the ImageNet mean',
    zh: '使用 Caffe：BGR 0–255 减去 ImageNet 均值',
  },
  'input.unstatedShort': {
    en: 'The model file does not say how images were prepared: fed as RGB 0–1 for now (set it in the Input panel).',
    zh: '模型文件没有说明图像如何预处理：目前按 RGB 0–1 输入（可在输入面板中设置）。',
  },
  'input.panel.keepPlain': { en: 'Keep RGB 0–1', zh: '保持 RGB 0–1' },
  'input.panel.formula': { en: 'Each value', zh: '每个值' },
  'input.panel.greyNote': {
    en: 'Colour images become grey as 0.299 R + 0.587 G + 0.114 B.',
    zh: '彩色图像按 0.299 R + 0.587 G + 0.114 B 转为灰度。',
  },
  'input.panel.notImage': {
    en: 'Preprocessing applies to image inputs (height × width × 1 or 3).',
    zh: '预处理只用于图像输入（高 × 宽 × 1 或 3）。',
  },
});

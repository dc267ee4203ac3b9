import { defineMessages } from '../define';

/**
 * The few strings of the attribution and editor areas that the first screen shows (the "Why?"
 * button, the overview's banners, the side panel's name): the rest of those catalogues loads
 * with the panels (src/lib/i18n/deferredMessages.ts).
 */
export const firstScreenMessages = defineMessages({
  'attribution.why': { en: 'Why?', zh: '为什么？' },
  'attribution.whyHelp': {
    en: 'Show which parts of the image made the net choose this class',
    zh: '显示图像的哪些部分让网络选择了这个类别',
  },
  'attribution.camHereHelp': {
    en: 'Open “Why?” with Grad-CAM at {layer}: which places of its maps the class depends on',
    zh: '打开“为什么？”，在 {layer} 上做 Grad-CAM：类别依赖这一层特征图的哪些位置',
  },
  'attribution.weightBadge': {
    en: 'Grad-CAM weight of map {channel}: {value}',
    zh: '第 {channel} 张特征图的 Grad-CAM 权重：{value}',
  },
  'attribution.compare.bannerDifference': {
    en: 'The network overview shows, map by map, B minus A: red where B’s activations are larger, blue where they are smaller.',
    zh: '网络总览逐张显示 B 减去 A：红色表示 B 的激活值更大，蓝色表示更小。',
  },
  'attribution.compare.bannerPinned': {
    en: 'The network overview shows the pinned image A, “{name}”.',
    zh: '网络总览显示的是固定的图像 A：“{name}”。',
  },
  'attribution.overview.bannerDifference': {
    en: 'The network overview shows, map by map, the adversarial image’s activations minus the image’s: red where they grew, blue where they shrank.',
    zh: '网络总览逐张显示对抗图像的激活值减去原图的激活值：红色表示增大，蓝色表示减小。',
  },
  'attribution.overview.bannerAdversarial': {
    en: 'The network overview shows the activations of the adversarial image, not of the image.',
    zh: '网络总览显示的是对抗图像的激活值，而不是原图的。',
  },
  'attribution.compare.back': { en: 'Show B again', zh: '恢复显示 B' },
  'attribution.overview.back': { en: 'Show the image again', zh: '恢复显示原图' },
  'editor.title': { en: 'Architecture editor', zh: '架构编辑器' },
  /** In a sentence ("Open the architecture editor"). */
  'editor.name': { en: 'architecture editor', zh: '架构编辑器' },
  'editor.loading': { en: 'Loading the architecture editor…', zh: '正在载入架构编辑器…' },
});

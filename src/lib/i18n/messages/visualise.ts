import { defineMessages } from '../define';

/** Strings of the "Why?" panel's feature visualisation (src/views/attribution/Visualise*.svelte). */
export const visualiseMessages = defineMessages({
  'attribution.method.visualise': { en: 'Visualise', zh: '可视化' },
  'visualise.target': { en: 'Maximise', zh: '最大化' },
  'visualise.target.class': { en: 'the class', zh: '类别' },
  'visualise.target.channel': { en: 'a channel', zh: '某个通道' },
  'visualise.layer': { en: 'Layer', zh: '层' },
  'visualise.channel': { en: 'Channel', zh: '通道' },
  'visualise.channelRange': { en: 'of {count}', zh: '共 {count} 个' },
  'visualise.steps': { en: 'Steps per scale', zh: '每个尺度的步数' },
  'visualise.seed': { en: 'Seed', zh: '随机种子' },
  'visualise.strength': { en: 'Regularisation', zh: '正则化' },
  'visualise.strength.none': { en: 'none', zh: '无' },
  'visualise.strength.light': { en: 'light', zh: '轻' },
  'visualise.strength.usual': { en: 'usual', zh: '常规' },
  'visualise.strength.strong': { en: 'strong', zh: '强' },
  'visualise.strengthHelp': {
    en: 'How hard the image is kept smooth (a total-variation penalty) and how far it is shifted at random each step (jitter)',
    zh: '图像被约束得多平滑（全变差惩罚），以及每一步随机平移多远（抖动）',
  },
  'visualise.forming': { en: 'The image so far', zh: '目前的图像' },
  'visualise.progress': { en: 'step {done} of {total}', zh: '第 {done} / {total} 步' },
  'visualise.imageClass': { en: 'The image that maximises “{name}”', zh: '使“{name}”最大的图像' },
  'visualise.imageChannel': {
    en: 'The image that maximises channel {channel} of {layer}',
    zh: '使 {layer} 第 {channel} 个通道最大的图像',
  },
  'visualise.reachedClass': {
    en: 'p(“{name}”) = {p}; on a plain grey image {grey}',
    zh: 'p（“{name}”）= {p}；纯灰图像上为 {grey}',
  },
  'visualise.reachedChannel': {
    en: 'Mean activation {value}; on a plain grey image {grey}',
    zh: '平均激活 {value}；纯灰图像上为 {grey}',
  },
  'visualise.predicted': { en: 'The net sees: {name} · {p}', zh: '网络看到的是：{name} · {p}' },
  'visualise.aboutClass': {
    en: 'Gradient ascent on the input: starting from faint noise, the image is changed step by step in the direction that raises the log probability of “{name}”. It works coarse to fine (three resolutions), is jittered every step and kept smooth, or it would turn into noise that only the net finds convincing.',
    zh: '对输入做梯度上升：从微弱的噪声出发，一步步朝着让“{name}”的对数概率增大的方向修改图像。它由粗到细（三种分辨率）进行，每一步都随机抖动并保持平滑，否则结果会变成只有网络才“认得”的噪声。',
  },
  'visualise.aboutChannel': {
    en: 'Gradient ascent on the input, raising the mean activation of channel {channel} of {layer} over all its positions: the pattern this channel looks for. For a layer with a ReLU, the value before the ReLU is raised, so a channel silent on grey can still wake up.',
    zh: '对输入做梯度上升，让 {layer} 第 {channel} 个通道在所有位置上的平均激活增大：这就是这个通道在寻找的图案。对带 ReLU 的层，上升的是 ReLU 之前的值，这样在灰色图像上沉默的通道也能被唤醒。',
  },
  'visualise.useAsInput': { en: 'Use as input', zh: '用作输入' },
  'visualise.useAsInputHelp': {
    en: 'Send this image to the explainer: the overview shows every layer’s response to it',
    zh: '把这张图像送入解释器：总览会显示每一层对它的响应',
  },
  'visualise.again': { en: 'New seed', zh: '换个种子' },
  'visualise.fileNameClass': { en: 'visualised-{name}.png', zh: '可视化-{name}.png' },
  'visualise.fileNameChannel': { en: 'visualised-{layer}-{channel}.png', zh: '可视化-{layer}-{channel}.png' },
  'visualise.here': { en: 'Visualise this channel', zh: '可视化这个通道' },
  'visualise.hereHelp': {
    en: 'Open “Why?” with the image that maximises channel {channel} of {layer}',
    zh: '打开“为什么？”，生成使 {layer} 第 {channel} 个通道最大的图像',
  },
  'visualise.classHere': { en: 'Visualise “{name}”', zh: '可视化“{name}”' },
  'visualise.classHereHelp': {
    en: 'Open “Why?” with the image that maximises the probability of “{name}”',
    zh: '打开“为什么？”，生成使“{name}”概率最大的图像',
  },
});

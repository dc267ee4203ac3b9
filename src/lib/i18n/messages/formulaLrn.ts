import { defineMessages } from '../define';

/** Strings of the LRN (local response normalisation) formula view. */
export const formulaLrnMessages = defineMessages({
  'formula.lrn.about': {
    en: 'Local response normalisation divides each value by how strongly the neighbouring channels respond at the same position: (bias + alpha · the sum of their squares)^beta. A channel that fires where its neighbours fire too is damped; one that fires alone keeps most of its value, loosely like lateral inhibition in the eye. AlexNet used it after its first two convolutions; batch normalisation has since replaced it.',
    zh: '局部响应归一化把每个值除以同一位置上相邻通道响应的强度：(bias + alpha · 它们的平方和)^beta。某个通道在其相邻通道也被激活的地方会被抑制；单独被激活的通道则保留大部分数值，有点像眼睛里的侧抑制。AlexNet 在前两个卷积之后使用它；后来它被批归一化取代。',
  },
  'formula.lrn.window': {
    en: 'Channels {first} to {last} at this cell: the value and its square',
    zh: '此单元格处通道 {first} 到 {last}：数值及其平方',
  },
  'formula.lrn.own': { en: 'the channel itself', zh: '通道本身' },
  'formula.lrn.params': {
    en: 'depth radius {r} (a window of up to {n} channels), bias {k}, alpha {alpha}, beta {beta}',
    zh: '深度半径 {r}（最多 {n} 个通道的窗口），bias {k}，alpha {alpha}，beta {beta}',
  },
  'formula.lrn.damping': {
    en: 'The divisor is {divisor}: the value keeps {percent} of itself.',
    zh: '除数为 {divisor}：数值保留了自身的 {percent}。',
  },
  'formula.lrn.hint': {
    en: 'Hover a cell of either map to see its window of channels.',
    zh: '把指针移到任一特征图的单元格上，查看它的通道窗口。',
  },
});

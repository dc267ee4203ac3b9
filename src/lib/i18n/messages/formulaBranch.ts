import { defineMessages } from '../define';

/** Strings of the formula views of merge layers (element-wise, Concatenate) and squeeze-and-excitation. */
export const formulaBranchMessages = defineMessages({
  'formula.merge.about': {
    en: 'A merge layer combines the maps of two or more layers value by value: each output cell takes the cells at the same place in every input and adds, averages, multiplies or keeps the largest of them. An input with one value per channel ([C] or 1×1×C) is stretched over the whole map. In a residual block, Add joins the block’s layers to the shortcut, so the layers only have to learn a correction to their input.',
    zh: '合并层把两个或多个层的特征图逐值组合：每个输出单元格取各输入在同一位置的单元格，把它们相加、求平均、相乘或保留最大值。每个通道只有一个值的输入（[C] 或 1×1×C）会被拉伸到整张图上。在残差块中，Add 把块内各层的结果与捷径相加，因此这些层只需学习对其输入的修正量。',
  },
  'formula.concat.about': {
    en: 'Concatenate lays its inputs side by side: along the channels, the output has the channels of the first input, then those of the second, and so on. Nothing is computed: every output value is a copy of one input value. Inception modules join their parallel branches this way, and U-Net joins encoder and decoder maps.',
    zh: '拼接层把各个输入并排放置：沿通道拼接时，输出先是第一个输入的通道，然后是第二个输入的通道，依此类推。这里没有计算：每个输出值都是某个输入值的副本。Inception 模块这样合并其并行分支，U-Net 这样合并编码器和解码器的特征图。',
  },
  'formula.se.about': {
    en: 'Squeeze-and-excitation lets a block turn its channels up or down depending on the whole image. Squeeze: each channel is averaged to one number. Excitation: a small two-layer network maps those numbers to one weight between 0 and 1 per channel. Scale: every value of a channel is multiplied by that channel’s weight.',
    zh: '挤压-激励让一个块根据整张图像增强或减弱各个通道。挤压：把每个通道平均成一个数。激励：一个两层的小网络把这些数变成每个通道一个 0 到 1 之间的权重。缩放：通道中的每个值都乘以该通道的权重。',
  },

  'formula.paths.title': { en: 'Where the inputs come from', zh: '输入来自哪里' },
  'formula.paths.fork': { en: 'the paths split here', zh: '路径在此分开' },
  'formula.paths.noFork': {
    en: 'The inputs share no earlier layer.',
    zh: '这些输入没有共同的上游层。',
  },
  'formula.paths.input': { en: 'input {i}', zh: '输入 {i}' },
  'formula.paths.identity': {
    en: 'straight from {layer}: the shortcut',
    zh: '直接来自 {layer}：捷径',
  },
  'formula.paths.direct': { en: 'straight from {layer}', zh: '直接来自 {layer}' },
  'formula.paths.layers': { en: '{n} layers', zh: '{n} 层' },
  'formula.paths.oneLayer': { en: '1 layer', zh: '1 层' },
  'formula.paths.hidden': { en: '{n} more…', zh: '另外 {n} 层…' },
  'formula.paths.truncated': {
    en: 'More layers (or other branches) lie before these',
    zh: '在这些层之前还有更多层（或其他分支）',
  },
  'formula.paths.open': { en: 'Open {layer}', zh: '打开 {layer}' },

  'formula.merge.add': {
    en: 'Add: each output value is the sum of the values at the same place in every input.',
    zh: 'Add：每个输出值是各输入在同一位置的值之和。',
  },
  'formula.merge.subtract': {
    en: 'Subtract: each output value is the first input’s value minus the second’s.',
    zh: 'Subtract：每个输出值是第一个输入的值减去第二个输入的值。',
  },
  'formula.merge.average': {
    en: 'Average: each output value is the mean of the values at the same place in every input.',
    zh: 'Average：每个输出值是各输入在同一位置的值的平均。',
  },
  'formula.merge.maximum': {
    en: 'Maximum: each output value is the largest of the values at the same place in every input.',
    zh: 'Maximum：每个输出值是各输入在同一位置的值中最大的一个。',
  },
  'formula.merge.multiply': {
    en: 'Multiply: each output value is the product of the values at the same place in every input.',
    zh: 'Multiply：每个输出值是各输入在同一位置的值之积。',
  },
  'formula.merge.residual': {
    en: 'This Add closes a residual block: {layer} reaches the sum unchanged along the shortcut, so the layers of the other path only have to learn what to add to it.',
    zh: '这个 Add 结束一个残差块：{layer} 沿捷径原样到达求和处，因此另一条路径上的各层只需学习要给它加上什么。',
  },
  'formula.merge.input': { en: 'Input {i} · channel {c}', zh: '输入 {i} · 通道 {c}' },
  'formula.merge.inputStretched': {
    en: 'Input {i} · one value, stretched',
    zh: '输入 {i} · 一个值，被拉伸',
  },
  'formula.merge.output': { en: 'Output channel {c}', zh: '输出通道 {c}' },
  'formula.merge.at': { en: 'At cell ({row}, {col})', zh: '在单元格 ({row}, {col})' },
  'formula.merge.termFrom': { en: 'from {layer}: {value}', zh: '来自 {layer}：{value}' },
  'formula.merge.hint': {
    en: 'Hover a cell of any map (or use the arrow keys): the same place is picked in every map.',
    zh: '悬停在任一特征图的单元格上（或使用方向键）：所有特征图都会选中同一位置。',
  },

  'formula.concat.stack': {
    en: 'The output’s {axis}, coloured by the input they are copied from',
    zh: '输出的{axis}，按其复制来源的输入着色',
  },
  'formula.concat.channels': { en: 'channels', zh: '通道' },
  'formula.concat.rows': { en: 'rows', zh: '行' },
  'formula.concat.cols': { en: 'columns', zh: '列' },
  'formula.concat.segment': { en: '{layer}: {a}–{b}', zh: '{layer}：{a}–{b}', same: true },
  'formula.concat.pick': { en: 'Show output channel {c}', zh: '显示输出通道 {c}' },
  'formula.concat.copy': {
    en: 'Output channel {c} is channel {k} of {layer}, copied unchanged.',
    zh: '输出通道 {c} 就是 {layer} 的通道 {k}，原样复制。',
  },
  'formula.concat.copyAxis': {
    en: 'Output {axis} {a}–{b} are {layer}’s, copied unchanged.',
    zh: '输出的{axis} {a}–{b} 来自 {layer}，原样复制。',
  },
  'formula.concat.source': { en: 'Its channel {c}', zh: '其通道 {c}' },
  'formula.concat.output': { en: 'Output channel {c}', zh: '输出通道 {c}' },

  'formula.se.chain': {
    en: 'This Multiply scales {map} by a weight per channel, computed from {pooled} itself:',
    zh: '这个 Multiply 把 {map} 的每个通道乘以一个权重，权重由 {pooled} 本身算出：',
  },
  'formula.se.squeeze': { en: 'Squeeze', zh: '挤压' },
  'formula.se.excite': { en: 'Excitation', zh: '激励' },
  'formula.se.scale': { en: 'Scale', zh: '缩放' },
  'formula.se.gates': {
    en: 'The weight of every channel (click a bar to pick its channel)',
    zh: '每个通道的权重（点击柱条选择该通道）',
  },
  'formula.se.gate': { en: 'Channel {c}: weight {g}', zh: '通道 {c}：权重 {g}' },
  'formula.se.cards': {
    en: 'Channels next to {c}: the map, its weight and the scaled map',
    zh: '通道 {c} 附近的通道：特征图、其权重与缩放后的特征图',
  },
  'formula.se.squeezeTerm': {
    en: 'Channel {c} averaged over its {n} cells',
    zh: '通道 {c} 在其 {n} 个单元格上的平均',
  },
  'formula.se.squeezeMax': {
    en: 'The largest of channel {c}’s {n} cells',
    zh: '通道 {c} 的 {n} 个单元格中的最大值',
  },
  'formula.se.vector': { en: '{layer} · {n} values', zh: '{layer} · {n} 个值' },
  'formula.se.unitTerm': {
    en: 'The weight of channel {c}: its unit of {layer}',
    zh: '通道 {c} 的权重：{layer} 中对应的单元',
  },
  'formula.se.rest': { en: '{n} smaller terms', zh: '{n} 个较小的项' },
  'formula.se.scaleTerm': {
    en: 'Every value of channel {c} times its weight, here at cell ({row}, {col})',
    zh: '通道 {c} 的每个值乘以其权重，此处为单元格 ({row}, {col})',
  },
  'formula.se.input': { en: 'Channel {c}', zh: '通道 {c}' },
  'formula.se.output': { en: 'Scaled channel {c}', zh: '缩放后的通道 {c}' },
  'formula.se.open': { en: 'Open {layer}', zh: '打开 {layer}' },
});

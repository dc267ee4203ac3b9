import { defineMessages } from '../define';

/** Strings of the formula views of resampling (upsampling, padding, cropping), transposed convolution and the noise layers. */
export const formulaResampleMessages = defineMessages({
  'formula.resample.about': {
    en: 'How does a map get bigger (or smaller) without weights? Upsampling turns every cell into a block, copying it (nearest) or blending it with its neighbours (bilinear); zero padding adds rows and columns of zeros around the map; cropping cuts them off. Each output cell comes from a few cells of the same channel, or is a padding zero.',
    zh: '没有权重时，特征图如何变大（或变小）？上采样把每个单元格变成一个块，直接复制（最近邻）或与相邻单元格混合（双线性）；零填充在特征图四周添加若干行和列的零；裁剪则把它们切掉。每个输出单元格都来自同一通道的少数几个单元格，或是一个填充的零。',
  },
  'formula.transposed.about': {
    en: 'A transposed convolution runs a convolution backwards: every input value multiplies the whole kernel and the resulting “stamp” is added onto the output, one stride further along for each input cell, where neighbouring stamps overlap. That is how decoders and segmentation nets grow a small map back into a large one. The same numbers come from an ordinary convolution of the input spread out with zeros.',
    zh: '转置卷积把卷积反过来做：每个输入值乘以整个卷积核，得到的“印章”叠加到输出上，每个输入单元格向后移动一个步长，相邻的印章相互重叠。解码器和分割网络就是这样把小特征图放大的。用零把输入撑开后再做普通卷积，得到的数值完全相同。',
  },
  'formula.noise.about': {
    en: 'Dropout and the noise layers only act while the network is trained: they disturb the values at random so that the network cannot rely on any single one. When the network is used, as here, they pass every value on unchanged.',
    zh: 'Dropout 和噪声层只在训练网络时起作用：它们随机扰动数值，使网络不能依赖任何单个数值。使用网络时（如此处），它们原样传递每个数值。',
  },

  'formula.resample.nearestGeometry': {
    en: '{h}×{w} → {oh}×{ow}: every cell becomes a {sh}×{sw} block of copies',
    zh: '{h}×{w} → {oh}×{ow}：每个单元格变成一个 {sh}×{sw} 的副本块',
  },
  'formula.resample.bilinearGeometry': {
    en: '{h}×{w} → {oh}×{ow}: {sh}×{sw} times larger, blending neighbouring cells',
    zh: '{h}×{w} → {oh}×{ow}：放大 {sh}×{sw} 倍，混合相邻单元格',
  },
  'formula.resample.padGeometry': {
    en: '{h}×{w} → {oh}×{ow}: rows of zeros added above {t}, below {b}; columns left {l}, right {r}',
    zh: '{h}×{w} → {oh}×{ow}：补零，上方 {t} 行、下方 {b} 行、左侧 {l} 列、右侧 {r} 列',
  },
  'formula.resample.cropGeometry': {
    en: '{h}×{w} → {oh}×{ow}: rows cut off above {t}, below {b}; columns left {l}, right {r}',
    zh: '{h}×{w} → {oh}×{ow}：裁掉上方 {t} 行、下方 {b} 行、左侧 {l} 列、右侧 {r} 列',
  },
  'formula.resample.input': { en: 'Input channel {c} · {h}×{w}', zh: '输入通道 {c} · {h}×{w}' },
  'formula.resample.output': { en: 'Output channel {c} · {h}×{w}', zh: '输出通道 {c} · {h}×{w}' },
  'formula.resample.hint': {
    en: 'Hover an output cell to jump there; hover an input cell to see every output cell it goes to.',
    zh: '悬停在输出单元格上可跳到该位置；悬停在输入单元格上可查看它去往的所有输出单元格。',
  },
  'formula.resample.feeds': {
    en: 'input ({row}, {col}) goes into {n} output cells, marked',
    zh: '输入 ({row}, {col}) 进入 {n} 个输出单元格（已标出）',
  },
  'formula.resample.feedsOne': {
    en: 'input ({row}, {col}) goes into 1 output cell, marked',
    zh: '输入 ({row}, {col}) 进入 1 个输出单元格（已标出）',
  },
  'formula.resample.feedsNone': {
    en: 'input ({row}, {col}) is cropped away: no output cell reads it',
    zh: '输入 ({row}, {col}) 被裁掉了：没有输出单元格读取它',
  },
  'formula.resample.nearestTitle': {
    en: 'Nearest: the output cell copies the input cell it lies in',
    zh: '最近邻：输出单元格复制它所在位置的输入单元格',
  },
  'formula.resample.bilinearTitle': {
    en: 'Bilinear: a blend of the nearest input rows and columns, weighted by closeness',
    zh: '双线性：最近的输入行和列的加权混合，越近权重越大',
  },
  'formula.resample.padTitle': {
    en: 'Zero padding: inside, a copy of the input shifted by the padding; around it, zeros',
    zh: '零填充：内部是按填充量平移的输入副本；四周是零',
  },
  'formula.resample.cropTitle': {
    en: 'Cropping: a copy of the input cell shifted by the rows and columns cut off',
    zh: '裁剪：按裁掉的行列数平移后的输入单元格副本',
  },
  'formula.resample.position': {
    en: 'Output ({row}, {col}) lies at input position ({r}, {c}) = ({row}·{ih}/{oh}, {col}·{iw}/{ow}), as tfjs computes it (corners not aligned): the whole part picks the cells, the fraction weighs them, and past the last row or column the edge is repeated.',
    zh: '输出 ({row}, {col}) 落在输入位置 ({r}, {c}) = ({row}·{ih}/{oh}, {col}·{iw}/{ow})，与 tfjs 的算法一致（角点不对齐）：整数部分选出单元格，小数部分决定权重，超出最后一行或一列时重复边缘。',
  },
  'formula.resample.zero': {
    en: 'A padding cell: it is 0 and comes from no input cell.',
    zh: '填充单元格：它的值为 0，不来自任何输入单元格。',
  },

  'formula.transposed.geometry': {
    en: 'kernel {k}, stride {s}, padding {p}: {h}×{w} → {oh}×{ow}',
    zh: '卷积核 {k}，步长 {s}，填充 {p}：{h}×{w} → {oh}×{ow}',
  },
  'formula.transposed.input': { en: 'Input channel {c} · {h}×{w}', zh: '输入通道 {c} · {h}×{w}' },
  'formula.transposed.output': {
    en: 'Output channel {c} · {h}×{w} (dashes: stamp cut off)',
    zh: '输出通道 {c} · {h}×{w}（短横线：被裁掉的印章部分）',
  },
  'formula.transposed.spread': {
    en: 'The same as a convolution: the input spread with {z} zeros between cells and {p} around, {h}×{w}, and the window of the kernel turned by 180°',
    zh: '等价于一次卷积：把输入撑开，单元格之间插入 {z} 个零、四周补 {p} 个零，得到 {h}×{w}，再用旋转 180° 的卷积核滑动窗口',
  },
  'formula.transposed.spreadLabel': {
    en: 'The input spread out with zeros',
    zh: '用零撑开的输入',
  },
  'formula.transposed.stampNote': {
    en: 'input ({row}, {col}) of channel {c} stamps its value times the kernel onto output rows {r0}–{r1}, columns {c0}–{c1} (the frame); hover another input cell to see its stamp',
    zh: '通道 {c} 的输入 ({row}, {col}) 把其值乘以卷积核，印到输出的第 {r0}–{r1} 行、第 {c0}–{c1} 列（方框处）；悬停在其他输入单元格上可查看它的印章',
  },
  'formula.transposed.uncovered': {
    en: 'No stamp covers output ({row}, {col}): the kernel is smaller than the stride, so this cell is just the bias',
    zh: '没有印章覆盖输出 ({row}, {col})：卷积核比步长小，所以这个单元格只有偏置',
  },
  'formula.transposed.stampTitle': {
    en: 'The stamp of input ({row}, {col}), channel {c}: its value times the kernel',
    zh: '输入 ({row}, {col})（通道 {c}）的印章：它的值乘以卷积核',
  },
  'formula.transposed.channelTerm': {
    en: 'Channel {c}: the stamps that cover this output cell ({n}), added',
    zh: '通道 {c}：覆盖该输出单元格的印章（{n} 个）之和',
  },
  'formula.transposed.neuron': {
    en: 'Whole neuron: all channels, bias and activation',
    zh: '整个神经元：所有通道、偏置与激活',
  },

  'formula.noise.inference': {
    en: 'When the net is used, as here, {type} passes every value on unchanged: output = input.',
    zh: '使用网络时（如此处），{type} 原样传递每个数值：输出 = 输入。',
  },
  'formula.noise.check': {
    en: 'Largest difference between input and output over all {n} values: {d}',
    zh: '在全部 {n} 个数值中，输入与输出的最大差值：{d}',
  },
  'formula.noise.input': { en: 'Input channel {c}', zh: '输入通道 {c}' },
  'formula.noise.output': { en: 'Output channel {c}', zh: '输出通道 {c}' },
  'formula.noise.training': { en: 'While training', zh: '训练时' },
  'formula.noise.dropout': {
    en: 'Each value is kept with probability 1 − p = {keep} and divided by {keep}, or set to 0 (the marked cells). Dividing keeps the expected value unchanged, so nothing has to be rescaled when dropout is off.',
    zh: '每个值以概率 1 − p = {keep} 保留并除以 {keep}，否则置为 0（已标出的单元格）。除以该数使期望值不变，因此关闭 dropout 时无需再做缩放。',
  },
  'formula.noise.alphaDropout': {
    en: 'Each value is dropped with probability p = {p} (the marked cells) and replaced, then every value becomes a·x + b with a = {a}, b = {b}. Keras replaces dropped values with −λα = −1.758, which keeps SELU activations at mean 0 and variance 1; tfjs 4.22, which this app trains with, uses +{d}, as drawn here.',
    zh: '每个值以概率 p = {p} 被丢弃（已标出的单元格）并被替换，然后每个值变为 a·x + b，其中 a = {a}，b = {b}。Keras 用 −λα = −1.758 替换被丢弃的值，使 SELU 激活保持均值 0、方差 1；本应用训练所用的 tfjs 4.22 用的是 +{d}，此处按它绘制。',
  },
  'formula.noise.gaussianDropout': {
    en: 'Each value is multiplied by random noise with mean 1 and spread √(p / (1 − p)) = {s}: a smooth dropout that never zeroes a value outright.',
    zh: '每个值乘以均值为 1、标准差为 √(p / (1 − p)) = {s} 的随机噪声：一种平滑的 dropout，从不直接把值置零。',
  },
  'formula.noise.gaussianNoise': {
    en: 'Random noise with mean 0 and spread σ = {s} is added to each value, so the network learns to ignore small disturbances.',
    zh: '给每个值加上均值为 0、标准差为 σ = {s} 的随机噪声，使网络学会忽略微小的扰动。',
  },
  'formula.noise.draw': {
    en: 'One training step, drawn at random (an illustration, not this prediction)',
    zh: '随机抽取的一次训练步骤（仅作示意，并非本次预测）',
  },
  'formula.noise.redraw': { en: 'Draw again', zh: '重新抽取' },
  'formula.noise.drawnValue': {
    en: 'In the drawn training step this cell would be {v}.',
    zh: '在抽取的训练步骤中，这个单元格会是 {v}。',
  },
  'formula.noise.drawnDropped': {
    en: 'In the drawn training step this cell is dropped: {v}.',
    zh: '在抽取的训练步骤中，这个单元格被丢弃：{v}。',
  },
});

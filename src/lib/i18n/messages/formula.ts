import { defineMessages } from '../define';

/** Strings of the formula views (src/views/detail) and the hyperparameter playground. */
export const formulaMessages = defineMessages({
  'formula.close': { en: 'Close', zh: '关闭' },
  'formula.closeHint': { en: 'Esc closes', zh: '按 Esc 关闭' },
  'formula.channel': { en: 'Channel', zh: '通道' },
  'formula.unit': { en: 'Unit', zh: '单元' },
  'formula.noImage': {
    en: 'Choose an image first: the formula shows the numbers the model computed for it.',
    zh: '请先选择一张图像：公式展示的是模型为它计算出的数值。',
  },
  'formula.unknownLayer': { en: 'The model has no layer “{layer}”.', zh: '模型中没有名为“{layer}”的层。' },
  'formula.noView': {
    en: '{type} layers have no formula view yet; the map below shows this channel’s values.',
    zh: '{type} 层还没有公式视图；下图显示该通道的数值。',
  },
  'formula.failed': {
    en: 'The formula for {layer} could not be computed: {reason}',
    zh: '无法计算 {layer} 的公式：{reason}',
  },
  'formula.legend': { en: 'Colour scale', zh: '颜色比例' },

  'formula.player.group': { en: 'Animation', zh: '动画' },
  'formula.player.back': { en: 'Step back (←)', zh: '后退一步（←）' },
  'formula.player.forward': { en: 'Step forward (→)', zh: '前进一步（→）' },
  'formula.player.play': { en: 'Play (Space)', zh: '播放（空格）' },
  'formula.player.pause': { en: 'Pause (Space)', zh: '暂停（空格）' },
  'formula.player.speed': { en: 'Speed', zh: '速度' },
  'formula.player.stepsPerSecond': { en: '{n} steps/s', zh: '每秒 {n} 步' },
  'formula.player.step': { en: 'step {i} of {n}', zh: '第 {i} 步，共 {n} 步' },
  'formula.output': { en: 'output ({row}, {col})', zh: '输出 ({row}, {col})' },
  'formula.feeds': {
    en: 'input ({row}, {col}) feeds {n} outputs, marked',
    zh: '输入 ({row}, {col}) 参与计算 {n} 个输出（已标出）',
  },
  'formula.feedsOne': {
    en: 'input ({row}, {col}) feeds 1 output, marked',
    zh: '输入 ({row}, {col}) 参与计算 1 个输出（已标出）',
  },
  'formula.feedsNone': {
    en: 'input ({row}, {col}) feeds no output: the window never covers it',
    zh: '输入 ({row}, {col}) 不参与任何输出：窗口从未覆盖它',
  },
  'formula.hoverHint': {
    en: 'Hover an output cell to jump there; hover an input cell to see which outputs it feeds.',
    zh: '悬停在输出单元格上可跳到该位置；悬停在输入单元格上可查看它参与哪些输出。',
  },

  'formula.conv.about': {
    en: 'Each input channel is convolved with its own slice of this filter’s kernel: at every position the window’s values are multiplied element-wise with the kernel and added up. The per-channel results are summed, the bias is added, and the layer’s activation gives the output value.',
    zh: '每个输入通道与该滤波器卷积核中属于它的那一片做卷积：在每个位置，把窗口中的数值与卷积核逐元素相乘再相加。各通道的结果求和、加上偏置，再经过该层的激活函数，得到输出值。',
  },
  'formula.conv.elastic': { en: 'Channel by channel', zh: '逐通道' },
  'formula.conv.inputChannel': { en: 'Input channel {c}', zh: '输入通道 {c}' },
  'formula.conv.kernel': { en: 'Kernel', zh: '卷积核' },
  'formula.conv.intermediate': { en: 'Result of channel {c}', zh: '通道 {c} 的结果' },
  'formula.conv.sumBias': { en: 'Σ channels + bias', zh: 'Σ 各通道 + 偏置' },
  'formula.conv.outputMap': { en: 'Output channel {c}', zh: '输出通道 {c}' },
  'formula.conv.inputGrid': { en: 'Input channel {c} · {h}×{w}{pad}', zh: '输入通道 {c} · {h}×{w}{pad}' },
  'formula.conv.padded': { en: ', zero padding {p}', zh: '，零填充 {p}' },
  'formula.conv.paddedSides': {
    en: ', zero padding {t} above, {b} below, {l} left, {r} right',
    zh: '，零填充：上 {t}、下 {b}、左 {l}、右 {r}',
  },
  'formula.conv.outputGrid': { en: 'Output channel {c} · {h}×{w}', zh: '输出通道 {c} · {h}×{w}' },
  'formula.conv.geometry': {
    en: 'kernel {k}, stride {s}, dilation {d}, padding {p}',
    zh: '卷积核 {k}，步长 {s}，膨胀 {d}，填充 {p}',
  },
  'formula.conv.scrollLine': { en: 'Formula (scrolls sideways)', zh: '公式（可横向滚动）' },
  'formula.conv.channelTerm': {
    en: 'Channel {c}: window ⊙ kernel, summed',
    zh: '通道 {c}：窗口 ⊙ 卷积核，再求和',
  },
  'formula.conv.neuronTerm': {
    en: 'Whole neuron: all channels, bias and activation',
    zh: '整个神经元：所有通道、偏置与激活',
  },
  'formula.conv.focus': { en: 'Show channel {c} in the formula', zh: '在公式中显示通道 {c}' },
  'formula.conv.noBias': { en: 'no bias', zh: '无偏置' },

  'formula.activation.about': {
    en: 'An activation applies one fixed function to every value on its own: each output cell is f of the input cell at the same place. Its non-linearity is what lets stacked layers compute more than one linear map.',
    zh: '激活层对每个数值单独应用同一个固定函数：每个输出单元格都是同一位置输入单元格的 f 值。正是这种非线性让多层网络能表示比单个线性映射更多的东西。',
  },
  'formula.pooling.about': {
    en: 'Pooling slides a window over each channel on its own and keeps one number per position: the largest value in the window (max pooling) or their mean (average pooling). The map gets smaller and small shifts of the input matter less.',
    zh: '池化在每个通道上单独滑动窗口，每个位置只保留一个数：窗口中的最大值（最大池化）或平均值（平均池化）。特征图变小，输入的微小平移影响也变小。',
  },
  'formula.flatten.about': {
    en: 'Flatten lays the last maps out as one long vector, row by row, with the channels of each cell next to each other, so that the dense layer can weigh every value. Nothing is computed: each vector entry is one map cell.',
    zh: '展平把最后的特征图排成一个长向量：逐行排列，每个单元格的各通道相邻，以便全连接层为每个数值加权。这里没有计算：向量的每一项就是特征图中的一个单元格。',
  },
  'formula.dense.about': {
    en: 'A dense unit multiplies every input value by its own weight, adds the products and a bias, and applies the activation. For a classifier the sums are the logits, which softmax turns into probabilities that add up to 1.',
    zh: '全连接单元把每个输入值乘以各自的权重，把乘积与偏置相加，再应用激活函数。对分类器来说，这些和就是 logits，softmax 再把它们变成总和为 1 的概率。',
  },

  'formula.activation.input': { en: 'Input channel {c}', zh: '输入通道 {c}' },
  'formula.activation.output': { en: 'Output channel {c}', zh: '输出通道 {c}' },
  'formula.activation.graph': {
    en: 'Graph of the function; x = {x} gives y = {y}',
    zh: '函数图像；x = {x} 得到 y = {y}',
  },
  'formula.activation.preluNote': {
    en: 'PReLU learns its negative slope α: every position (or every channel, when axes are shared) has its own. The graph and formula use the slope of the chosen cell.',
    zh: 'PReLU 学习它的负斜率 α：每个位置（共享维度时则每个通道）都有自己的斜率。图和公式使用所选单元格的斜率。',
  },
  'formula.activation.at': { en: 'at cell ({row}, {col})', zh: '位于单元格 ({row}, {col})' },
  'formula.activation.hint': {
    en: 'Hover a pixel of either map (or use the arrow keys) to follow its value through the function. The grey bars under the curve count the channel’s input values.',
    zh: '悬停在任一特征图的像素上（或使用方向键），即可跟随该数值经过函数的变化。曲线下方的灰色柱子统计了该通道输入值的分布。',
  },
  'formula.pool.geometry': { en: 'window {k}, stride {s}, padding {p}', zh: '窗口 {k}，步长 {s}，填充 {p}' },
  'formula.pool.inputGrid': { en: 'Input channel {c} · {h}×{w}', zh: '输入通道 {c} · {h}×{w}' },
  'formula.pool.outputGrid': { en: 'Output channel {c} · {h}×{w}', zh: '输出通道 {c} · {h}×{w}' },
  'formula.pool.maxTitle': {
    en: 'Max pooling keeps the largest value of the window',
    zh: '最大池化保留窗口中的最大值',
  },
  'formula.pool.avgTitle': {
    en: 'Average pooling takes the mean of the window',
    zh: '平均池化取窗口的平均值',
  },
  'formula.pool.skipped': {
    en: '{n} window cells lie in the padding: pooling leaves them out (they are not zeros).',
    zh: '窗口中有 {n} 个单元格位于填充区域：池化会忽略它们（它们不是零）。',
  },

  'formula.flatten.maps': { en: 'The last maps · {h}×{w}×{c}', zh: '最后的特征图 · {h}×{w}×{c}' },
  'formula.flatten.vector': {
    en: 'The flat vector · {n} values, drawn as {h} rows of {len}',
    zh: '展平后的向量 · {n} 个数值，画成 {h} 行、每行 {len} 个',
  },
  'formula.flatten.hint': {
    en: 'Hover a cell of any map or of the vector: the same value is marked in both. Channels vary fastest, then columns, then rows.',
    zh: '悬停在任一特征图或向量的单元格上：同一个数值会在两边同时标出。通道变化最快，其次是列，最后是行。',
  },
  'formula.dense.unitName': { en: 'unit {k}', zh: '单元 {k}' },
  'formula.dense.weightsTitle': { en: 'What {layer} looks for', zh: '{layer} 在寻找什么' },
  'formula.dense.weightMaps': {
    en: 'Weights of “{name}”, in the shape of the maps',
    zh: '“{name}”的权重，按特征图的形状排列',
  },
  'formula.dense.weightMap': { en: 'Weights over channel {c}', zh: '通道 {c} 上的权重' },
  'formula.dense.contributions': {
    en: 'Value × weight: what this image adds to the score',
    zh: '数值 × 权重：这张图像为分数贡献了什么',
  },
  'formula.dense.contribution': { en: 'Contributions of channel {c}', zh: '通道 {c} 的贡献' },
  'formula.dense.largest': { en: 'Largest terms of the sum', zh: '求和中最大的几项' },
  'formula.dense.at': {
    en: 'from cell ({row}, {col}) of channel {c}',
    zh: '来自通道 {c} 的单元格 ({row}, {col})',
  },
  'formula.dense.pickUnit': { en: 'Class', zh: '类别' },
  'formula.dense.views': { en: 'Views of this layer', zh: '该层的视图' },
  'formula.dense.tabSoftmax': { en: 'Softmax', zh: 'Softmax', same: true },
  'formula.dense.tabWeights': { en: 'Weights', zh: '权重' },
  'formula.softmax.temperature': { en: 'Temperature', zh: '温度' },
  'formula.softmax.reset': { en: 'Back to T = 1', zh: '恢复 T = 1' },
  'formula.softmax.atOne': {
    en: 'At T = 1 these are exactly the model’s probabilities.',
    zh: '当 T = 1 时，这些正是模型给出的概率。',
  },
  'formula.softmax.sharper': {
    en: 'T < 1 divides the logits by less than 1: gaps grow and the top class takes more of the mass.',
    zh: 'T < 1 时 logits 除以小于 1 的数：差距变大，最高的类别分到更多概率。',
  },
  'formula.softmax.flatter': {
    en: 'T > 1 shrinks the gaps between logits: the probabilities move towards uniform.',
    zh: 'T > 1 时 logits 之间的差距缩小：概率趋于均匀。',
  },
  'formula.softmax.shift': {
    en: 'is subtracted from every exponent: it cancels in the ratio and keeps the exponentials from overflowing.',
    zh: '从每个指数中减去：它在比值中相互抵消，并防止指数溢出。',
  },
  'formula.softmax.table': { en: 'Softmax, class by class', zh: '逐类别的 softmax' },
  'formula.softmax.formula': { en: 'The chosen class’s probability', zh: '所选类别的概率' },
  'formula.softmax.class': { en: 'Class', zh: '类别' },
  'formula.softmax.logit': { en: 'Logit z', zh: '对数几率（logit）z' },
  'formula.softmax.probability': { en: 'Probability p', zh: '概率 p' },

  'playground.title': { en: 'Hyperparameter playground', zh: '超参数实验场' },
  'playground.intro': {
    en: 'How input size, padding, kernel size and stride decide where a kernel can go and how large the output is. Change a setting and watch the kernel slide over the padded input.',
    zh: '输入大小、填充、卷积核大小和步长如何决定卷积核能放在哪里、输出有多大。改变一个设置，观察卷积核在填充后的输入上滑动。',
  },
  'playground.inputSize': { en: 'Input size W', zh: '输入大小 W' },
  'playground.padding': { en: 'Padding P', zh: '填充 P' },
  'playground.kernelSize': { en: 'Kernel size K', zh: '卷积核大小 K' },
  'playground.stride': { en: 'Stride S', zh: '步长 S' },
  'playground.showValues': { en: 'Fill the input with numbers', zh: '给输入填入数值' },
  'playground.inputCaption': {
    en: 'Input {w}×{w}, padding {p} → {n}×{n}',
    zh: '输入 {w}×{w}，填充 {p} → {n}×{n}',
  },
  'playground.outputCaption': { en: 'Output {n}×{n}', zh: '输出 {n}×{n}' },
  'playground.covered': {
    en: 'input ({row}, {col}) is covered by {n} kernel positions, marked in the output',
    zh: '输入 ({row}, {col}) 被 {n} 个卷积核位置覆盖，已在输出中标出',
  },
  'playground.paddingCell': {
    en: 'a padding cell: a zero added around the input',
    zh: '填充单元格：在输入周围补上的零',
  },
  'playground.legend': {
    en: 'Dashed grey cells are padding; red hatched cells are input the kernel never covers. Hover an output cell to jump there.',
    zh: '灰色虚线单元格是填充；红色斜线单元格是卷积核从未覆盖的输入。悬停在输出单元格上可跳到该位置。',
  },
  'playground.kept': { en: 'The last valid settings are kept.', zh: '保留上一次有效的设置。' },
});

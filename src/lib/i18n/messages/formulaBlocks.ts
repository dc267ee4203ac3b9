import { defineMessages } from '../define';

/**
 * Strings of the formula views for the blocks of modern CNNs (src/views/detail): batch norm,
 * depthwise and separable convolution with the MobileNet cost comparison, grouped
 * convolution, global pooling and Dense layers inside the net.
 */
export const formulaBlockMessages = defineMessages({
  'formula.bn.about': {
    en: 'Batch normalization rescales every channel on its own: it subtracts the channel’s mean, divides by its standard deviation, then multiplies by a learned scale γ and adds a learned shift β. Once the net is trained, the mean and variance are the moving averages kept during training, so each channel is one fixed straight line y = a·x + b.',
    zh: '批归一化对每个通道单独重新缩放：减去该通道的均值，除以标准差，再乘以学到的缩放系数 γ、加上学到的偏移 β。网络训练好以后，均值和方差使用训练时保存的滑动平均，因此每个通道都是一条固定的直线 y = a·x + b。',
  },
  'formula.bn.kept': { en: 'What the layer keeps for {feature}', zh: '该层为{feature} 保存的数值' },
  'formula.bn.channel': { en: 'channel {c}', zh: '通道 {c}' },
  'formula.bn.unit': { en: 'unit {k}', zh: '单元 {k}' },
  'formula.bn.mean': { en: 'moving mean', zh: '滑动均值' },
  'formula.bn.variance': { en: 'moving variance', zh: '滑动方差' },
  'formula.bn.gamma': { en: 'learned scale', zh: '学到的缩放' },
  'formula.bn.gammaOff': { en: 'no learned scale (scale off)', zh: '没有学习缩放（scale 关闭）' },
  'formula.bn.beta': { en: 'learned shift', zh: '学到的偏移' },
  'formula.bn.betaOff': { en: 'no learned shift (center off)', zh: '没有学习偏移（center 关闭）' },
  'formula.bn.epsilon': { en: 'keeps the division safe', zh: '防止除以零' },
  'formula.bn.imageStats': {
    en: 'This image alone has mean {mean} and variance {variance} in this channel: the batch statistics a batch of one would use while training.',
    zh: '仅这一张图像在该通道上的均值为 {mean}、方差为 {variance}：这是训练时一个只有一张图的批次会使用的批统计量。',
  },
  'formula.bn.inferenceTitle': { en: 'Inference (shown here):', zh: '推理（此处所示）：' },
  'formula.bn.inference': {
    en: 'μ and σ² are the moving averages saved in the model, the same for every image, so the layer is a fixed y = a·x + b per channel and one image never changes another’s result.',
    zh: 'μ 和 σ² 是保存在模型中的滑动平均，对每张图像都相同，因此该层对每个通道就是固定的 y = a·x + b，一张图像不会影响另一张的结果。',
  },
  'formula.bn.trainingTitle': { en: 'Training:', zh: '训练：' },
  'formula.bn.training': {
    en: 'μ and σ² are the mean and variance of the current batch, so every image is normalized together with the others in its batch; after each step the moving averages follow: μ ← {m}·μ + (1 − {m})·(batch mean).',
    zh: 'μ 和 σ² 取当前批次的均值和方差，因此每张图像与同批的其他图像一起归一化；每一步之后滑动平均随之更新：μ ← {m}·μ + (1 − {m})·（批均值）。',
  },
  'formula.bn.before': { en: 'Input values of the channel', zh: '该通道的输入值' },
  'formula.bn.after': { en: 'Output values of the channel', zh: '该通道的输出值' },
  'formula.bn.inputVector': { en: 'Input vector', zh: '输入向量' },
  'formula.bn.outputVector': { en: 'Output vector', zh: '输出向量' },
  'formula.bn.atUnit': { en: 'at unit {k}', zh: '位于单元 {k}' },
  'formula.bn.normalizedIs': {
    en: 'x̂ = {v}: how many moving standard deviations x lies from the moving mean.',
    zh: 'x̂ = {v}：x 偏离滑动均值多少个滑动标准差。',
  },
  'formula.bn.noScale': { en: 'The layer learns no scale: γ is 1.', zh: '该层不学习缩放：γ 为 1。' },
  'formula.bn.noShift': { en: 'The layer learns no shift: β is 0.', zh: '该层不学习偏移：β 为 0。' },
  'formula.bn.hint': {
    en: 'Hover a cell of either map to see its value go through the formula. The histograms show where μ ± σ of the input lands: on β ± γ of the output.',
    zh: '悬停在任一特征图的单元格上，可查看它的数值如何经过公式。直方图显示输入的 μ ± σ 落到了哪里：输出的 β ± γ。',
  },
  'formula.bn.otherAxis': {
    en: 'This layer normalizes along axis {axis}, not the channels. TensorFlow.js (its cpu and wasm backends) applies the statistics as if they were along the last axis, so its numbers would not follow the formula; the formula view explains batch norm over the channels (axis −1) only. The map below shows the engine’s values.',
    zh: '该层沿轴 {axis} 归一化，而不是沿通道。TensorFlow.js（其 cpu 和 wasm 后端）会把统计量当作沿最后一个轴来应用，因此它的数值不会符合公式；公式视图只解释沿通道（轴 −1）的批归一化。下图显示引擎计算出的数值。',
  },

  'formula.depthwise.about': {
    en: 'A depthwise convolution gives every input channel its own small kernel and never adds channels together: output channel o is input channel ⌊o / M⌋ slid under one kernel, plus a bias. MobileNet follows it with a 1×1 convolution that mixes the channels; the two together cost a fraction of a full convolution.',
    zh: '逐通道（depthwise）卷积为每个输入通道配一个自己的小卷积核，且从不把通道相加：输出通道 o 就是输入通道 ⌊o / M⌋ 在一个卷积核下滑动的结果，再加上偏置。MobileNet 在它后面接一个混合通道的 1×1 卷积；两者合起来只需完整卷积的一小部分计算量。',
  },
  'formula.showAll': { en: 'show all {n}', zh: '显示全部 {n} 个' },
  'formula.depthwise.strip': { en: 'One kernel per channel', zh: '每个通道一个卷积核' },
  'formula.depthwise.rows': {
    en: 'Input channels {from}–{to} of {n}',
    zh: '输入通道 {from}–{to}（共 {n} 个）',
  },
  'formula.depthwise.noSum': {
    en: 'Nothing is added across channels: each output map comes from one input map.',
    zh: '通道之间不做加法：每个输出特征图只来自一个输入特征图。',
  },
  'formula.depthwise.pick': { en: 'Explain output channel {o}', zh: '解释输出通道 {o}' },
  'formula.depthwise.source': {
    en: 'Output channel {o} reads input channel {c} only, with its own kernel.',
    zh: '输出通道 {o} 只读取输入通道 {c}，使用它自己的卷积核。',
  },
  'formula.depthwise.sourceMulti': {
    en: 'Output channel {o} reads input channel {c} only, with kernel {m} of its {M} (depth multiplier {M}).',
    zh: '输出通道 {o} 只读取输入通道 {c}，使用它的 {M} 个卷积核中的第 {m} 个（深度乘数为 {M}）。',
  },
  'formula.depthwise.term': {
    en: 'Input channel {c}: window ⊙ its kernel, summed, plus the bias of output channel {o}',
    zh: '输入通道 {c}：窗口 ⊙ 它的卷积核，求和，再加上输出通道 {o} 的偏置',
  },

  'formula.separable.about': {
    en: 'A separable convolution works in two steps: a depthwise step filters every input channel with its own kernel, then a pointwise 1×1 step mixes those results into each output channel with one weight per channel. It sees the same window as a full convolution with far fewer weights and multiply-adds.',
    zh: '可分离卷积分两步：逐通道步骤用各自的卷积核分别过滤每个输入通道，然后逐点 1×1 步骤用每个通道一个权重，把这些结果混合成每个输出通道。它与完整卷积看到相同的窗口，但权重和乘加次数少得多。',
  },
  'formula.separable.strip': { en: 'Depthwise, then pointwise', zh: '先逐通道，再逐点' },
  'formula.separable.stripLegend': {
    en: 'Each row: an input channel ⊛ its own kernel = a depthwise result (its value here), × its pointwise weight.',
    zh: '每一行：输入通道 ⊛ 它自己的卷积核 = 一个逐通道结果（此处的数值），× 它的逐点权重。',
  },
  'formula.separable.rows': {
    en: 'Depthwise channels {from}–{to} of {n}',
    zh: '逐通道结果 {from}–{to}（共 {n} 个）',
  },
  'formula.separable.focus': {
    en: 'Show depthwise channel {j} in the formula',
    zh: '在公式中显示逐通道结果 {j}',
  },
  'formula.separable.middle': { en: 'Depthwise result {j}', zh: '逐通道结果 {j}' },
  'formula.separable.depthwiseTerm': {
    en: 'Depthwise step, channel {j}: input channel {c} ⊙ its own kernel, summed',
    zh: '逐通道步骤，第 {j} 个：输入通道 {c} ⊙ 它自己的卷积核，再求和',
  },
  'formula.separable.pointwiseTerm': {
    en: 'Pointwise step: the 1×1 mix of all {n} depthwise results, the bias and the activation',
    zh: '逐点步骤：对全部 {n} 个逐通道结果做 1×1 混合，加偏置，再经过激活',
  },

  'formula.cost.title': {
    en: 'Cost, as in the MobileNet paper, with this layer’s numbers',
    zh: '计算量：按 MobileNet 论文的方式，代入该层的数值',
  },
  'formula.cost.positions': { en: '{f} output positions', zh: '{f} 个输出位置' },
  'formula.cost.kernel': { en: '{k} kernel', zh: '{k} 的卷积核' },
  'formula.cost.inputs': { en: '{m} input channels', zh: '{m} 个输入通道' },
  'formula.cost.outputs': { en: '{n} output channels', zh: '{n} 个输出通道' },
  'formula.cost.multiplier': { en: 'depth multiplier {d}', zh: '深度乘数 {d}' },
  'formula.cost.pairedWith': {
    en: 'The pointwise step is the 1×1 convolution {pw} after this layer.',
    zh: '逐点步骤是该层之后的 1×1 卷积 {pw}。',
  },
  'formula.cost.pointwiseOf': {
    en: 'This 1×1 convolution is the pointwise step of a depthwise separable convolution; {dw} is its depthwise step.',
    zh: '这个 1×1 卷积是深度可分离卷积的逐点步骤；{dw} 是它的逐通道步骤。',
  },
  'formula.cost.alone': {
    en: 'No 1×1 convolution follows: compared with a standard convolution making the same N = {n} channels.',
    zh: '后面没有 1×1 卷积：与输出同样 N = {n} 个通道的标准卷积相比。',
  },
  'formula.cost.standard': { en: 'Standard convolution', zh: '标准卷积' },
  'formula.cost.depthwise': { en: 'Depthwise step', zh: '逐通道步骤' },
  'formula.cost.pointwise': { en: 'Pointwise step', zh: '逐点步骤' },
  'formula.cost.separable': { en: 'Depthwise separable', zh: '深度可分离' },
  'formula.cost.fewer': { en: '{x}× fewer multiply-adds', zh: '乘加次数少 {x} 倍' },

  'formula.grouped.about': {
    en: 'A grouped convolution splits the input channels and the filters into groups: every filter is an ordinary convolution, but over its own group’s share of the input channels only. AlexNet used two groups, one per GPU; ResNeXt uses many on purpose. Weights and multiply-adds shrink by the number of groups.',
    zh: '分组卷积把输入通道和卷积核都分成若干组：每个卷积核仍是普通卷积，但只作用于它所在组分到的那部分输入通道。AlexNet 用了两组，每块 GPU 一组；ResNeXt 则有意使用许多组。权重和乘加次数都按组数缩小。',
  },
  'formula.grouped.diagram': {
    en: 'Input channels and filters split into {g} groups',
    zh: '输入通道和卷积核被分成 {g} 组',
  },
  'formula.grouped.inputs': { en: '{n} input channels', zh: '{n} 个输入通道' },
  'formula.grouped.filters': { en: '{n} filters', zh: '{n} 个卷积核' },
  'formula.grouped.sees': {
    en: 'Filter {o} is in group {g} (filters {ffrom}–{fto}) and sees input channels {from}–{to} only.',
    zh: '卷积核 {o} 属于第 {g} 组（卷积核 {ffrom}–{fto}），只看输入通道 {from}–{to}。',
  },
  'formula.grouped.why': {
    en: 'With {g} groups each filter reads 1/{x} of the channels, so the layer has {x}× fewer weights and multiply-adds than one convolution over all of them.',
    zh: '分成 {g} 组后，每个卷积核只读取 1/{x} 的通道，因此该层的权重和乘加次数比覆盖全部通道的卷积少 {x} 倍。',
  },

  'formula.global.about': {
    en: 'Global pooling turns each whole channel into one number: its mean (global average pooling) or its largest value (global max pooling). ResNet and MobileNet use it instead of Flatten before the classifier: far fewer weights, and any image size works.',
    zh: '全局池化把每个完整的通道变成一个数：它的平均值（全局平均池化）或最大值（全局最大池化）。ResNet 和 MobileNet 在分类器前用它代替 Flatten：权重少得多，而且任何图像尺寸都可以。',
  },
  'formula.global.leadAverage': {
    en: 'The whole {h}×{w} map of channel {c} becomes one number: the mean of all its values.',
    zh: '通道 {c} 的整张 {h}×{w} 特征图变成一个数：所有数值的平均值。',
  },
  'formula.global.leadMax': {
    en: 'The whole {h}×{w} map of channel {c} becomes one number: its largest value.',
    zh: '通道 {c} 的整张 {h}×{w} 特征图变成一个数：其中的最大值。',
  },
  'formula.global.outputs': {
    en: 'Output: {n} numbers, one per channel',
    zh: '输出：{n} 个数，每个通道一个',
  },
  'formula.global.outputIs': { en: 'Channel {c} gives', zh: '通道 {c} 得到' },
  'formula.global.pickedAt': {
    en: 'The largest value is at ({row}, {col}); where it was does not matter to the output.',
    zh: '最大值位于 ({row}, {col})；它在哪里对输出没有影响。',
  },
  'formula.global.why': {
    en: 'Where in the image a feature was is forgotten: only how strongly (max) or how much overall (mean) it was present is kept.',
    zh: '特征在图像中的位置被舍弃：只保留它出现得有多强（最大值）或总体有多少（平均值）。',
  },

  'formula.sequence.note': {
    en: 'A sequence of {t} steps, drawn as a map of one row: the window slides along the steps only.',
    zh: '一个 {t} 步的序列，画成只有一行的特征图：窗口只沿着步的方向滑动。',
  },
  'formula.dense.inputVector': { en: 'Input vector · {n} values', zh: '输入向量 · {n} 个数值' },
  'formula.dense.weightsVector': { en: 'Weights of “{name}” over its inputs', zh: '“{name}”对各输入的权重' },
  'formula.dense.atInput': { en: 'from input {i}', zh: '来自输入 {i}' },
  'formula.dense.overMap': {
    en: 'A Dense layer over a map weighs the {c} channels of every position on its own, with the same weights everywhere: exactly a 1×1 convolution with {n} filters, shown as one.',
    zh: '作用在特征图上的全连接层对每个位置的 {c} 个通道分别加权，且处处使用相同的权重：这正是有 {n} 个卷积核的 1×1 卷积，这里就按卷积来展示。',
  },
});

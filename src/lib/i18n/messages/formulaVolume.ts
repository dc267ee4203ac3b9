import { defineMessages } from '../define';

/** Strings of the volume views (Conv3D, 3-D pooling) and the TimeDistributed view. */
export const formulaVolumeMessages = defineMessages({
  'formula.volume.about': {
    en: 'The input is a volume: {d} slices of {h}×{w}, with {c} channels each (the frames of a clip, or the slices of a scan). The window is a box {kd} slices deep: each output value reads the same {kh}×{kw} patch on each of those slices.',
    zh: '输入是一个体数据：{d} 个 {h}×{w} 的切片，每个有 {c} 个通道（例如视频的帧或扫描的切片）。窗口是一个深 {kd} 个切片的立方体：每个输出值读取这些切片上相同位置的 {kh}×{kw} 区域。',
  },
  'formula.volume.geometry': {
    en: 'window {k} (depth × height × width), stride {s}, dilation {d}, padding {p}',
    zh: '窗口 {k}（深 × 高 × 宽），步长 {s}，膨胀 {d}，填充 {p}',
  },
  'formula.volume.poolGeometry': {
    en: 'window {k} (depth × height × width), stride {s}, padding {p}',
    zh: '窗口 {k}（深 × 高 × 宽），步长 {s}，填充 {p}',
  },
  'formula.volume.padded': {
    en: 'same padding: front/back {front}/{back} slices, top/bottom {top}/{bottom} rows, left/right {left}/{right} columns',
    zh: '同尺寸填充：前/后 {front}/{back} 个切片，上/下 {top}/{bottom} 行，左/右 {left}/{right} 列',
  },
  'formula.volume.pick': {
    en: 'Output slice {d} of channel {c}: pick a cell',
    zh: '通道 {c} 的输出切片 {d}：选择一个单元格',
  },
  'formula.volume.outputSlices': { en: 'Output slice', zh: '输出切片' },
  'formula.volume.sliceButton': { en: 'Output slice {d}', zh: '输出切片 {d}' },
  'formula.volume.at': {
    en: 'Output value at slice {d}, row {r}, column {col}, channel {c}',
    zh: '输出值：切片 {d}，第 {r} 行，第 {col} 列，通道 {c}',
  },
  'formula.volume.inputSlice': {
    en: 'Input slice {d}, channel {c}',
    zh: '输入切片 {d}，通道 {c}',
  },
  'formula.volume.paddingSliceZero': {
    en: 'Slice {d} lies in the padding: its values are zeros, so this kernel slice adds nothing',
    zh: '切片 {d} 位于填充区域：其值都是零，因此这一卷积核切片不贡献任何值',
  },
  'formula.volume.paddingSliceSkipped': {
    en: 'Slice {d} lies in the padding: pooling leaves it out',
    zh: '切片 {d} 位于填充区域：池化时忽略它',
  },
  'formula.volume.kernelSlice': {
    en: 'Kernel slice {z}, input channel {c} → filter {o}',
    zh: '卷积核切片 {z}，输入通道 {c} → 滤波器 {o}',
  },
  'formula.volume.windowTitle': {
    en: 'The window on the input slices it spans (channel {c})',
    zh: '窗口在其跨越的输入切片上的位置（通道 {c}）',
  },
  'formula.volume.channel': { en: 'Input channel', zh: '输入通道' },
  'formula.volume.channelButton': { en: 'Show input channel {c}', zh: '显示输入通道 {c}' },
  'formula.volume.sliceTerm': {
    en: 'Kernel slice {z} on input slice {d}, channel {c}: window ⊙ kernel',
    zh: '卷积核切片 {z} 作用于输入切片 {d}，通道 {c}：窗口 ⊙ 卷积核',
  },
  'formula.volume.neuronTerm': {
    en: 'The neuron: every kernel slice × input channel, plus the bias',
    zh: '该神经元：所有卷积核切片 × 输入通道之和，再加上偏置',
  },
  'formula.volume.groupLabel': {
    en: 'Kernel slice {z}, input channel {c}: show it above',
    zh: '卷积核切片 {z}，输入通道 {c}：在上方显示',
  },
  'formula.volume.scrollLine': {
    en: 'A line of the 3-D convolution; scroll it sideways',
    zh: '3-D 卷积的一行公式；可横向滚动',
  },
  'formula.volume.maxTitle': {
    en: 'Max pooling keeps the largest value of the box, over all its slices',
    zh: '最大池化保留立方体窗口（所有切片）中的最大值',
  },
  'formula.volume.avgTitle': {
    en: 'Average pooling takes the mean of the box, over all its slices',
    zh: '平均池化取立方体窗口（所有切片）的平均值',
  },
  'formula.volume.winner': {
    en: 'The largest is at slice {d}, row {r}, column {col}.',
    zh: '最大值位于切片 {d}，第 {r} 行，第 {col} 列。',
  },
  'formula.volume.sliceOf': { en: 'slice {d}', zh: '切片 {d}' },
  'formula.timeDistributed.about': {
    en: 'TimeDistributed applies one {inner} layer to each of the {t} steps of its input on its own, with the same weights at every step. Pick a step: below is the {inner} at that step, with that step’s input and output.',
    zh: 'TimeDistributed 把同一个 {inner} 层分别作用于输入的 {t} 个时间步，每一步都使用相同的权重。选择一个时间步：下面是该步的 {inner}，以及该步的输入和输出。',
  },
  'formula.timeDistributed.step': { en: 'Time step', zh: '时间步' },
  'formula.timeDistributed.stepOf': { en: 'step {t} of {n}', zh: '第 {t} 步，共 {n} 步' },
  'formula.timeDistributed.sameWeights': {
    en: 'The weights are the same at every step: only the input differs.',
    zh: '每一步的权重都相同：只有输入不同。',
  },
});

import { defineMessages } from '../define';

/** Strings of the views of layers that move, mask, look up or normalise per example (issue 16). */
export const formulaArrangeMessages = defineMessages({
  'formula.arrange.input': { en: 'input x · from {layer}', zh: '输入 x · 来自 {layer}' },
  'formula.arrange.output': { en: 'output y', zh: '输出 y' },
  'formula.arrange.channel': { en: 'channel {c} shown', zh: '显示通道 {c}' },
  'formula.arrange.block': {
    en: 'channel {c} of block [{at}] shown',
    zh: '显示块 [{at}] 的通道 {c}',
  },
  'formula.arrange.hint': {
    en: 'Hover a cell of the output to pick another value.',
    zh: '把指针移到输出的单元格上，选择另一个数值。',
  },
  'formula.arrange.across': {
    en: 'steps run across, one row per feature',
    zh: '步沿横向排列，每个特征一行',
  },
  'formula.arrange.line': { en: 'formula with this value’s numbers', zh: '代入此数值的公式' },
  'formula.arrange.copy': {
    en: 'Nothing is computed: the value is copied.',
    zh: '这里不做任何计算：数值只是被复制过来。',
  },
  'formula.reshape.about': {
    en: 'Reshape reads the values in the order they are stored (the last axis fastest) and writes them into the new shape in the same order. So an output value and its source share one flat index: work it out from the output’s coordinates, then split it by the input’s shape.',
    zh: 'Reshape 按数值的存储顺序（最后一个维度变化最快）读出数值，再按同样的顺序写入新形状。因此输出值与其来源共享同一个展平序号：先由输出坐标算出它，再按输入的形状把它拆开。',
  },
  'formula.reshape.flat': { en: 'flat index from y’s coordinates', zh: '由 y 的坐标得到展平序号' },
  'formula.reshape.split': { en: 'the same index in x’s shape', zh: '同一序号在 x 的形状中' },
  'formula.permute.about': {
    en: 'Permute moves whole axes, like transposing a matrix; no value changes. With dims ({dims}), output axis k takes input axis dims[k]:',
    zh: 'Permute 整体移动维度，就像矩阵转置；没有任何数值改变。dims 为 ({dims}) 时，输出的第 k 个维度取输入的第 dims[k] 个维度：',
  },
  'formula.permute.axis': {
    en: 'y axis {out} (size {size}) = x axis {in}',
    zh: 'y 的维度 {out}（大小 {size}）= x 的维度 {in}',
  },
  'formula.permute.coords': {
    en: 'so each coordinate of y is put in its input axis’ place',
    zh: '因此 y 的每个坐标被放回其对应输入维度的位置',
  },
  'formula.repeat.about': {
    en: 'RepeatVector copies the vector {n} times: every step t of the output is the whole input vector, so y[t, f] = x[f] whatever the step.',
    zh: 'RepeatVector 把向量复制 {n} 次：输出的每一步 t 都是整个输入向量，因此无论哪一步都有 y[t, f] = x[f]。',
  },
  'formula.masking.about': {
    en: 'Masking compares every step (all {c} features at one position) with the mask value {v}. A step whose features all equal it is marked as padding.',
    zh: 'Masking 把每一步（同一位置上的全部 {c} 个特征）与掩码值 {v} 比较。所有特征都等于该值的步被标记为填充。',
  },
  'formula.masking.count': {
    en: '{masked} of {steps} steps masked (their cells are outlined)',
    zh: '{steps} 步中有 {masked} 步被掩码（其单元格带框）',
  },
  'formula.masking.none': {
    en: 'No step of this example has all its features equal to {v}: nothing is masked.',
    zh: '此样本中没有哪一步的全部特征都等于 {v}：没有任何步被掩码。',
  },
  'formula.masking.masked': {
    en: 'step {t}: all {c} features are {v} → masked',
    zh: '第 {t} 步：全部 {c} 个特征都是 {v} → 被掩码',
  },
  'formula.masking.kept': {
    en: 'step {t}: feature {f} is {x}, not {v} → kept',
    zh: '第 {t} 步：特征 {f} 为 {x}，不等于 {v} → 保留',
  },
  'formula.masking.values': {
    en: 'The values pass through, multiplied by the mask: a kept step is unchanged, a masked step comes out as zeros (the same values when the mask value is 0).',
    zh: '数值乘以掩码后通过：保留的步不变，被掩码的步输出为零（掩码值为 0 时数值相同）。',
  },
  'formula.masking.downstream': {
    en: 'The mask itself acts later: recurrent layers after it (SimpleRNN, GRU, LSTM) skip masked steps and carry their state over them, so padding does not change what they remember. Layers that do not read masks just see the values.',
    zh: '掩码本身在之后才起作用：其后的循环层（SimpleRNN、GRU、LSTM）跳过被掩码的步，并把状态原样带过这些步，因此填充不会改变它们记住的内容。不读取掩码的层只会看到这些数值。',
  },
  'formula.dot.operand': { en: '{name} · from {layer}', zh: '{name} · 来自 {layer}' },
  'formula.dot.about': {
    en: 'Dot multiplies a and b value by value along axis {axisA} of a and axis {axisB} of b (counted as in Keras, from 1 after the batch axis) and adds the {n} products. The output’s axes are a’s other axes, then b’s.',
    zh: 'Dot 沿 a 的维度 {axisA} 和 b 的维度 {axisB}（按 Keras 的方式，从批次维度之后的 1 开始计数）把 a 与 b 逐个相乘，再把 {n} 个乘积相加。输出的维度是 a 的其余维度，接着是 b 的其余维度。',
  },
  'formula.dot.normalized': {
    en: 'Normalize is on: a and b are first divided by their lengths along these axes (‖a‖ = {lenA}, ‖b‖ = {lenB}), so the sum is the cosine of the angle between them, between −1 and 1.',
    zh: '已开启归一化：a 和 b 先除以它们沿这些维度的长度（‖a‖ = {lenA}，‖b‖ = {lenB}），因此总和是它们夹角的余弦，介于 −1 和 1 之间。',
  },
  'formula.dot.terms': { en: 'The {n} products aₖ · bₖ', zh: '{n} 个乘积 aₖ · bₖ' },
  'formula.dot.largest': {
    en: 'The {shown} largest of the {n} products aₖ · bₖ',
    zh: '{n} 个乘积 aₖ · bₖ 中最大的 {shown} 个',
  },
  'formula.dot.more': {
    en: '… and {n} smaller products, which add up to {rest}',
    zh: '……以及另外 {n} 个较小的乘积，它们的和为 {rest}',
  },
  'formula.layerNorm.about': {
    en: 'Layer normalisation takes the mean μ and variance σ² of the {n} values along axis {axis} at this position, in this example alone, rescales the value to (x − μ)/√(σ² + ε), then applies the feature’s learned scale γ and shift β.',
    zh: '层归一化只在当前样本中、在此位置沿维度 {axis} 取 {n} 个数值的均值 μ 和方差 σ²，把数值重新缩放为 (x − μ)/√(σ² + ε)，再乘以该特征学到的缩放 γ 并加上平移 β。',
  },
  'formula.layerNorm.contrast': {
    en: 'Batch normalisation instead uses statistics gathered over many training examples, kept as moving averages and fixed when the net is used. These come from this example only, so they are computed afresh, the same way, in training and in use, and never depend on the rest of the batch.',
    zh: '批归一化则使用在许多训练样本上收集、以滑动平均保存并在使用网络时固定不变的统计量。这里的统计量只来自当前样本，因此在训练和使用时都以同样的方式重新计算，也从不依赖批次中的其他样本。',
  },
  'formula.layerNorm.group': {
    en: 'The {n} values normalised together (feature {f} is the picked one)',
    zh: '一起归一化的 {n} 个数值（选中的是特征 {f}）',
  },
  'formula.layerNorm.noScale': { en: 'no learned scale: γ = 1', zh: '没有可学习的缩放：γ = 1' },
  'formula.layerNorm.noShift': { en: 'no learned shift: β = 0', zh: '没有可学习的平移：β = 0' },
  'formula.embedding.about': {
    en: 'Embedding looks every id up in a table E of {vocab} rows, one per id, and {dim} columns: the id’s row is its vector. Nothing is multiplied; training learns the table.',
    zh: 'Embedding 在表 E 中查找每个序号，该表有 {vocab} 行（每个序号一行）和 {dim} 列：序号所在的行就是它的向量。这里不做乘法；训练学习的是这张表。',
  },
  'formula.embedding.ids': { en: 'ids · from {layer}', zh: '序号 · 来自 {layer}' },
  'formula.embedding.table': {
    en: 'table E: rows {from}–{to} of {vocab}',
    zh: '表 E：共 {vocab} 行中的第 {from}–{to} 行',
  },
  'formula.embedding.row': {
    en: 'Row {id} of E is the output vector at position {p}:',
    zh: 'E 的第 {id} 行就是位置 {p} 处的输出向量：',
  },
  'formula.embedding.cut': {
    en: 'The input holds {raw}; tfjs casts ids to whole numbers, so it reads id {id}.',
    zh: '输入中的值为 {raw}；tfjs 把序号转换为整数，因此读到的是序号 {id}。',
  },
  'formula.embedding.outside': {
    en: 'Id {id} is not a row of the table (rows 0 … {last}): feed ids below {vocab}, or enlarge the vocabulary.',
    zh: '序号 {id} 不是表中的行（第 0 … {last} 行）：请输入小于 {vocab} 的序号，或增大词表。',
  },
});

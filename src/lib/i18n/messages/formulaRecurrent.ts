import { defineMessages } from '../define';

/** Strings of the recurrent (SimpleRNN, GRU, LSTM) and Bidirectional formula views. */
export const formulaRecurrentMessages = defineMessages({
  'formula.rnn.about.SimpleRNN': {
    en: 'A simple RNN reads the sequence one time step at a time. At each step every unit adds up the current input times its input weights W, the previous state times its recurrent weights U, and a bias, and squashes the sum: that is the new state, which the next step reads again.',
    zh: '简单 RNN 逐个时间步读取序列。每一步，每个单元把“当前输入乘以输入权重 W”“上一步的状态乘以循环权重 U”和偏置加起来，再经过激活函数压缩：结果就是新状态，下一步会再次读取它。',
  },
  'formula.rnn.about.GRU': {
    en: 'A GRU keeps one state and two gates between 0 and 1. The reset gate r decides how much of the old state the candidate h̃ may read; the update gate z decides how much of the old state to keep: h = z·h(t−1) + (1 − z)·h̃. As in tfjs, the gates come in the order z, r, h̃ in the weights, and the reset is applied to the state before its product with U.',
    zh: 'GRU 保存一个状态和两个取值在 0 到 1 之间的门。重置门 r 决定候选状态 h̃ 能读取多少旧状态；更新门 z 决定保留多少旧状态：h = z·h(t−1) + (1 − z)·h̃。与 tfjs 一致，权重中门的顺序是 z、r、h̃，并且重置作用在状态与 U 相乘之前。',
  },
  'formula.rnn.about.LSTM': {
    en: 'An LSTM keeps a cell state c beside its output state h. The forget gate f scales the old cell, the input gate i lets in the candidate g, and the output gate o decides how much of tanh(c) to show: c = f·c(t−1) + i·g, h = o·tanh(c). In tfjs the weights hold the blocks in the order i, f, g (the candidate), o.',
    zh: 'LSTM 在输出状态 h 之外还保存一个记忆单元状态 c。遗忘门 f 缩放旧的单元状态，输入门 i 放入候选值 g，输出门 o 决定输出多少 tanh(c)：c = f·c(t−1) + i·g，h = o·tanh(c)。在 tfjs 中权重按 i、f、g（候选值）、o 的顺序排列。',
  },
  'formula.rnn.hardSigmoid': {
    en: 'σ is the gate function tfjs uses by default, the hard sigmoid clip(0.2·x + 0.5, 0, 1): a straight line from 0 to 1 between x = −2.5 and 2.5.',
    zh: 'σ 是 tfjs 默认的门函数，即硬 sigmoid：clip(0.2·x + 0.5, 0, 1)，在 x = −2.5 到 2.5 之间是一条从 0 到 1 的直线。',
  },
  'formula.rnn.inputBand': { en: 'Input x ({n} features)', zh: '输入 x（{n} 个特征）' },
  'formula.rnn.stateBand': { en: 'State h ({n} units)', zh: '状态 h（{n} 个单元）' },
  'formula.rnn.cellBand': { en: 'Cell state c ({n} units)', zh: '单元状态 c（{n} 个单元）' },
  'formula.rnn.time': { en: 'time step t = {t}', zh: '时间步 t = {t}' },
  'formula.rnn.stripHint': {
    en: 'Click a column to pick a time step and a row of h or c to pick a unit; ← and → step through time.',
    zh: '点击某一列选择时间步，点击 h 或 c 的某一行选择单元；← 和 → 在时间上逐步移动。',
  },
  'formula.rnn.unitLabel': { en: 'Unit', zh: '单元' },
  'formula.rnn.unitName': { en: 'unit {k}', zh: '单元 {k}' },
  'formula.rnn.backwards': {
    en: 'This direction reads the sequence from the last step to the first: its first step is t = {first}.',
    zh: '这个方向从最后一步往前读取序列：它的第一步是 t = {first}。',
  },
  'formula.rnn.backwardsLayer': {
    en: 'go_backwards is on: this layer reads the sequence from the last step to the first, so its first step is t = {first}.',
    zh: '已开启 go_backwards：该层从最后一步往前读取序列，所以它的第一步是 t = {first}。',
  },
  'formula.rnn.outputSeqReadingOrder': {
    en: 'The layer outputs the state after every step ([{t}, {u}]) in the order it read them: output row 0 is the state after t = {first}, the last row the state after t = 0.',
    zh: '该层按读取顺序输出每一步之后的状态（[{t}, {u}]）：输出的第 0 行是 t = {first} 之后的状态，最后一行是 t = 0 之后的状态。',
  },
  'formula.rnn.outputLast': {
    en: 'The layer outputs only the state after its last step, t = {t} ([{u}] values).',
    zh: '该层只输出最后一步 t = {t} 之后的状态（[{u}] 个值）。',
  },
  'formula.rnn.outputSeq': {
    en: 'The layer outputs the state after every step ([{t}, {u}]).',
    zh: '该层输出每一步之后的状态（[{t}, {u}]）。',
  },
  'formula.rnn.zeroState': {
    en: 'This is the first step: the state before it is all zeros.',
    zh: '这是第一步：它之前的状态全为零。',
  },
  'formula.rnn.gate.h': { en: 'New state', zh: '新状态' },
  'formula.rnn.gate.z': {
    en: 'Update gate: how much of the old state to keep',
    zh: '更新门：保留多少旧状态',
  },
  'formula.rnn.gate.r': {
    en: 'Reset gate: how much of the old state the candidate reads',
    zh: '重置门：候选状态读取多少旧状态',
  },
  'formula.rnn.gate.hh': {
    en: 'Candidate state, from the input and the reset state',
    zh: '候选状态，由输入和重置后的状态得到',
  },
  'formula.rnn.gate.i': {
    en: 'Input gate: how much of the candidate to write',
    zh: '输入门：写入多少候选值',
  },
  'formula.rnn.gate.f': {
    en: 'Forget gate: how much of the old cell to keep',
    zh: '遗忘门：保留多少旧的单元状态',
  },
  'formula.rnn.gate.g': { en: 'Candidate cell value', zh: '候选单元值' },
  'formula.rnn.gate.o': { en: 'Output gate: how much of the cell to show', zh: '输出门：输出多少单元状态' },
  'formula.rnn.newState': { en: 'New state h, unit {k}', zh: '新状态 h，单元 {k}' },
  'formula.rnn.newCell': { en: 'New cell state c, unit {k}', zh: '新单元状态 c，单元 {k}' },
  'formula.rnn.inputTerms': {
    en: 'x_t · W: each input feature times its weight to this unit',
    zh: 'x_t · W：每个输入特征乘以它到该单元的权重',
  },
  'formula.rnn.stateTerms': {
    en: 'h(t−1) · U: each unit of the previous state times its recurrent weight',
    zh: 'h(t−1) · U：上一步状态的每个单元乘以它的循环权重',
  },
  'formula.rnn.moreTerms': { en: '… {n} more', zh: '…… 另外 {n} 项' },
  'formula.rnn.lineLabel': { en: '{name} at time step {t}', zh: '时间步 {t} 的{name}' },
  'formula.bi.about': {
    en: 'A bidirectional layer runs two copies of the wrapped {layer} layer, each with its own weights: one reads the sequence forwards, one backwards. At every time step the two states are merged ({mode}), so each output knows what comes before and after it.',
    zh: '双向层运行一个 {layer} 层的两个副本，各有自己的权重：一个正向读取序列，一个反向读取。每个时间步把两个状态合并（{mode}），于是每个输出既知道它之前的内容，也知道之后的内容。',
  },
  'formula.bi.views': { en: 'Bidirectional views', zh: '双向层视图' },
  'formula.bi.tabMerge': { en: 'Merge', zh: '合并' },
  'formula.bi.tabForward': { en: 'Forward layer', zh: '正向层' },
  'formula.bi.tabBackward': { en: 'Backward layer', zh: '反向层' },
  'formula.bi.forwardBand': { en: 'Forward state h→ ({n} units)', zh: '正向状态 h→（{n} 个单元）' },
  'formula.bi.backwardBand': { en: 'Backward state h← ({n} units)', zh: '反向状态 h←（{n} 个单元）' },
  'formula.bi.outputBand': { en: 'Merged output y ({n} values)', zh: '合并后的输出 y（{n} 个值）' },
  'formula.bi.backwardOrder': {
    en: 'The backward copy reads from t = {last} down to t = 0; its states are put back in time order before the merge.',
    zh: '反向副本从 t = {last} 读到 t = 0；合并之前它的状态会按时间顺序放回。',
  },
  'formula.bi.lastOnly': {
    en: 'Without return sequences each direction gives only its final state: the forward one after t = {last}, the backward one after t = 0.',
    zh: '不返回序列时，每个方向只给出它的最终状态：正向的是 t = {last} 之后的，反向的是 t = 0 之后的。',
  },
  'formula.bi.concatPick': {
    en: 'concat puts the forward units first, then the backward ones: output {j} is the {dir} layer’s unit {k}.',
    zh: 'concat 先放正向单元，再放反向单元：输出 {j} 是{dir}层的单元 {k}。',
  },
  'formula.bi.dirForward': { en: 'forward', zh: '正向' },
  'formula.bi.dirBackward': { en: 'backward', zh: '反向' },
  'formula.bi.outputName': { en: 'output {k}', zh: '输出 {k}' },
  'formula.bi.outputLabel': { en: 'Output', zh: '输出' },
  'formula.bi.mergeLine': { en: 'Merged output {k}', zh: '合并后的输出 {k}' },
});

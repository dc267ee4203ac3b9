/**
 * A small LSTM sentence classifier: word ids → Embedding → LSTM → Dense softmax, the
 * shape of the Keras and tfjs sentiment examples (e.g. positive or negative reviews).
 */
import type { NetworkSpec } from '../spec/types';
import type { ZooCard } from './card';
import { SpecBuilder } from './specBuilder';
import { LSTM_TEXT_TITLE } from './netTitles';

export interface TextClassifierOptions {
  vocabulary: number;
  sequenceLength: number;
  embedding: number;
  units: number;
  classes: number;
}

const DEFAULTS: TextClassifierOptions = {
  vocabulary: 10000,
  sequenceLength: 100,
  embedding: 32,
  units: 32,
  classes: 2,
};

export function lstmTextClassifierSpec(options: Partial<TextClassifierOptions> = {}): NetworkSpec {
  const o = { ...DEFAULTS, ...options };
  const b = new SpecBuilder(LSTM_TEXT_TITLE.en);
  let x = b.input([o.sequenceLength]);
  x = b.add('Embedding', 'embedding', { inputDim: o.vocabulary, outputDim: o.embedding, maskZero: false }, x);
  x = b.add('LSTM', 'lstm', { units: o.units, activation: 'tanh', returnSequences: false }, x);
  b.add('Dense', 'output', { units: o.classes, activation: 'softmax' }, x);
  return b.spec();
}

export const lstmTextClassifierCard: ZooCard = {
  id: 'lstm-text',
  name: LSTM_TEXT_TITLE.en,
  title: LSTM_TEXT_TITLE,
  year: 1997,
  paper: { title: 'Long Short-Term Memory', authors: 'Sepp Hochreiter, Jürgen Schmidhuber' },
  idea: {
    en: 'Each word becomes a learned vector, and an LSTM reads the vectors in order, keeping what matters in a memory cell guarded by learned gates. Its state after the last word summarises the sentence, and a dense layer turns that summary into class scores.',
    zh: '每个词变成一个可学习的向量，LSTM 按顺序读取这些向量，并把重要的内容保存在由可学习的门守护的记忆单元中。读完最后一个词后的状态概括了整个句子，再由一个全连接层把这个概括变成各类别的分数。',
  },
  pretrained: false,
};

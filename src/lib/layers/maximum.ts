/** Maximum: the element-wise maximum of its inputs. */
import { elementwiseMerge } from './shared/merge';

export const maximum = elementwiseMerge(
  'Maximum',
  {
    en: 'Keeps, at every position, the largest value among its inputs. Maxout networks build their activation from it: the unit outputs whichever of several linear pieces is highest. It has no weights.',
    zh: '在每个位置保留各输入中的最大值。Maxout 网络用它构造激活：单元输出若干线性部分中最大的那个。它没有权重。',
  },
  { maxInputs: 8 },
);

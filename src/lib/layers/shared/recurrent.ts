/**
 * Shared definition of the recurrent layers. Each reads a [steps, features] sequence; a
 * cell with `gates` weight blocks (1 for SimpleRNN, 3 for GRU, 4 for LSTM) has a kernel
 * [features, gates·units], a recurrent kernel [units, gates·units] and a bias [gates·units].
 */
import type { LayerDef, ParamDef } from '../types';
import type { LayerParams, Localized } from '../../spec/types';
import { activationParam, bool, num, str, unitsParam, useBiasParam } from './params';
import { readActivation, readBool, readInt, refuseUnless } from './kerasConfig';
import { rankError } from './windowMath';

export const returnSequencesParam: ParamDef = {
  name: 'returnSequences',
  kind: 'bool',
  default: false,
  label: { en: 'Return sequences', zh: '返回整个序列' },
  help: {
    en: 'On: output the state after every step ([steps, units]), needed to stack another recurrent layer. Off: only the state after the last step ([units]).',
    zh: '开：输出每一步之后的状态（[步数, 单元数]），堆叠另一个循环层时需要。关：只输出最后一步之后的状态（[单元数]）。',
  },
};

export const goBackwardsParam: ParamDef = {
  name: 'goBackwards',
  kind: 'bool',
  default: false,
  // Added after files were written without it: absent means forwards.
  optional: true,
  label: { en: 'Read backwards', zh: '倒序读取' },
  help: {
    en: 'On: read the sequence from the last step to the first (Keras go_backwards). With return sequences on, the states come out in that reading order: the first row is the state after the last step.',
    zh: '开：从最后一步往前读取序列（Keras 的 go_backwards）。若同时返回整个序列，状态按读取顺序输出：第一行是读完最后一步之后的状态。',
  },
};

/** Whether a recurrent layer reads its sequence last step first (absent: forwards). */
export function goesBackwards(params: LayerParams, name = 'goBackwards'): boolean {
  return params[name] === undefined ? false : bool(params, name);
}

export function recurrent(type: string, gates: number, description: Localized): LayerDef {
  return {
    type,
    category: 'Recurrent',
    description,
    formula: 'recurrent',
    params: [
      {
        ...unitsParam,
        help: {
          en: 'Size of the state carried from step to step, which is the output size.',
          zh: '从一步传到下一步的状态大小，也就是输出大小。',
        },
      },
      {
        ...activationParam,
        default: 'tanh',
        help: {
          en: 'Function applied to the new state candidate; tanh keeps it between −1 and 1.',
          zh: '作用在候选新状态上的函数；tanh 把它限制在 −1 到 1 之间。',
        },
      },
      useBiasParam,
      returnSequencesParam,
      goBackwardsParam,
    ],
    arity: { min: 1, max: 1 },
    inferShape(p, [input = []]) {
      const bad = rankError(input, 2, { en: 'steps × features', zh: '步数 × 特征' });
      if (bad) return { error: bad };
      const units = num(p, 'units');
      return { shape: bool(p, 'returnSequences') ? [input[0] ?? 0, units] : [units] };
    },
    weights(p, [input = []]) {
      const units = num(p, 'units');
      const w = [
        { name: 'kernel', shape: [input[1] ?? 0, gates * units] },
        { name: 'recurrent_kernel', shape: [units, gates * units] },
      ];
      return bool(p, 'useBias') ? [...w, { name: 'bias', shape: [gates * units] }] : w;
    },
    countMacs(p, [input = []]) {
      const units = num(p, 'units');
      return (input[0] ?? 0) * gates * units * ((input[1] ?? 0) + units);
    },
    keras: {
      className: type,
      toConfig: (p) => ({
        units: num(p, 'units'),
        activation: str(p, 'activation'),
        use_bias: bool(p, 'useBias'),
        return_sequences: bool(p, 'returnSequences'),
        go_backwards: goesBackwards(p),
      }),
      fromConfig: (c) => {
        // An option that changes what the layer outputs, which the spec cannot say.
        refuseUnless(c, 'return_state', [false]);
        if (gates > 1) {
          // tfjs builds LSTM and GRU with a hard sigmoid on the gates and implements GRU's
          // reset gate before the matrix product only (one bias per gate).
          refuseUnless(c, 'recurrent_activation', ['hard_sigmoid']);
          refuseUnless(c, 'reset_after', [false]);
        }
        return {
          units: readInt(c, 'units', { min: 1 }),
          activation: readActivation(c, 'activation', 'tanh'),
          useBias: readBool(c, 'use_bias', true),
          returnSequences: readBool(c, 'return_sequences', false),
          // Kept absent when off, as specs written before the parameter existed.
          ...(readBool(c, 'go_backwards', false) ? { goBackwards: true } : {}),
        };
      },
    },
  };
}

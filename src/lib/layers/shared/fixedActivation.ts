/**
 * Shared definition of the parameter-free activation layers (Sigmoid, Tanh, SELU, ...). Each
 * maps to Keras' `Activation` layer with its function's name, or to null when tfjs lacks it.
 */
import type { LayerDef, ParamDef } from '../types';
import type { Localized } from '../../spec/types';

/** Shape-preserving and weightless: the part every activation layer shares. */
export const elementwise = {
  category: 'Activation',
  arity: { min: 1, max: 1 },
  inferShape: (_p: unknown, [input = []]: number[][]) => ({ shape: [...input] }),
  weights: () => [],
  countMacs: () => 0,
} as const;

export function fixedActivation(
  type: string,
  kerasActivation: string | null,
  description: Localized,
  tfjsNote?: Localized,
): LayerDef {
  const params: readonly ParamDef[] = [];
  const def: LayerDef = {
    type,
    ...elementwise,
    description,
    params,
    formula: 'activation',
    // HardSwish has no Keras name in tfjs; its snake_case type name is the formula module's.
    activationOf: () => ({
      name: kerasActivation ?? type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(),
    }),
    keras: kerasActivation
      ? {
          className: 'Activation',
          toConfig: () => ({ activation: kerasActivation }),
          fromConfig: () => ({}),
        }
      : null,
  };
  if (tfjsNote) def.tfjsNote = tfjsNote;
  return def;
}

/**
 * Strict reads of a Keras layer config, field by field. A field that is absent takes the
 * default Keras itself gives it (and a field Keras requires is refused when absent); a
 * field that is present is read as Keras reads it or refused with a `KerasConfigError`
 * naming the field and what was expected. A wrong value never turns into a default.
 */
import type { Localized } from '../../spec/types';
import { ACTIVATIONS } from './params';

export type KerasConfig = Record<string, unknown>;

/** A config field that is missing or holds a value Keras (or CNN Studio) does not accept. */
export class KerasConfigError extends Error {
  constructor(
    /** Path of the field inside the layer's config, e.g. ['kernel_size'] or ['layer', 'config', 'units']. */
    readonly field: readonly string[],
    /** What is wrong, starting with the field name. */
    readonly problem: Localized,
  ) {
    super(`${field.join('.')}: ${problem.en}`);
  }

  /** The same problem seen from a config that holds this one under `prefix`. */
  nested(prefix: readonly string[]): KerasConfigError {
    return new KerasConfigError([...prefix, ...this.field], this.problem);
  }
}

/** A value as the message shows it: JSON, cut short. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function refuse(field: string, value: unknown, want: Localized): never {
  const problem =
    value === undefined
      ? { en: `${field} is missing; expected ${want.en}`, zh: `缺少 ${field}；应为${want.zh}` }
      : {
          en: `${field} must be ${want.en}, not ${shown(value)}`,
          zh: `${field} 必须是${want.zh}，而不是 ${shown(value)}`,
        };
  throw new KerasConfigError([field], problem);
}

interface NumberRule {
  /** Keras' value when the field is absent; without it the field is required. */
  dflt?: number;
  min?: number;
  max?: number;
  /** Keras' value when the field is `null`; without it null is refused. */
  ifNull?: number;
}

function numberWant(integer: boolean, rule: NumberRule): Localized {
  const kind = integer ? { en: 'a whole number', zh: '整数' } : { en: 'a number', zh: '数' };
  const { min, max } = rule;
  if (min !== undefined && max !== undefined)
    return { en: `${kind.en} from ${min} to ${max}`, zh: ` ${min} 到 ${max} 之间的${kind.zh}` };
  if (min !== undefined) return { en: `${kind.en} ≥ ${min}`, zh: ` ≥ ${min} 的${kind.zh}` };
  return kind;
}

function readNumber(c: KerasConfig, field: string, integer: boolean, rule: NumberRule): number {
  const v = c[field];
  if (v === undefined && rule.dflt !== undefined) return rule.dflt;
  if (v === null && rule.ifNull !== undefined) return rule.ifNull;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!integer || Number.isInteger(v)) &&
    (rule.min === undefined || v >= rule.min) &&
    (rule.max === undefined || v <= rule.max);
  if (!ok) refuse(field, v, numberWant(integer, rule));
  return v;
}

export function readInt(c: KerasConfig, field: string, rule: NumberRule = {}): number {
  return readNumber(c, field, true, rule);
}

export function readFloat(c: KerasConfig, field: string, rule: NumberRule = {}): number {
  return readNumber(c, field, false, rule);
}

export function readBool(c: KerasConfig, field: string, dflt: boolean): boolean {
  const v = c[field];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') refuse(field, v, { en: 'true or false', zh: ' true 或 false' });
  return v;
}

/**
 * An int or a list of `n` ints (`3` → [3, 3] for n = 2), as Keras' `normalize_tuple` reads
 * `kernel_size`, `strides`, `dilation_rate`, `pool_size` and `size`.
 */
export function readTuple(
  c: KerasConfig,
  field: string,
  n: number,
  rule: { dflt?: number[]; min?: number; ifNull?: number[] } = {},
): number[] {
  const v = c[field];
  if (v === undefined && rule.dflt) return rule.dflt;
  if (v === null && rule.ifNull) return rule.ifNull;
  const min = rule.min ?? 1;
  const fits = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
  if (fits(v)) return Array.from({ length: n }, () => v);
  if (Array.isArray(v) && v.length === n && v.every(fits)) return v.slice();
  return refuse(field, v, {
    en: `a whole number ≥ ${min} or a list of ${n} of them`,
    zh: ` ≥ ${min} 的整数或 ${n} 个这样的整数组成的列表`,
  });
}

/** A list of ints of any length (`target_shape`, `dims`), each at least `min`. */
export function readIntList(c: KerasConfig, field: string, min: number): number[] {
  const v = c[field];
  if (!Array.isArray(v) || !v.every((x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= min))
    refuse(field, v, { en: `a list of whole numbers ≥ ${min}`, zh: ` ≥ ${min} 的整数列表` });
  return (v as number[]).slice();
}

/**
 * One of `options`; `lower` reads the value lower-cased first, as Keras does for `padding`
 * and `data_format` ("SAME" is "same").
 */
export function readChoice<T extends string>(
  c: KerasConfig,
  field: string,
  options: readonly T[],
  dflt: T | undefined,
  lower = false,
): T {
  const v = c[field];
  if (v === undefined && dflt !== undefined) return dflt;
  const s = typeof v === 'string' ? (lower ? v.toLowerCase() : v) : undefined;
  const picked = options.find((o) => o === s);
  if (picked === undefined)
    refuse(field, v, {
      en: `one of ${options.map((o) => `"${o}"`).join(', ')}`,
      zh: ` ${options.map((o) => `"${o}"`).join('、')} 之一`,
    });
  return picked;
}

/** `padding` of a window layer: "valid" or "same" in any case; Conv1D's "causal" is not supported. */
export function readPadding(c: KerasConfig): 'valid' | 'same' {
  return readChoice(c, 'padding', ['valid', 'same'], 'valid', true);
}

/**
 * `data_format`: CNN Studio lays images out channels last, as tfjs does by default; a
 * channels-first layer is refused rather than read with its axes swapped.
 */
export function requireChannelsLast(c: KerasConfig): void {
  const v = c.data_format;
  if (v === undefined || v === null || (typeof v === 'string' && v.toLowerCase() === 'channels_last')) return;
  throw new KerasConfigError(['data_format'], {
    en: `data_format must be "channels_last", not ${shown(v)}: CNN Studio and tfjs lay images out channels last`,
    zh: `data_format 必须是 "channels_last"，而不是 ${shown(v)}：CNN Studio 和 tfjs 按通道在后的方式排列图像`,
  });
}

/** Keras' name for an activation when it differs from tfjs' (Keras 3 writes swish as silu). */
const ACTIVATION_ALIASES: Record<string, string> = { silu: 'swish' };

/** An activation by name; `null` is Keras' "no activation" (linear). */
export function readActivation(c: KerasConfig, field: string, dflt: string | undefined): string {
  const v = c[field];
  if (v === undefined && dflt !== undefined) return dflt;
  if (v === null) return 'linear';
  const name = typeof v === 'string' ? (ACTIVATION_ALIASES[v] ?? v) : undefined;
  if (name === undefined || !(ACTIVATIONS as readonly string[]).includes(name))
    refuse(field, v, {
      en: `an activation TensorFlow.js has (${ACTIVATIONS.join(', ')})`,
      zh: ` TensorFlow.js 支持的激活函数（${ACTIVATIONS.join('、')}）`,
    });
  return name;
}

/**
 * A Keras option CNN Studio does not model: fine when absent or at the value that means
 * "off", refused otherwise so the net is never read as something it is not.
 */
export function refuseUnless(c: KerasConfig, field: string, off: readonly unknown[]): void {
  const v = c[field];
  if (v === undefined || off.some((o) => JSON.stringify(o) === JSON.stringify(v))) return;
  throw new KerasConfigError([field], {
    en: `${field} = ${shown(v)} is not supported; expected ${off.map((o) => shown(o)).join(' or ')}`,
    zh: `不支持 ${field} = ${shown(v)}；应为 ${off.map((o) => shown(o)).join(' 或 ')}`,
  });
}

/** A Keras `axis` that may be written as one int or a list of one. */
export function readAxis(c: KerasConfig, field: string, dflt: number): number {
  const v = c[field];
  if (Array.isArray(v) && v.length === 1) return readInt({ [field]: v[0] }, field);
  return readInt(c, field, { dflt });
}

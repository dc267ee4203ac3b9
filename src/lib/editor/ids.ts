/** Layer names: a readable base from the type, made unique within a spec, and checked. */
import type { Localized, NetworkSpec } from '../spec/types';

/** `Conv2D` → `conv2d`, `MaxPooling2D` → `max_pooling2d`, `LeakyReLU` → `leaky_relu`. */
export function baseIdFor(type: string): string {
  const snake = type.replace(/([0-9][A-Z]|[a-z0-9])([A-Z][a-z])/g, '$1_$2').toLowerCase();
  return snake.replace(/[^a-z0-9_]/g, '') || 'layer';
}

export function takenIds(spec: NetworkSpec): Set<string> {
  return new Set(spec.layers.map((l) => l.id));
}

/** `base_1`, `base_2`, …: the first numbered name nobody uses yet. */
export function uniqueId(taken: ReadonlySet<string>, base: string): string {
  for (let n = 1; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Names become tfjs layer names and the first half of weight names (`conv_1/kernel`), so
 * a slash or a space would break saving; letters, digits, `_`, `-` and `.` are safe.
 */
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const MAX_ID_LENGTH = 64;

export function idProblem(id: string, taken: ReadonlySet<string>): Localized | null {
  if (id.length === 0) return { en: 'the name cannot be empty', zh: '名称不能为空' };
  if (id.length > MAX_ID_LENGTH)
    return {
      en: `the name is longer than ${MAX_ID_LENGTH} characters`,
      zh: `名称超过 ${MAX_ID_LENGTH} 个字符`,
    };
  if (!ID_PATTERN.test(id))
    return {
      en: `"${id}" must start with a letter and use only letters, digits, _ - and .`,
      zh: `“${id}” 必须以字母开头，且只能包含字母、数字、_、- 和 .`,
    };
  if (taken.has(id)) return { en: `another layer is already called "${id}"`, zh: `已有另一层名为 “${id}”` };
  return null;
}

/**
 * TensorFlow's DataType enum (types.proto): each name with its number. The `_REF` types
 * (number + 100) are what old-style variables (VariableV2) hand out; they hold the same values.
 */
export interface DataType {
  name: string;
  code: number;
}

const BASE: [string, number][] = [
  ['DT_INVALID', 0],
  ['DT_FLOAT', 1],
  ['DT_DOUBLE', 2],
  ['DT_INT32', 3],
  ['DT_UINT8', 4],
  ['DT_INT16', 5],
  ['DT_INT8', 6],
  ['DT_STRING', 7],
  ['DT_COMPLEX64', 8],
  ['DT_INT64', 9],
  ['DT_BOOL', 10],
  ['DT_QINT8', 11],
  ['DT_QUINT8', 12],
  ['DT_QINT32', 13],
  ['DT_BFLOAT16', 14],
  ['DT_QINT16', 15],
  ['DT_QUINT16', 16],
  ['DT_UINT16', 17],
  ['DT_COMPLEX128', 18],
  ['DT_HALF', 19],
  ['DT_RESOURCE', 20],
  ['DT_VARIANT', 21],
  ['DT_UINT32', 22],
  ['DT_UINT64', 23],
];

export const DATA_TYPES: readonly DataType[] = [
  ...BASE.map(([name, code]) => ({ name, code })),
  ...BASE.slice(1).map(([name, code]) => ({ name: `${name}_REF`, code: code + 100 })),
];

/** The type without its `_REF`: DT_FLOAT_REF → DT_FLOAT. */
export function baseType(t: DataType): string {
  return t.name.replace(/_REF$/, '');
}

/** The floating-point types, by name without `_REF`. */
export const FLOAT_TYPES: ReadonlySet<string> = new Set(['DT_FLOAT', 'DT_DOUBLE', 'DT_HALF', 'DT_BFLOAT16']);

export function isFloatType(t: DataType): boolean {
  return FLOAT_TYPES.has(baseType(t));
}

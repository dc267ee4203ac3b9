/**
 * A node's attributes, read by name with their defaults. Each read is remembered, so that
 * after a node is converted any attribute nobody asked for can be refused by name: an
 * attribute CNN Studio does not understand never changes the result silently.
 */
import { AttributeType, type AttributeProto, type TensorProto } from './onnxSchema';
import { toInt } from './onnxDecode';

export type AttrFail = (en: string, zh: string) => never;

const TYPE_NAMES: Record<number, string> = {
  1: 'a float',
  2: 'an int',
  3: 'a string',
  4: 'a tensor',
  5: 'a graph',
  6: 'a list of floats',
  7: 'a list of ints',
  8: 'a list of strings',
  9: 'a list of tensors',
  10: 'a list of graphs',
};

export class Attrs {
  private readonly byName = new Map<string, AttributeProto>();
  private readonly read = new Set<string>();

  constructor(
    list: readonly AttributeProto[],
    private readonly fail: AttrFail,
  ) {
    for (const a of list) {
      const name = a.name ?? '';
      if (this.byName.has(name)) fail(`attribute "${name}" is given twice`, `属性 “${name}” 出现了两次`);
      if (a.refAttrName)
        fail(`attribute "${name}" refers to a function's attribute`, `属性 “${name}” 引用了函数的属性`);
      this.byName.set(name, a);
    }
  }

  has(name: string): boolean {
    this.read.add(name);
    return this.byName.has(name);
  }

  private get(name: string, type: number): AttributeProto | undefined {
    this.read.add(name);
    const a = this.byName.get(name);
    if (!a) return undefined;
    // IR version 1 files leave `type` out; the value fields say what it is then.
    if (a.type !== undefined && a.type !== 0 && a.type !== type)
      this.fail(
        `attribute "${name}" is ${TYPE_NAMES[a.type] ?? `of type ${a.type}`}, expected ${TYPE_NAMES[type]}`,
        `属性 “${name}” 是${TYPE_NAMES[a.type] ?? `类型 ${a.type}`}，应为${TYPE_NAMES[type]}`,
      );
    return a;
  }

  int(name: string, dflt: number): number {
    const a = this.get(name, AttributeType.INT);
    return a ? toInt(a.i) : dflt;
  }

  float(name: string, dflt: number): number {
    const a = this.get(name, AttributeType.FLOAT);
    return a?.f ?? dflt;
  }

  ints(name: string, dflt: number[] | null): number[] | null {
    const a = this.get(name, AttributeType.INTS);
    return a ? a.ints.map((v) => toInt(v)) : dflt;
  }

  floats(name: string): number[] | null {
    const a = this.get(name, AttributeType.FLOATS);
    return a ? [...a.floats] : null;
  }

  string(name: string, dflt: string): string {
    const a = this.get(name, AttributeType.STRING);
    return a?.s ? new TextDecoder().decode(a.s) : dflt;
  }

  tensor(name: string): TensorProto | undefined {
    return this.get(name, AttributeType.TENSOR)?.t;
  }

  /** Attributes present that no conversion step read. */
  unread(): string[] {
    return [...this.byName.keys()].filter((n) => !this.read.has(n));
  }
}

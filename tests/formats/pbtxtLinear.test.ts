/**
 * Reading a GraphDef is linear in its size: four times the nodes or four times the packed
 * weight bytes take about four times as long, not sixteen; a very long chain of nodes is
 * walked without recursion, and a weight reached only through hundreds of Identities is
 * refused with a message instead of a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import { parsePbtxt, TfFormatError } from '../../src/lib/formats/tensorflow/pbtxtImport';
import { growthOf4x, LINEAR_GROWTH_4X } from './timing';

const INPUT = `node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } }
  attr { key: "shape" value { shape { dim { size: -1 } dim { size: 4 } } } } }\n`;

/** x → Relu → Relu → … (`count` nodes), each its own layer. */
function chain(count: number, op = 'Relu'): string {
  const nodes = Array.from(
    { length: count },
    (_, k) => `node { name: "r${k}" op: "${op}" input: "${k === 0 ? 'x' : `r${k - 1}`}" }\n`,
  );
  return INPUT + nodes.join('');
}

/** A dense layer whose 4×n kernel is packed content: 16 escaped characters per weight. */
function packed(n: number): string {
  const bytes = '\\000\\000\\200?'.repeat(4 * n);
  return `${INPUT}node { name: "w" op: "Const" attr { key: "dtype" value { type: DT_FLOAT } }
  attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape { dim { size: 4 } dim { size: ${n} } } tensor_content: "${bytes}" } } } }
node { name: "fc/MatMul" op: "MatMul" input: "x" input: "w" }\n`;
}

describe('GraphDef reading is linear', () => {
  it('4× the nodes take about 4× as long, not 16×', { timeout: 120_000 }, () => {
    const small = chain(2000);
    const large = chain(8000);
    expect(parsePbtxt(large).spec.layers).toHaveLength(8001);
    expect(
      growthOf4x(
        () => parsePbtxt(small),
        () => parsePbtxt(large),
      ),
    ).toBeLessThan(LINEAR_GROWTH_4X);
  });

  it(
    '4× the packed weight bytes take about 4× as long, and every value is read',
    { timeout: 120_000 },
    () => {
      const small = packed(25_000);
      const large = packed(100_000);
      const weights = parsePbtxt(large).weights?.get('fc/kernel');
      expect(weights?.length).toBe(400_000);
      expect(weights?.every((v) => v === 1)).toBe(true);
      expect(
        growthOf4x(
          () => parsePbtxt(small),
          () => parsePbtxt(large),
        ),
      ).toBeLessThan(LINEAR_GROWTH_4X);
    },
  );

  it('a chain of 30,000 Identity nodes is walked without recursion', () => {
    expect(parsePbtxt(chain(30_000, 'Identity')).spec.layers.map((l) => l.id)).toEqual(['x']);
  });

  it('a weight reached through more than 400 Identities is refused naming the node', () => {
    const reads = Array.from(
      { length: 500 },
      (_, k) => `node { name: "w${k + 1}" op: "Identity" input: "w${k}" }\n`,
    ).join('');
    const text = `${INPUT}node { name: "w0" op: "VariableV2" attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "shape" value { shape { dim { size: 4 } dim { size: 2 } } } } }
${reads}node { name: "fc/MatMul" op: "MatMul" input: "x" input: "w500" }\n`;
    expect(() => parsePbtxt(text)).toThrow(TfFormatError);
    expect(() => parsePbtxt(text)).toThrow('node "w500": more than 400 nodes in a row lead to this value');
  });
});

import { describe, expect, it } from 'vitest';
import { parsePrototxtNet } from '../../src/lib/formats/caffe/caffeImport';
import { preprocessingOf } from '../../src/lib/preprocess/netInput';

const net = (transform: string) => `
name: "p"
layer {
  name: "data" type: "Data" top: "data" top: "label"
  transform_param { crop_size: 28 ${transform} }
}
layer {
  name: "ip" type: "InnerProduct" bottom: "data" top: "ip"
  inner_product_param { num_output: 10 }
}
`;

describe('Caffe transform_param as the model’s preprocessing', () => {
  it('reads mean_value and scale as BGR, 0–255, per-channel mean and std = 1 / scale', () => {
    const { spec } = parsePrototxtNet(net('mean_value: 104 mean_value: 117 mean_value: 123 scale: 0.017'));
    const read = preprocessingOf(spec);
    expect(read).toMatchObject({ ok: true, value: { order: 'bgr', scale: '0-255', mean: [104, 117, 123] } });
    expect(read.ok && read.value.std[0]).toBeCloseTo(1 / 0.017, 6);
  });

  it('leaves a data layer that says nothing as plain RGB, as before', () => {
    const { spec } = parsePrototxtNet(net(''));
    const input = spec.layers.find((l) => l.type === 'Input')!;
    expect(Object.keys(input.params)).toEqual(['shape']);
  });

  it('notes a mean_file it cannot read, and refuses a wrong mean count or scale naming the field', () => {
    const withFile = parsePrototxtNet(net('mean_file: "mean.binaryproto"'));
    expect(withFile.notes.map((n) => n.en).join(' ')).toMatch(/data: transform_param's mean_file/);
    expect(() => parsePrototxtNet(net('mean_value: 1 mean_value: 2'))).toThrow(
      /2 mean_value entries; give 1 or 3/,
    );
    expect(() => parsePrototxtNet(net('scale: 0'))).toThrow(/scale must be above 0, not 0/);
  });
});

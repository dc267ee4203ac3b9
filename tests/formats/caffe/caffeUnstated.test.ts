/**
 * A Caffe deploy prototxt says nothing of how images were prepared: the import says so in a
 * note and names the Input for the panel to ask, instead of silently treating it as RGB 0–1;
 * a data layer's transform_param, or an input that is not an image, needs no question.
 */
import { describe, expect, it } from 'vitest';
import { parsePrototxtNet, UNSTATED_NOTE } from '../../../src/lib/formats/caffe/caffeImport';
import { importText } from '../../../src/lib/formats';
import { presetParams } from '../../../src/lib/editor/inputPreprocessing';

const deploy = (dims: number[]) => `name: "deploy"
input: "data"
input_shape { ${dims.map((d) => `dim: ${d}`).join(' ')} }
layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc" inner_product_param { num_output: 3 } }
layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
`;

describe('a deploy prototxt without transform_param', () => {
  it('names its image Input as unstated and says so in a note; the Input stays unset, not made up', () => {
    const imported = importText(deploy([1, 3, 32, 32]));
    expect(imported.unstatedInput).toBe('data');
    expect(imported.notes).toContainEqual(UNSTATED_NOTE);
    expect(UNSTATED_NOTE.en).toMatch(/does not say how images were prepared.*BGR values 0–255 minus a mean/);
    const input = imported.spec.layers.find((l) => l.type === 'Input');
    expect(input?.params).toEqual({ shape: [32, 32, 3] });
    // The one-click choice the panel offers: Caffe's BGR 0–255 with the ImageNet mean.
    expect(presetParams('caffe', 3)).toEqual({
      channelOrder: 'bgr',
      valueScale: '0-255',
      mean: [103.939, 116.779, 123.68],
      std: [1],
    });
  });

  it('a greyscale input is asked about too; a vector input is not an image', () => {
    expect(parsePrototxtNet(deploy([1, 1, 28, 28])).unstatedInput).toBe('data');
    const vector = parsePrototxtNet(deploy([1, 10]));
    expect(vector.unstatedInput).toBeUndefined();
    expect(vector.notes).not.toContainEqual(UNSTATED_NOTE);
  });

  it("a data layer's transform_param says how: no question", () => {
    const text = `name: "train"
layer { name: "data" type: "Data" top: "data" top: "label"
  transform_param { crop_size: 32 mean_value: 104 mean_value: 117 mean_value: 123 }
  data_param { source: "x" batch_size: 1 } }
layer { name: "fc" type: "InnerProduct" bottom: "data" top: "fc" inner_product_param { num_output: 3 } }
`;
    const imported = parsePrototxtNet(text);
    expect(imported.unstatedInput).toBeUndefined();
    expect(imported.spec.layers.find((l) => l.type === 'Input')?.params).toMatchObject({
      channelOrder: 'bgr',
      valueScale: '0-255',
      mean: [104, 117, 123],
    });
  });
});

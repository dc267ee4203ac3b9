import { describe, expect, it } from 'vitest';
import { parseKerasJson, serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { preprocessingFromProps, withPreprocessing } from '../../src/lib/preprocess/preprocessingMeta';
import { serializeOnnx } from '../../src/lib/formats/onnx/onnxExport';
import { parseOnnx } from '../../src/lib/formats/onnx/onnxImport';
import { preprocessingOf } from '../../src/lib/preprocess/netInput';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import type { NetworkSpec } from '../../src/lib/spec/types';

function bgr(spec: NetworkSpec): NetworkSpec {
  return withPreprocessing(
    spec,
    { channelOrder: 'bgr', valueScale: '0-255', mean: [104, 117, 123], std: [1] },
    'test',
  );
}

describe('preprocessing in model metadata', () => {
  it('a tfjs model.json written by CNN Studio carries it in userDefinedMetadata and reads it back', () => {
    const spec = bgr(tinyVggSpec());
    const { json } = serializeKerasJson(spec, undefined, { labels: [] });
    expect(JSON.parse(json).userDefinedMetadata.cnnStudio.preprocessing).toEqual({
      channelOrder: 'bgr',
      valueScale: '0-255',
      mean: [104, 117, 123],
      std: [1],
    });
    const back = parseKerasJson(json).spec;
    expect(preprocessingOf(back)).toEqual(preprocessingOf(spec));
  });

  it('a plain model writes no metadata, as before', () => {
    const { json } = serializeKerasJson(tinyVggSpec(), undefined, {});
    expect(JSON.parse(json).userDefinedMetadata).toBeUndefined();
  });

  it('refuses a hostile or wrong value naming the key', () => {
    const { json } = serializeKerasJson(tinyVggSpec(), undefined, {});
    const model = JSON.parse(json);
    model.userDefinedMetadata = { preprocessing: { channelOrder: '"><script>', mean: [1] } };
    expect(() => parseKerasJson(JSON.stringify(model))).toThrow(
      /userDefinedMetadata\.preprocessing\.channelOrder: Channel order must be one of rgb, bgr/,
    );
    model.userDefinedMetadata = { preprocessing: { mean: [1, 2, 3], std: [0.5, 0.5] } };
    expect(() => parseKerasJson(JSON.stringify(model))).toThrow(
      /preprocessing\.std: Std must be a list of 1 or 3 numbers/,
    );
  });

  it('reads an ONNX metadata_props "preprocessing" entry, refusing one that is not JSON', () => {
    expect(preprocessingFromProps([{ key: 'preprocessing', value: '{"mean":[0.5],"std":[0.5]}' }])).toEqual({
      mean: [0.5],
      std: [0.5],
    });
    expect(preprocessingFromProps([{ key: 'labels', value: '[]' }])).toBeNull();
    expect(() => preprocessingFromProps([{ key: 'preprocessing', value: '{mean' }])).toThrow(/not JSON/);
  });
});

describe('preprocessing in ONNX', () => {
  it('is written to metadata_props and read back', () => {
    const spec: NetworkSpec = {
      name: 'grey',
      layers: [
        {
          id: 'input',
          type: 'Input',
          params: { shape: [4, 4, 1], mean: [0.1307], std: [0.3081] },
          inputs: [],
        },
        { id: 'flat', type: 'Flatten', params: {}, inputs: ['input'] },
        {
          id: 'out',
          type: 'Dense',
          params: { units: 2, activation: 'softmax', useBias: true },
          inputs: ['flat'],
        },
      ],
    };
    const weights = new Map([
      ['out/kernel', new Float32Array(32).fill(0.1)],
      ['out/bias', new Float32Array(2)],
    ]);
    const back = parseOnnx(serializeOnnx(spec, weights));
    expect(preprocessingOf(back.spec)).toMatchObject({
      ok: true,
      value: { channels: 1, mean: [0.1307], std: [0.3081] },
    });
  });
});

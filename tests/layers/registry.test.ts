/** The registry as a whole: coverage, texts in both languages, defaults and Keras round trips. */
import { describe, expect, it } from 'vitest';
import { LAYER_DEFS, getLayerDef, getLayerDefByKerasClass } from '../../src/lib/layers/registry';
import { checkParam, defaultLayerParams, paramDefsFor } from '../../src/lib/layers/shared/params';
import type { LayerCategory } from '../../src/lib/layers/types';

const EXPECTED: Record<LayerCategory, string[]> = {
  Data: ['Input'],
  Vision: [
    'Conv1D',
    'Conv2D',
    'Conv3D',
    'Conv2DTranspose',
    'DepthwiseConv2D',
    'SeparableConv2D',
    'GroupedConv2D',
    'UpSampling1D',
    'UpSampling2D',
    'UpSampling3D',
    'LocallyConnected1D',
    'LocallyConnected2D',
    'MaxPooling1D',
    'MaxPooling2D',
    'MaxPooling3D',
    'AveragePooling1D',
    'AveragePooling2D',
    'AveragePooling3D',
    'GlobalMaxPooling1D',
    'GlobalMaxPooling2D',
    'GlobalMaxPooling3D',
    'GlobalAveragePooling1D',
    'GlobalAveragePooling2D',
    'GlobalAveragePooling3D',
  ],
  Recurrent: ['SimpleRNN', 'GRU', 'LSTM'],
  Utility: [
    'Flatten',
    'Reshape',
    'Concatenate',
    'Add',
    'Multiply',
    'Average',
    'Maximum',
    'Subtract',
    'Dot',
    'Permute',
    'RepeatVector',
    'ActivityRegularization',
    'Masking',
    'ZeroPadding2D',
    'Cropping2D',
  ],
  Activation: [
    'Activation',
    'ReLU',
    'ReLU6',
    'LeakyReLU',
    'PReLU',
    'ELU',
    'ThresholdedReLU',
    'SELU',
    'Softplus',
    'Softsign',
    'Sigmoid',
    'Tanh',
    'HardSigmoid',
    'Swish',
    'HardSwish',
    'Softmax',
  ],
  Normalization: ['BatchNormalization', 'LayerNormalization', 'LRN'],
  Common: ['Dense', 'Dropout', 'Embedding'],
  Noise: ['GaussianNoise', 'GaussianDropout', 'AlphaDropout'],
  Loss: ['SoftmaxCrossEntropy', 'BinaryCrossEntropy', 'MeanSquaredError', 'Hinge'],
  Wrapper: ['TimeDistributed', 'Bidirectional'],
};

const WITHOUT_TFJS = [
  'UpSampling1D',
  'UpSampling3D',
  'LocallyConnected1D',
  'LocallyConnected2D',
  'GlobalMaxPooling3D',
  'GlobalAveragePooling3D',
  'Subtract',
  'ActivityRegularization',
  'SoftmaxCrossEntropy',
  'BinaryCrossEntropy',
  'MeanSquaredError',
  'Hinge',
];

const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('layer registry', () => {
  it('has exactly the expected types, each in its category, each once', () => {
    const expected = Object.entries(EXPECTED).flatMap(([cat, types]) => types.map((t) => `${cat}/${t}`));
    expect(LAYER_DEFS.map((d) => `${d.category}/${d.type}`).sort()).toEqual(expected.sort());
  });

  it('marks exactly the types tfjs lacks, each with a note on what to use instead', () => {
    expect(
      LAYER_DEFS.filter((d) => !d.keras)
        .map((d) => d.type)
        .sort(),
    ).toEqual([...WITHOUT_TFJS].sort());
    for (const d of LAYER_DEFS.filter((x) => !x.keras)) {
      expect(d.tfjsNote?.en, d.type).toMatch(/tfjs/);
      expect(hasCjk(d.tfjsNote?.zh ?? ''), d.type).toBe(true);
    }
    // The engine runs these with its own tfjs layers; Keras files cannot hold LRN.
    expect(LAYER_DEFS.filter((d) => d.keras?.notInKeras).map((d) => d.type)).toEqual(['LRN']);
    expect(getLayerDef('GroupedConv2D')?.keras?.className).toBe('GroupedConv2D');
  });

  it.each(LAYER_DEFS.map((d) => [d.type, d] as const))(
    '%s explains itself and its params in en and zh',
    (_t, def) => {
      expect(def.description.en.length).toBeGreaterThan(80);
      expect(hasCjk(def.description.zh)).toBe(true);
      const params = defaultLayerParams(def);
      for (const p of paramDefsFor(def, params)) {
        expect(p.label.en.length, p.name).toBeGreaterThan(0);
        expect(p.label.zh.length, p.name).toBeGreaterThan(0);
        expect(p.help.en.length, p.name).toBeGreaterThan(10);
        expect(hasCjk(p.help.zh), p.name).toBe(true);
        expect(checkParam(p, params[p.name]), `${def.type}.${p.name} default`).toBeNull();
      }
      // Params are plain JSON.
      expect(JSON.parse(JSON.stringify(params))).toEqual(params);
    },
  );

  it.each(LAYER_DEFS.filter((d) => d.keras).map((d) => [d.type, d] as const))(
    '%s reads its own Keras config back',
    (type, def) => {
      const params = defaultLayerParams(def);
      const config = JSON.parse(JSON.stringify(def.keras!.toConfig(params))) as Record<string, unknown>;
      const back = def.keras!.fromConfig(config);
      if (type === 'ReLU6') expect(back).toEqual({});
      else expect(back).toEqual(params);
    },
  );

  it('reads shared Keras classes back as the general type', () => {
    expect(getLayerDefByKerasClass('Activation')?.type).toBe('Activation');
    expect(getLayerDefByKerasClass('ReLU')?.type).toBe('ReLU');
    expect(getLayerDef('ReLU')?.keras?.fromConfig({ max_value: 6 })).toEqual({ maxValue: 6 });
  });

  it("lets wrappers list the wrapped layer's params under layer.", () => {
    const bi = getLayerDef('Bidirectional')!;
    const names = paramDefsFor(bi, { layer: 'GRU' }).map((p) => p.name);
    expect(names).toEqual([
      'layer',
      'mergeMode',
      'layer.units',
      'layer.activation',
      'layer.useBias',
      'layer.returnSequences',
      'layer.goBackwards',
    ]);
    expect(defaultLayerParams(bi)).toMatchObject({ layer: 'LSTM', mergeMode: 'concat', 'layer.units': 10 });
  });
});

/**
 * The part of Caffe's binary NetParameter (package `caffe`, proto2) that CNN Studio reads from
 * a .caffemodel, as a protobufjs JSON descriptor written by us: field names and numbers are the
 * format's, and only the fields the importer reads are listed, so every other field (solver
 * state, fillers, learning rates) is skipped by the decoder as unknown. Names are kept in
 * Caffe's snake_case because the decoded messages are handed to the prototxt importer, which
 * reads the same names from text.
 *
 * LayerParameter.blobs (7) and V1LayerParameter.blobs (6) are declared as `bytes`: a BlobProto
 * is length-delimited either way, and keeping its bytes lets caffeBlobs.ts read the float data
 * straight from the file's buffer instead of through a JS array of numbers per value.
 */
import protobuf from 'protobufjs/light';

const rep = (type: string, id: number, packed?: boolean) => ({
  rule: 'repeated',
  type,
  id,
  ...(packed === undefined ? {} : { options: { packed } }),
});
const opt = (type: string, id: number) => ({ type, id });

/** `*_param` messages the layer converters read, with the numbers of LayerParameter / V1. */
const PARAMS: [name: string, type: string, layer: number, v1: number | null][] = [
  ['transform_param', 'TransformationParameter', 100, 36],
  ['batch_norm_param', 'BatchNormParameter', 139, null],
  ['bias_param', 'BiasParameter', 141, null],
  ['concat_param', 'ConcatParameter', 104, 9],
  ['convolution_param', 'ConvolutionParameter', 106, 10],
  ['crop_param', 'CropParameter', 144, null],
  ['dropout_param', 'DropoutParameter', 108, 12],
  ['eltwise_param', 'EltwiseParameter', 110, 24],
  ['elu_param', 'ELUParameter', 140, null],
  ['flatten_param', 'FlattenParameter', 135, null],
  ['image_data_param', 'ImageDataParameter', 115, 15],
  ['inner_product_param', 'InnerProductParameter', 117, 17],
  ['input_param', 'InputParameter', 143, null],
  ['lrn_param', 'LRNParameter', 118, 18],
  ['memory_data_param', 'MemoryDataParameter', 119, 22],
  ['pooling_param', 'PoolingParameter', 121, 19],
  ['prelu_param', 'PReLUParameter', 131, null],
  ['relu_param', 'ReLUParameter', 123, 30],
  ['reshape_param', 'ReshapeParameter', 133, null],
  ['scale_param', 'ScaleParameter', 142, null],
  ['softmax_param', 'SoftmaxParameter', 125, 39],
];

const paramFields = (v1: boolean) =>
  Object.fromEntries(
    PARAMS.flatMap(([name, type, id, v1id]) => {
      const n = v1 ? v1id : id;
      return n === null ? [] : [[name, opt(type, n)]];
    }),
  );

const DESCRIPTOR = {
  nested: {
    caffe: {
      nested: {
        Phase: { values: { TRAIN: 0, TEST: 1 } },
        BlobShape: { fields: { dim: rep('int64', 1, true) } },
        /** Only the shape fields: the values (data 5, double_data 8) are read by caffeBlobs.ts. */
        BlobProto: {
          fields: {
            shape: opt('BlobShape', 7),
            num: opt('int32', 1),
            channels: opt('int32', 2),
            height: opt('int32', 3),
            width: opt('int32', 4),
          },
        },
        NetParameter: {
          fields: {
            name: opt('string', 1),
            input: rep('string', 3),
            input_shape: rep('BlobShape', 8),
            input_dim: rep('int32', 4, false),
            layer: rep('LayerParameter', 100),
            layers: rep('V1LayerParameter', 2),
          },
        },
        NetStateRule: { fields: { phase: opt('Phase', 1) } },
        LayerParameter: {
          fields: {
            name: opt('string', 1),
            type: opt('string', 2),
            bottom: rep('string', 3),
            top: rep('string', 4),
            blobs: rep('bytes', 7),
            include: rep('NetStateRule', 8),
            exclude: rep('NetStateRule', 9),
            ...paramFields(false),
          },
        },
        V1LayerParameter: {
          fields: {
            bottom: rep('string', 2),
            top: rep('string', 3),
            name: opt('string', 4),
            include: rep('NetStateRule', 32),
            exclude: rep('NetStateRule', 33),
            type: opt('LayerType', 5),
            blobs: rep('bytes', 6),
            ...paramFields(true),
          },
          nested: {
            LayerType: {
              values: {
                NONE: 0,
                ABSVAL: 35,
                ACCURACY: 1,
                ARGMAX: 30,
                BNLL: 2,
                CONCAT: 3,
                CONTRASTIVE_LOSS: 37,
                CONVOLUTION: 4,
                DATA: 5,
                DECONVOLUTION: 39,
                DROPOUT: 6,
                DUMMY_DATA: 32,
                EUCLIDEAN_LOSS: 7,
                ELTWISE: 25,
                EXP: 38,
                FLATTEN: 8,
                HDF5_DATA: 9,
                HDF5_OUTPUT: 10,
                HINGE_LOSS: 28,
                IM2COL: 11,
                IMAGE_DATA: 12,
                INFOGAIN_LOSS: 13,
                INNER_PRODUCT: 14,
                LRN: 15,
                MEMORY_DATA: 29,
                MULTINOMIAL_LOGISTIC_LOSS: 16,
                MVN: 34,
                POOLING: 17,
                POWER: 26,
                RELU: 18,
                SIGMOID: 19,
                SIGMOID_CROSS_ENTROPY_LOSS: 27,
                SILENCE: 36,
                SOFTMAX: 20,
                SOFTMAX_LOSS: 21,
                SPLIT: 22,
                SLICE: 33,
                TANH: 23,
                WINDOW_DATA: 24,
                THRESHOLD: 31,
              },
            },
          },
        },
        TransformationParameter: {
          fields: {
            scale: opt('float', 1),
            mirror: opt('bool', 2),
            crop_size: opt('uint32', 3),
            mean_file: opt('string', 4),
            mean_value: rep('float', 5, false),
          },
        },
        ConvolutionParameter: {
          fields: {
            num_output: opt('uint32', 1),
            bias_term: opt('bool', 2),
            pad: rep('uint32', 3, false),
            kernel_size: rep('uint32', 4, false),
            group: opt('uint32', 5),
            stride: rep('uint32', 6, false),
            pad_h: opt('uint32', 9),
            pad_w: opt('uint32', 10),
            kernel_h: opt('uint32', 11),
            kernel_w: opt('uint32', 12),
            stride_h: opt('uint32', 13),
            stride_w: opt('uint32', 14),
            axis: opt('int32', 16),
            dilation: rep('uint32', 18, false),
          },
        },
        PoolingParameter: {
          fields: {
            pool: opt('PoolMethod', 1),
            kernel_size: opt('uint32', 2),
            stride: opt('uint32', 3),
            pad: opt('uint32', 4),
            kernel_h: opt('uint32', 5),
            kernel_w: opt('uint32', 6),
            stride_h: opt('uint32', 7),
            stride_w: opt('uint32', 8),
            pad_h: opt('uint32', 9),
            pad_w: opt('uint32', 10),
            global_pooling: opt('bool', 12),
            round_mode: opt('RoundMode', 13),
          },
          nested: {
            PoolMethod: { values: { MAX: 0, AVE: 1, STOCHASTIC: 2 } },
            RoundMode: { values: { CEIL: 0, FLOOR: 1 } },
          },
        },
        InnerProductParameter: {
          fields: {
            num_output: opt('uint32', 1),
            bias_term: opt('bool', 2),
            axis: opt('int32', 5),
            transpose: opt('bool', 6),
          },
        },
        BatchNormParameter: {
          fields: {
            use_global_stats: opt('bool', 1),
            moving_average_fraction: opt('float', 2),
            eps: opt('float', 3),
          },
        },
        ScaleParameter: {
          fields: { axis: opt('int32', 1), num_axes: opt('int32', 2), bias_term: opt('bool', 4) },
        },
        BiasParameter: { fields: { axis: opt('int32', 1), num_axes: opt('int32', 2) } },
        ReLUParameter: { fields: { negative_slope: opt('float', 1) } },
        ELUParameter: { fields: { alpha: opt('float', 1) } },
        PReLUParameter: { fields: { channel_shared: opt('bool', 2) } },
        SoftmaxParameter: { fields: { axis: opt('int32', 2) } },
        LRNParameter: {
          fields: {
            local_size: opt('uint32', 1),
            alpha: opt('float', 2),
            beta: opt('float', 3),
            norm_region: opt('NormRegion', 4),
            k: opt('float', 5),
          },
          nested: { NormRegion: { values: { ACROSS_CHANNELS: 0, WITHIN_CHANNEL: 1 } } },
        },
        DropoutParameter: { fields: { dropout_ratio: opt('float', 1) } },
        ConcatParameter: { fields: { concat_dim: opt('uint32', 1), axis: opt('int32', 2) } },
        EltwiseParameter: {
          fields: { operation: opt('EltwiseOp', 1), coeff: rep('float', 2, false) },
          nested: { EltwiseOp: { values: { PROD: 0, SUM: 1, MAX: 2 } } },
        },
        FlattenParameter: { fields: { axis: opt('int32', 1), end_axis: opt('int32', 2) } },
        InputParameter: { fields: { shape: rep('BlobShape', 1) } },
        ReshapeParameter: {
          fields: { shape: opt('BlobShape', 1), axis: opt('int32', 2), num_axes: opt('int32', 3) },
        },
        CropParameter: { fields: { axis: opt('int32', 1), offset: rep('uint32', 2, false) } },
        ImageDataParameter: {
          fields: { new_height: opt('uint32', 9), new_width: opt('uint32', 10), is_color: opt('bool', 11) },
        },
        MemoryDataParameter: {
          fields: {
            batch_size: opt('uint32', 1),
            channels: opt('uint32', 2),
            height: opt('uint32', 3),
            width: opt('uint32', 4),
          },
        },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(DESCRIPTOR);
export const NetParameterType = root.lookupType('caffe.NetParameter');
export const LayerParameterType = root.lookupType('caffe.LayerParameter');
export const V1LayerParameterType = root.lookupType('caffe.V1LayerParameter');
export const BlobProtoType = root.lookupType('caffe.BlobProto');

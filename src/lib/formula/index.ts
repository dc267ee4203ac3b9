/**
 * The pure math behind the formula views (no DOM, no tfjs). Tensors are one example in
 * NHWC order without the batch axis: activations [H, W, C], conv kernels [kh, kw, inC, outC],
 * dense kernels [in, out], all row-major as tfjs stores them.
 */
export * from '../tensor/layout';
export * from '../tensor/window';
export * from './convolution';
export * from './convolutionMaps';
export * from '../tensor/activations';
export * from './pooling';
export * from './dense';
export * from './softmax';
export * from './playground';
export * from './rearrange';
export * from './masking';
export * from './dotProduct';
export * from './layerNorm';
export * from './embedding';
export * from './tensorGrid';
export * from './recurrent';
export * from './bidirectional';

/**
 * Everything the page takes from TensorFlow.js, in one module that is only ever imported
 * through `loadEngine` (./loadEngine.ts). That keeps tfjs (≈ 570 kB of script, its
 * evaluation and the WebAssembly start) out of the page's first look: the first overview is
 * drawn by the plain-TypeScript forward pass, and the engine joins right after.
 */
export { buildRunner, runnerFromArtifacts } from '../../lib/engine/runner';
export { loadModelFromArtifacts, loadModelFromFiles, saveModelToArtifacts } from '../../lib/engine/io';
export { currentBackend, tensorCount } from '../../lib/engine/backend';
export { buildModel, getNamedWeights } from '../../lib/engine/build';
export { startEngine } from './startEngine';

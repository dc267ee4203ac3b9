/**
 * Picks the tfjs backend. WebGL where a real GPU is there; otherwise WebAssembly, which on
 * a CPU-only machine is many times faster than WebGL's software renderer and than plain JS.
 */
import { tf } from './tf';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmConvGradients } from './wasmConvGradients';
import { registerWasmDepthwiseGradients } from './wasmDepthwiseGradients';
import { registerBatchNormGradient } from './batchNormGradient';
import { registerWasmReductions } from './wasmReductions';
import { registerWasmSharedCopies } from './wasmSharedCopies';
import { registerWasmChannelOps } from './wasmChannelOps';
import { registerWasmMaxPool3d } from './wasmMaxPool3d';
import { registerMaxPool3dGrad } from './maxPool3dGrad';
import { registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';
import { registerReluGradient } from './reluGradient';
import { registerFusedAdam } from './fusedAdam';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface BackendOptions {
  /** Backends to try, best first. */
  order: BackendName[];
  /** Where the .wasm files are served from, by file name (needed in a bundled app). */
  wasmPaths?: Record<string, string>;
}

/**
 * Registers a backend's kernels. In the browser build WebGL and CPU come from their own chunks
 * (see tfjsBrowser.ts), fetched only when tried; with the full package they are already there.
 */
async function registerBackend(name: BackendName): Promise<void> {
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
}

export async function initBackend(options: BackendOptions): Promise<BackendName> {
  if (options.wasmPaths) setWasmPaths(options.wasmPaths as unknown as string);
  registerWasmConvGradients();
  registerWasmDepthwiseGradients();
  registerBatchNormGradient();
  registerWasmReductions();
  registerWasmSharedCopies();
  registerWasmChannelOps();
  registerWasmMaxPool3d();
  registerMaxPool3dGrad();
  registerWasmMaxPoolGrad();
  registerReluGradient();
  registerFusedAdam();
  const failures: string[] = [];
  for (const name of options.order) {
    try {
      // Only awaited when a module must be fetched: a registered backend (wasm) starts
      // synchronously, so its .wasm download begins before the rest of the page is evaluated.
      if (!tf.findBackendFactory(name)) await registerBackend(name);
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
      failures.push(`${name}: not available`);
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend could start (${failures.join('; ')})`);
}

export function currentBackend(): string {
  return tf.getBackend();
}

export function tensorCount(): number {
  return tf.memory().numTensors;
}

/** Whether WebGL is backed by a real GPU rather than a software renderer like SwiftShader. */
export function hasHardwareWebgl(): boolean {
  if (typeof document === 'undefined') return false;
  const gl =
    document.createElement('canvas').getContext('webgl2') ??
    document.createElement('canvas').getContext('webgl');
  if (!gl) return false;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
  return !/swiftshader|llvmpipe|software|basic render/i.test(renderer);
}

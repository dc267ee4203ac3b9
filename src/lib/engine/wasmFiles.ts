/**
 * The wasm backend's binaries, bundled by Vite and handed over by URL (without them the
 * backend fetches index.html and fails). The page's engine and the training worker both
 * start the backend from these.
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The wasm file names the backend asks for, each with where to fetch it, made absolute against `base`. */
export function wasmFileUrls(base?: string): Record<string, string> {
  const at = (url: string) => (base === undefined ? url : new URL(url, base).href);
  return {
    'tfjs-backend-wasm.wasm': at(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': at(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': at(wasmThreaded),
  };
}

/**
 * Starts tfjs in the browser: the wasm files are bundled by Vite and handed over by URL
 * (without this the wasm backend fetches index.html and fails). WebGL is chosen only with a
 * real GPU: here, without one, its software renderer is ~40× slower than WebAssembly.
 * `?backend=webgl|wasm|cpu` in the URL forces one (the bench compares them that way).
 */
import { wasmFileUrls } from '../../lib/engine/wasmFiles';
import { hasHardwareWebgl, initBackend, type BackendName } from '../../lib/engine/backend';

const KNOWN: BackendName[] = ['webgl', 'wasm', 'cpu'];

export function backendOrder(search: string, hardwareWebgl: boolean): BackendName[] {
  const forced = new URLSearchParams(search).get('backend');
  const auto: BackendName[] = hardwareWebgl ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'webgl', 'cpu'];
  if (forced && (KNOWN as string[]).includes(forced))
    return [forced as BackendName, ...auto.filter((b) => b !== forced)];
  return auto;
}

export function startEngine(): Promise<BackendName> {
  return initBackend({
    order: backendOrder(location.search, hasHardwareWebgl()),
    wasmPaths: wasmFileUrls(),
  });
}

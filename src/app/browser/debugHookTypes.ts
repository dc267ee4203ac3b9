/** The shape of `window.__cnnStudio` (see debugHook.ts), shared with the browser tests and the bench. */
export interface CnnStudioHook {
  numTensors(): number;
  /** The tfjs backend in use: webgl, wasm or cpu. */
  backend(): string;
  /** How many times the overview has been fully painted. */
  paints(): number;
  /** Sets a generated image and resolves, after the next painted frame, with the milliseconds it took. */
  setTestImage(seed: number, width?: number, height?: number): Promise<number>;
  /** Milliseconds of one activation extraction by the engine on the current image. */
  timeExtraction(): number;
}

declare global {
  interface Window {
    __cnnStudio?: CnnStudioHook;
  }
}

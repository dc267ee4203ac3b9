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
  /** Where the net runs: 'worker' (the net worker) or 'page'. */
  runsIn(): 'worker' | 'page';
  /**
   * Builds the shown net in the page's engine with its weights (as the "Why?" panel does),
   * explains the current image there and returns the largest difference from the activations
   * shown (which came from the worker for a big net), and how many layers were compared.
   */
  compareWithPageEngine(): Promise<{ maxDiff: number; layers: number }>;
  /** The largest difference of the shown image's input from `imageForNet` of its pixels on the page (Infinity: none). */
  inputDiff(): number;
  /** The "Why?" panel, once it has been loaded. */
  attribution?: AttributionHook;
}

declare global {
  interface Window {
    __cnnStudio?: CnnStudioHook;
  }
}

/** A heat map as drawn over the input: H×W values and the colour range. */
export interface HeatSnapshot {
  map: number[];
  width: number;
  height: number;
  range: { lo: number; hi: number };
}

/** The "Why?" panel's last result in plain numbers (see attributionHook.ts). */
export interface AttributionSnapshot {
  kind: 'saliency' | 'gradCam' | 'occlusion' | 'fgsm' | 'visualise';
  classIndex: number;
  ms: number;
  /** The image explained, HWC in [0, 1]. */
  input: number[];
  heat?: HeatSnapshot;
  method?: string;
  layerId?: string;
  weights?: number[];
  cam?: number[];
  rows?: number;
  cols?: number;
  drops?: number[];
  epsilon?: number;
  perturbation?: number[];
  before?: number[];
  after?: number[];
  losses?: number[];
  changed?: { layerId: string; relative: number }[];
  /** Visualise: what it maximised, the value reached and on grey, the image and the net's output on it. */
  target?: { kind: 'class'; classIndex: number } | { kind: 'channel'; layerId: string; channel: number };
  value?: number;
  greyValue?: number;
  image?: number[];
  probabilities?: number[];
  steps?: number;
}

export interface AttributionHook {
  state(): { open: boolean; method: string; running: boolean; error: string | null; classIndex: number };
  result(): AttributionSnapshot | null;
  /** Milliseconds of `runs` runs of saliency, gradCam, occlusion (default 14×14 map), fgsm (one step) or visualise (10 steps a scale). */
  time(method: string, runs: number): Promise<number[]>;
  /** The Compare tab: the pinned image A against the explanation shown now (B). */
  compare(): {
    pinned: string | null;
    pinnedProbabilities: number[];
    matches: boolean;
    sameImage: boolean;
    changed: { layerId: string; relative: number }[];
  };
  /**
   * The change listed (A and B's ‖b − a‖ / ‖a‖ per layer) against the same worked out here from
   * both explanations' activations: the largest relative difference, and the layers compared.
   */
  compareCheck(): { maxDiff: number; layers: number };
  /** One layer's activations of A (pinned) or B (shown now), to check the maps side by side drawn. */
  compareLayer(side: 'a' | 'b', layerId: string): { shape: number[]; data: number[] } | null;
}

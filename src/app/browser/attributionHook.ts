/**
 * `window.__cnnStudio.attribution`: the "Why?" panel's numbers for the browser tests (the map
 * drawn must agree with them) and timings of each method for `npm run bench`.
 */
import type { AttributionState } from '../state/attributionState.svelte';
import type { ExplainerState } from '../state/explainerState.svelte';
import { defaultCamLayer } from '../../lib/attribution/camLayers';
import { defaultOcclusion } from '../../lib/attribution/occlusionGrid';
import type { AttributionHook, AttributionSnapshot } from './debugHookTypes';

function snapshot(att: AttributionState): AttributionSnapshot | null {
  const r = att.result;
  if (!r) return null;
  if (r.kind === 'visualise') {
    const { target, value, greyValue, image, probabilities, steps } = r.result;
    const classIndex = target.kind === 'class' ? target.classIndex : -1;
    return {
      ...{ kind: r.kind, classIndex, ms: r.ms, input: Array.from(r.input), target, value, greyValue, steps },
      ...{ image: Array.from(image), probabilities: Array.from(probabilities) },
    };
  }
  const common = { kind: r.kind, classIndex: r.result.classIndex, ms: r.ms, input: Array.from(r.input) };
  if (r.kind === 'fgsm')
    return {
      ...common,
      epsilon: r.result.epsilon,
      perturbation: Array.from(r.result.perturbation),
      before: Array.from(r.result.before),
      after: Array.from(r.result.after),
      losses: r.result.losses,
      changed: r.result.change.layers.map((l) => ({ layerId: l.layerId, relative: l.relative })),
    };
  const heat = {
    map: Array.from(r.heat.map),
    width: r.heat.width,
    height: r.heat.height,
    range: r.heat.range,
  };
  if (r.kind === 'gradCam')
    return {
      ...common,
      heat,
      layerId: r.result.layerId,
      weights: Array.from(r.result.weights),
      cam: Array.from(r.result.cam),
    };
  if (r.kind === 'occlusion')
    return {
      ...common,
      heat,
      rows: r.result.grid.rows,
      cols: r.result.grid.cols,
      drops: Array.from(r.result.drops),
    };
  return { ...common, heat, method: r.result.method };
}

/** Milliseconds of each of `runs` runs of one method with its default settings, on the current image. */
async function time(explainer: ExplainerState, method: string, runs: number): Promise<number[]> {
  // A net in the net worker is timed there (as the panel runs it), a page net on the page.
  if (!explainer.runsInWorker) await explainer.connectEngine(true);
  const attributor = explainer.whyAttributor();
  const image = explainer.image?.input;
  const probabilities = explainer.explanation?.probabilities;
  if (!attributor || !image || !probabilities || !explainer.spec || !explainer.shapes)
    throw new Error('no image or engine');
  const classIndex = probabilities.indexOf(Math.max(...probabilities));
  const layerId = defaultCamLayer(explainer.spec, explainer.shapes) ?? '';
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (method === 'saliency') await attributor.saliency(image, { classIndex, method: 'gradient' });
    else if (method === 'gradCam') await attributor.gradCam(image, { classIndex, layerId });
    else if (method === 'occlusion')
      await attributor.occlusion(image, { classIndex, ...defaultOcclusion(explainer.inputSize) });
    else if (method === 'fgsm')
      await attributor.fgsm(image, { classIndex, epsilon: 2 / 255 }, explainer.explanation ?? undefined);
    else if (method === 'visualise')
      await attributor.visualise({ target: { kind: 'class', classIndex }, steps: 10 });
    else throw new Error(`unknown method ${method}`);
    out.push(performance.now() - t0);
  }
  return out;
}

/** See AttributionHook.compareCheck: a plain loop per layer, apart from activationChange's. */
function compareCheck(att: AttributionState, explainer: ExplainerState): { maxDiff: number; layers: number } {
  const a = att.compare.pinned?.explanation.activations;
  const b = explainer.explanation?.activations;
  const change = att.compare.change;
  if (!a || !b || !change) return { maxDiff: Infinity, layers: 0 };
  let maxDiff = 0;
  for (const l of change.layers) {
    const x = a.get(l.layerId)?.data;
    const y = b.get(l.layerId)?.data;
    if (!x || !y || x.length !== y.length) return { maxDiff: Infinity, layers: 0 };
    let num = 0;
    let den = 0;
    for (let i = 0; i < x.length; i++) {
      num += (y[i]! - x[i]!) ** 2;
      den += x[i]! ** 2;
    }
    const relative = den > 0 ? Math.sqrt(num / den) : Math.sqrt(num);
    maxDiff = Math.max(maxDiff, Math.abs(relative - l.relative) / Math.max(1e-12, relative));
  }
  return { maxDiff, layers: change.layers.length };
}

export function installAttributionHook(att: AttributionState, explainer: ExplainerState): void {
  const hook: AttributionHook = {
    state: () => ({
      open: att.open,
      method: att.method,
      running: att.running,
      error: att.error,
      classIndex: att.classIndex,
    }),
    result: () => snapshot(att),
    time: (method, runs) => time(explainer, method, runs),
    compare: () => ({
      pinned: att.compare.pinned?.name ?? null,
      pinnedProbabilities: Array.from(att.compare.pinned?.explanation.probabilities ?? []),
      matches: att.compare.matches,
      sameImage: att.compare.sameImage,
      changed: att.compare.change?.layers.map((l) => ({ layerId: l.layerId, relative: l.relative })) ?? [],
    }),
    compareCheck: () => compareCheck(att, explainer),
    compareLayer: (side, layerId) => {
      const e = side === 'a' ? att.compare.pinned?.explanation : explainer.explanation;
      const t = e?.activations.get(layerId);
      return t ? { shape: [...t.shape], data: Array.from(t.data) } : null;
    },
  };
  if (window.__cnnStudio) window.__cnnStudio.attribution = hook;
}

/**
 * `window.__cnnStudio`: a small hook for the browser tests and `npm run bench` to drive the
 * app and measure it from outside (tensor counts, redraw times) without scraping the DOM.
 * It also marks `overview-drawn` in the performance timeline when the first overview has
 * been painted, which the bench reads as the load time.
 */
import { flushSync } from 'svelte';
import { createRng } from '../../lib/random';
import type { RawImage } from '../../lib/preprocess/preprocess';
import { imageForNet } from '../../lib/preprocess/netInput';
import type { ExplainerState } from '../state/explainerState.svelte';
import './debugHookTypes';
import { takeOver } from './takeover';

let paintCount = 0;

/** Resolves after the browser has painted the next frame (rAF runs before paint). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );
}

let lastNet: object | null = null;

/**
 * Called by the overview after every full repaint of `net`'s maps (its spec). The first paint
 * of the page marks `overview-drawn`; the first of every other net marks `net-overview-drawn`
 * (its name in the detail), which the bench reads as the time to open a net. Resolves once
 * the frame is painted and the mark is set, so what must come after the first overview (the
 * deferred panels) can wait for it and never start before the mark.
 */
export function notePainted(net: { name: string } | null = null): Promise<void> {
  paintCount++;
  // The app's overview has its pixels: it replaces the prerendered snapshot in this frame.
  if (paintCount === 1) takeOver();
  const painted = afterNextPaint();
  // `overview-drawn` is the snapshot's when it showed one; `interactive`: the app answers hovers.
  if (paintCount === 1)
    void painted.then(() => {
      if (!performance.getEntriesByName('overview-drawn').length) performance.mark('overview-drawn');
      performance.mark('interactive');
    });
  else if (net && lastNet && net !== lastNet) {
    const name = net.name;
    void painted.then(() => performance.mark('net-overview-drawn', { detail: name }));
  }
  lastNet = net;
  // Resolves after the marks above (callbacks on one promise run in the order they were added).
  return painted.then(() => undefined);
}

/** A seeded picture-like test image: smooth colour gradients and a few discs. */
export function testImage(seed: number, width = 96, height = 80): RawImage {
  const rng = createRng(seed);
  const [r0, g0, b0, r1, g1, b1] = Array.from({ length: 6 }, () => rng() * 255);
  const discs = Array.from({ length: 3 }, () => ({
    x: rng() * width,
    y: rng() * height,
    r: 6 + rng() * 20,
    c: [rng() * 255, rng() * 255, rng() * 255],
  }));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const t = y / height;
      let px = [r0! + (r1! - r0!) * t, g0! + (g1! - g0!) * t, b0! + (b1! - b0!) * (x / width)];
      for (const d of discs) if ((x - d.x) ** 2 + (y - d.y) ** 2 < d.r ** 2) px = d.c;
      data.set([px[0]!, px[1]!, px[2]!, 255], (y * width + x) * 4);
    }
  return { width, height, data, channels: 4 };
}

export function installDebugHook(explainer: ExplainerState): void {
  window.__cnnStudio = {
    numTensors: () => explainer.tensorCount(),
    backend: () => explainer.backend,
    paints: () => paintCount,
    async setTestImage(seed, width, height) {
      const raw = testImage(seed, width, height);
      const t0 = performance.now();
      explainer.setRawImage(raw, `test-${seed}.png`);
      flushSync();
      await afterNextPaint();
      return performance.now() - t0;
    },
    runsIn: () => (explainer.runsInWorker ? 'worker' : 'page'),
    async compareWithPageEngine() {
      const shown = explainer.explanation;
      await explainer.connectEngine(true);
      const again = explainer.extractOnly();
      if (!shown || !again) throw new Error('no explanation to compare');
      let maxDiff = 0;
      for (const [id, t] of shown.activations) {
        const other = again.activations.get(id)?.data;
        if (other?.length !== t.data.length) return { maxDiff: Infinity, layers: 0 };
        for (let i = 0; i < other.length; i++) maxDiff = Math.max(maxDiff, Math.abs(other[i]! - t.data[i]!));
      }
      return { maxDiff, layers: shown.activations.size };
    },
    inputDiff() {
      const image = explainer.image;
      if (!image) return Infinity;
      const own = imageForNet(image.raw, explainer.spec, explainer.inputSize, explainer.fit);
      if (own.length !== image.input.length) return Infinity;
      let maxDiff = 0;
      for (let i = 0; i < own.length; i++) maxDiff = Math.max(maxDiff, Math.abs(own[i]! - image.input[i]!));
      return maxDiff;
    },
    timeExtraction() {
      const t0 = performance.now();
      explainer.extractOnly();
      return performance.now() - t0;
    },
  };
}

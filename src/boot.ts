/**
 * The page's first module, an entry of its own in the build (vite.config.ts): it marks the
 * start and starts the first example's download and the pretrained model's read and first
 * forward pass. index.html starts it before main.ts (src/prerender/snapshot.ts releaseApp),
 * so it is downloaded and compiled without the views' code and runs while that compiles;
 * the page mounts once both are there. main.ts imports it, so the two share one
 * ExplainerState (a module runs once however many scripts import it), and the page works the
 * same when only main.ts is loaded (the dev server, a build without the separate entry).
 */
// First: marks the start and starts the first example's download.
import './app/browser/earlyStart';
import { ExplainerState } from './app/state/explainerState.svelte';
import { firstExample } from './app/browser/examples';

export const explainer = new ExplainerState();
/** The pretrained model read and the first example explained (ExplainerState.load). */
export const loading = explainer.load(undefined, firstExample());

// First: marks the start and starts the first example's download.
import './app/browser/earlyStart';
import { mount } from 'svelte';
import App from './App.svelte';
import { ExplainerState } from './app/state/explainerState.svelte';
import { explainerContext } from './app/state/context';
import { firstExample } from './app/browser/examples';
import { mountBehindSnapshot, snapshotShown, takeOver } from './app/browser/takeover';
import './app.css';

const explainer = new ExplainerState();
const loading = explainer.load(undefined, firstExample());

// The page is mounted once the first image is explained, so it is built, laid out and drawn
// once instead of as a loading screen first; a slow download gets the loading screen (with
// its progress) after a moment, unless the prerendered first screen is already showing.
const SHOW_LOADING_AFTER_MS = 300;
const slow = new Promise((r) => setTimeout(r, SHOW_LOADING_AFTER_MS)).then(() =>
  snapshotShown() ? loading : undefined,
);
void Promise.race([loading, slow]).then(() => {
  // Load stages in the performance timeline, for `npm run bench` (see ExplainerState.load).
  performance.mark('app-mount');
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element');
  document.getElementById('boot')?.remove();
  // Behind the prerendered snapshot until the overview is painted (debugHook's notePainted).
  mountBehindSnapshot(target);
  mount(App, { target, context: explainerContext(explainer) });
  if (explainer.status !== 'ready') takeOver();
});

// First: starts the first example's download while the rest of the code is evaluated.
import './app/earlyStart';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// Load stages in the performance timeline, for `npm run bench` (see ExplainerState.load).
performance.mark('app-mount');
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

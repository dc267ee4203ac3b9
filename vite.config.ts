import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { modelsPlugin } from './scripts/lib/viteModels';

export default defineConfig({
  plugins: [svelte(), modelsPlugin()],
  publicDir: 'static',
  base: './',
  // The browser gets a slimmer TensorFlow.js (see the module); Node keeps the full package.
  resolve: {
    alias: { '@tensorflow/tfjs': fileURLToPath(new URL('./src/lib/engine/tfjsBrowser.ts', import.meta.url)) },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

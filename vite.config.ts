import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { modelsPlugin } from './scripts/lib/viteModels';

export default defineConfig({
  plugins: [svelte(), modelsPlugin()],
  publicDir: 'static',
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

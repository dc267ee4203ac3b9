import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { modelsPlugin } from './scripts/lib/viteModels';
import { preloadPlugin } from './scripts/lib/vitePreload';
import { prerenderPlugin } from './scripts/lib/vitePrerender';

export default defineConfig({
  plugins: [
    svelte(),
    modelsPlugin(),
    preloadPlugin({ modelsRoot: 'models', staticRoot: 'static' }),
    prerenderPlugin({ modelsRoot: 'models', staticRoot: 'static' }),
  ],
  publicDir: 'static',
  base: './',
  // The browser gets a slimmer TensorFlow.js (see the module); Node keeps the full package.
  resolve: {
    alias: { '@tensorflow/tfjs': fileURLToPath(new URL('./src/lib/engine/tfjsBrowser.ts', import.meta.url)) },
  },
  // The bundles carry no licence comments; the bundled packages' licences ship beside them.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    license: { fileName: 'third-party-licenses.md' },
    rolldownOptions: {
      output: {
        // TensorFlow.js (core, layers, wasm backend) in one chunk of its own, which the page
        // imports with the engine module once the first overview is drawn (src/app/loadEngine.ts).
        codeSplitting: {
          groups: [
            {
              // The empty stand-in for Node's built-ins (protobufjs asks for "fs" in a try).
              // TensorFlow.js asks for one too; merged into the tfjs chunk, it made the editor
              // import all of TensorFlow.js (564 kB) for an empty object, so the editor, on the
              // first screen, appeared only after the engine had downloaded and started.
              name: (id: string) => (id === '__vite-browser-external' ? 'browser-external' : null),
            },
            {
              name: (id: string) =>
                // Not the .wasm URLs: the training panel's worker client imports those, and
                // they would pull the whole chunk into the page's first script.
                /node_modules[\\/]@tensorflow[\\/](tfjs-core|tfjs-layers|tfjs-backend-wasm)[\\/]/.test(id) &&
                !id.includes('.wasm')
                  ? 'tfjs'
                  : null,
            },
          ],
        },
      },
    },
  },
  // Workers are bundled apart from the page; without this their bundles keep every licence
  // comment of tfjs (~40 % of a worker's script), which the page's own chunks do not.
  worker: { format: 'es', rolldownOptions: { output: { comments: false } } },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

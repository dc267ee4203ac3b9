import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Compiles .svelte files, so tests/components can render views with svelte/server.
  plugins: [svelte()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // The catalogues the page loads with its panels (src/lib/i18n/deferredMessages.ts).
    setupFiles: ['tests/setup/messages.ts'],
  },
});

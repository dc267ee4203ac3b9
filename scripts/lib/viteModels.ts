/**
 * Serves `models/` at `/models/` in dev and copies it into the build, so the pretrained
 * weights live in one place (the repository's models/ folder) and ship with the site.
 * Training checkpoints stay behind.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = resolve('models');

export function modelsPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cnn-studio-models',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use('/models', (req, res, next) => {
        const path = normalize(join(ROOT, decodeURIComponent((req.url ?? '').split('?')[0] ?? '')));
        if (!path.startsWith(ROOT) || !existsSync(path) || !statSync(path).isFile()) return next();
        res.setHeader(
          'Content-Type',
          path.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        );
        createReadStream(path).pipe(res);
      });
    },
    closeBundle() {
      if (!existsSync(ROOT)) return;
      cpSync(ROOT, join(outDir, 'models'), { recursive: true, filter: (src) => !src.includes('checkpoint') });
    },
  };
}

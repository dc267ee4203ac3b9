/**
 * Serves `models/` at `/models/` in dev and copies it into the build, so the pretrained
 * weights live in one place (the repository's models/ folder) and ship with the site, with
 * models/index.json listing them (see trainedIndex.ts). Training checkpoints and runs still
 * going stay behind.
 */
import { cpSync, createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { buildTrainedIndex } from './trainedIndex';

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
        if ((req.url ?? '').split('?')[0] === '/index.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(buildTrainedIndex(ROOT, { includeUnfinished: true })));
          return;
        }
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
      const index = buildTrainedIndex(ROOT, { includeUnfinished: false });
      const shipped = (src: string): boolean => {
        const [folder, ...rest] = relative(ROOT, src).split(sep);
        if (!folder) return true; // models/ itself
        if (rest.length === 0 && !statSync(src).isDirectory()) return false; // stray files
        return Object.hasOwn(index.models, folder) && rest[0] !== 'checkpoint';
      };
      cpSync(ROOT, join(outDir, 'models'), { recursive: true, filter: shipped });
      writeFileSync(join(outDir, 'models', 'index.json'), `${JSON.stringify(index)}\n`);
    },
  };
}

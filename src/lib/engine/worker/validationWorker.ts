/**
 * The validation worker: started by the training worker when its first run starts, it
 * validates that run's weight snapshots on the other core (see ValidationHandler), so the
 * training worker goes on with the next steps meanwhile.
 */
import { initBackend } from '../backend';
import { serveValidation, ValidationHandler, type ValidationEndpoint } from './validationHandler';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

serveValidation(scope as unknown as ValidationEndpoint, new ValidationHandler(), (m) =>
  initBackend({ order: ['wasm', 'cpu'], wasmPaths: m.wasmPaths }),
);

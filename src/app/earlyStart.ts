/**
 * Imported first by main.ts, so this runs right after TensorFlow.js is evaluated and before
 * the rest of the app: the engine starts and the first example downloads meanwhile.
 */
import { startEngineEarly } from './startEngine';
import { firstExample } from '../views/input/examples';

performance.mark('app-start');
startEngineEarly();
void firstExample();

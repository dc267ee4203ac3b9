/**
 * Imported first by main.ts, so the first example's download and decode start before the
 * rest of the app is evaluated (the model files are preloaded by index.html).
 */
import { firstExample } from './examples';
import { pauseSnapshotLine } from './takeover';

performance.mark('app-start');
void firstExample();
pauseSnapshotLine();

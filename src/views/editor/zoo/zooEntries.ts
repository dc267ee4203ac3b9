/** The zoo's cards with their counts and whether they run here, computed once (shape inference over ~700 layers). */
import { ZOO, zooCounts, type ZooCounts, type ZooEntry } from '../../../lib/zoo';
import { inferShapes } from '../../../lib/spec/inferShapes';
import { checkRunnable, type Runnability } from '../../../lib/spec/runnable';

export interface ZooListing {
  entry: ZooEntry;
  counts: ZooCounts;
  input: number[];
  run: Runnability;
}

let cached: ZooListing[] | null = null;

export function zooEntries(): ZooListing[] {
  cached ??= ZOO.map((entry) => {
    const spec = entry.spec();
    const table = inferShapes(spec);
    const input = spec.layers.find((l) => l.type === 'Input');
    const info = input ? table.layers.get(input.id) : undefined;
    return {
      entry,
      counts: zooCounts(spec),
      input: info?.status === 'ok' ? info.shape : [],
      run: checkRunnable(spec, table),
    };
  });
  return cached;
}

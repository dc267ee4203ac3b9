// The inline script's entry (bundled by scripts/lib/vitePrerender.ts): see snapshot.ts.
import { bootSnapshot } from './snapshot';

bootSnapshot();

// The blocking script inlined into index.html's <head> (scripts/lib/vitePrerender.ts): see firstScreen.ts.
import { markFirstScreen } from './firstScreen';

markFirstScreen();

/**
 * Every message catalogue loaded before any unit test: the page loads the deferred ones when
 * its panels are released, and the views rendered in Node need them too.
 */
import { loadDeferredMessages } from '../../src/lib/i18n';

await loadDeferredMessages();

/**
 * Whether a URL hash carries a shared net, on its own so that the page can ask without
 * loading the share-link decoder (and its inflate) on every visit.
 */
export function hasSharedNet(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith('net=');
}

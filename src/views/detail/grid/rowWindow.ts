/**
 * Which rows of a long per-channel list to draw: all of them up to `all`, else a window of
 * `size` rows around the focused one (a MobileNet layer has up to 1,024 channels, and each
 * row paints canvases); the list offers to show them all.
 */
export function rowWindow(count: number, focus: number, size = 12, all = 64): { from: number; to: number } {
  if (count <= all) return { from: 0, to: count };
  const from = Math.max(0, Math.min(count - size, focus - Math.floor(size / 2)));
  return { from, to: from + size };
}

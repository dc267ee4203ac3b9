/** Resolves after the browser has had a frame to paint (progress) between heavy, blocking steps. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

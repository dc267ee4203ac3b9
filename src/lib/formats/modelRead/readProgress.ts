/**
 * Reading a Blob into one Uint8Array chunk by chunk, telling how far it got: a report when
 * another percent (at least 1 MB) has come in and at the end, never one per small chunk, so a
 * 100 MB file sends about a hundred messages to the page, not thousands.
 */
import { UnreadableFileError } from './protocol';

/** Bytes between two reports: a hundredth of the file, at least a megabyte. */
export function reportStep(total: number): number {
  return Math.max(1 << 20, Math.ceil(total / 100));
}

/** Whether `loaded` is far enough past the last report (or at the end) to report again. */
export function shouldReport(lastReported: number, loaded: number, total: number): boolean {
  return loaded >= total || loaded - lastReported >= reportStep(total);
}

export async function readBlob(
  blob: Blob,
  onProgress: (loaded: number, total: number) => void,
): Promise<Uint8Array> {
  const total = blob.size;
  let out = new Uint8Array(total);
  let loaded = 0;
  let reported = 0;
  onProgress(0, total);
  try {
    const reader = blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A file that grew while being read: keep all of it (the parser judges it).
      if (loaded + value.length > out.length) {
        const grown = new Uint8Array(Math.max(out.length * 2, loaded + value.length));
        grown.set(out.subarray(0, loaded));
        out = grown;
      }
      out.set(value, loaded);
      loaded += value.length;
      if (shouldReport(reported, loaded, total)) {
        reported = loaded;
        onProgress(loaded, Math.max(total, loaded));
      }
    }
  } catch {
    throw new UnreadableFileError();
  }
  if (reported !== loaded) onProgress(loaded, Math.max(total, loaded));
  return loaded === out.length ? out : out.subarray(0, loaded);
}

/** CIFAR-style ImageFolder splits, preprocessed exactly as the browser preprocesses images. */
import { readImageFolder, type ImageFolderData } from '../../src/node/imageFolder';
import { preprocessImage } from '../../src/lib/preprocess/preprocess';

export function loadSplit(root: string, limitPerClass?: number, classes?: string[]): ImageFolderData {
  const t = Date.now();
  const data = readImageFolder(root, { limitPerClass, classes });
  process.stderr.write(
    `read ${data.images.length} images in ${data.classes.length} classes from ${root} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`,
  );
  if (data.skipped.length > 0) {
    process.stderr.write(`skipped ${data.skipped.length} unreadable file(s):\n`);
    for (const s of data.skipped.slice(0, 20)) process.stderr.write(`  ${s.file}: ${s.reason}\n`);
  }
  return data;
}

/** Preprocesses the chosen images to size × size into one HWC float buffer laid end to end. */
export function preprocessMany(
  data: ImageFolderData,
  indices: ArrayLike<number>,
  size: number,
): Float32Array {
  const per = size * size * 3;
  const out = new Float32Array(indices.length * per);
  for (let i = 0; i < indices.length; i++)
    out.set(preprocessImage(data.images[indices[i]!]!, { size, fit: 'crop' }), i * per);
  return out;
}

/**
 * The example images, made by `npm run examples` (never dataset images) and listed in
 * static/examples/index.json, in two sets: pictures of each class drawn by our code
 * (`examples`), and class visualisations, what the network "thinks" each class looks like
 * (`patterns`). The images decoded from an example are remembered, so the page can say what
 * the current image is without trusting its file name (a user's own "cat.png" is not ours).
 */
import { decodeImageFile } from './decodeImage';
import type { RawImage } from '../../lib/preprocess/preprocess';
import { EXAMPLES_BASE, readExampleIndex, type ExampleImage } from '../../lib/data/exampleIndex';

export type { ExampleImage, ExampleKind } from '../../lib/data/exampleIndex';

/** Reads index.json: the drawn pictures first, then the patterns; a missing or malformed index gives none. */
async function loadExampleIndex(): Promise<ExampleImage[]> {
  try {
    const res = await fetch(`${EXAMPLES_BASE}index.json`);
    if (!res.ok) return [];
    return readExampleIndex((await res.json()) as unknown);
  } catch {
    return [];
  }
}

export async function fetchExample(example: ExampleImage): Promise<Blob> {
  const res = await fetch(example.url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  // Bytes, not res.blob(): for the first example, which index.html preloads, Chromium's blob()
  // of the preloaded response sometimes fails with "Failed to fetch" on a loaded machine, and the
  // example is then downloaded again (8 of 36 loads with blob(), 0 of 40 with arrayBuffer()).
  return new Blob([await res.arrayBuffer()], { type: res.headers.get('Content-Type') ?? '' });
}

export const exampleFileName = (example: ExampleImage): string => example.file;

/** Which example each decoded image came from (keyed by the decoded pixels' object). */
const origins = new WeakMap<RawImage, ExampleImage>();

/** Remembers that `raw` was decoded from `example` (decodeExample; the build's prerender decodes its own). */
export function rememberExample(raw: RawImage, example: ExampleImage): RawImage {
  origins.set(raw, example);
  return raw;
}

/** Fetches and decodes an example, remembering where the pixels came from. */
export async function decodeExample(example: ExampleImage): Promise<RawImage> {
  return rememberExample(
    await decodeImageFile(await fetchExample(example), exampleFileName(example)),
    example,
  );
}

/** The example an image was decoded from; undefined for the user's own images. */
export function exampleShown(raw: RawImage | null | undefined): ExampleImage | undefined {
  return raw ? origins.get(raw) : undefined;
}

/**
 * `make`, called once and its promise kept for later calls, unless it settles to a value
 * `keep` refuses (a failed download, say): then the next call starts again.
 */
function keptWhen<T>(make: () => Promise<T>, keep: (value: T) => boolean): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () => {
    if (!kept) {
      const made = make();
      kept = made;
      void made.then((value) => {
        if (!keep(value) && kept === made) kept = null;
      });
    }
    return kept;
  };
}

/** The list once a read has given one, so views made after it start with it (no later reflow). */
let indexRead: ExampleImage[] | null = null;

/** Every example, drawn first; an empty or failed read is tried again by the next call. */
export const exampleIndex = keptWhen(
  () => loadExampleIndex().then((list) => (list.length > 0 ? (indexRead = list) : list)),
  (list) => list.length > 0,
);

/** The example list if a read has already given it, else null (then ask exampleIndex). */
export const exampleIndexRead = (): ExampleImage[] | null => indexRead;

/** The first drawn example, fetched and decoded; null when there is none or it is broken (tried again next time). */
export const firstExample = keptWhen(
  () =>
    exampleIndex().then(async (list): Promise<{ name: string; raw: RawImage } | null> => {
      const ex = list.find((e) => e.kind === 'drawn') ?? list[0];
      if (!ex) return null;
      try {
        return { name: exampleFileName(ex), raw: await decodeExample(ex) };
      } catch {
        return null;
      }
    }),
  (image) => image !== null,
);

// Started as soon as the app's code runs, so the first image is ready by the time the
// model is: the first overview then appears without waiting for two more round trips.
if (typeof window !== 'undefined') void firstExample();

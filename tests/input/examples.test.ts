import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Decoding needs a browser; here a blob decodes to a 1×1 image named after its text.
vi.mock('../../src/app/browser/decodeImage', () => ({
  decodeImageFile: async (blob: Blob) => ({
    width: 1,
    height: 1,
    channels: 4,
    data: new Uint8ClampedArray([Number(await blob.text()), 0, 0, 255]),
  }),
}));

const INDEX = {
  examples: [
    { class: 'cat', file: 'cat.png' },
    { class: 'dog', file: 'dog.png' },
  ],
  patterns: [
    { class: 'cat', file: 'pattern-cat.png' },
    { class: 'evil', file: '../secret.png' },
    { class: 'evil', file: 'a/b.png' },
  ],
};

/** A fetch that fails the first `failures[url]` requests of each URL, then answers. */
function flakyFetch(failures: Record<string, number>) {
  const calls: string[] = [];
  const fn = vi.fn(async (url: string) => {
    calls.push(url);
    if ((failures[url] ?? 0) > 0) {
      failures[url]!--;
      throw new TypeError('Failed to fetch');
    }
    if (url.endsWith('index.json')) return new Response(JSON.stringify(INDEX));
    return new Response('7');
  });
  return { fn, calls };
}

beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('example images', () => {
  it('reads the list once and keeps it', async () => {
    const { fn, calls } = flakyFetch({});
    vi.stubGlobal('fetch', fn);
    const { exampleIndex } = await import('../../src/app/browser/examples');
    expect((await exampleIndex()).map((e) => [e.kind, e.className, e.url])).toEqual([
      ['drawn', 'cat', './examples/cat.png'],
      ['drawn', 'dog', './examples/dog.png'],
      // Paths out of the folder are not followed.
      ['pattern', 'cat', './examples/pattern-cat.png'],
    ]);
    await exampleIndex();
    expect(calls).toEqual(['./examples/index.json']);
  });

  it('tries the list again after a failed read instead of keeping no examples', async () => {
    const { fn, calls } = flakyFetch({ './examples/index.json': 1 });
    vi.stubGlobal('fetch', fn);
    const { exampleIndex } = await import('../../src/app/browser/examples');
    expect(await exampleIndex()).toEqual([]);
    expect((await exampleIndex()).length).toBe(3);
    expect(calls.filter((c) => c.endsWith('index.json'))).toHaveLength(2);
  });

  it('tries the first example again after a dropped download, so the overview is not left empty', async () => {
    const { fn, calls } = flakyFetch({ './examples/cat.png': 1 });
    vi.stubGlobal('fetch', fn);
    const { firstExample } = await import('../../src/app/browser/examples');
    expect(await firstExample()).toBeNull();
    const again = await firstExample();
    expect(again?.name).toBe('cat.png');
    expect(again?.raw.data[0]).toBe(7);
    // Kept once it worked.
    expect(await firstExample()).toBe(again);
    expect(calls.filter((c) => c.endsWith('cat.png'))).toHaveLength(2);
  });

  it('knows which decoded image came from which example, and that a user’s own cat.png is not one', async () => {
    const { fn } = flakyFetch({});
    vi.stubGlobal('fetch', fn);
    const { exampleIndex, decodeExample, exampleShown, firstExample } =
      await import('../../src/app/browser/examples');
    const [cat, , pattern] = await exampleIndex();
    const raw = await decodeExample(pattern!);
    expect(exampleShown(raw)).toBe(pattern);
    expect(exampleShown((await firstExample())!.raw)?.url).toBe(cat!.url);
    const own = { width: 1, height: 1, channels: 4 as const, data: new Uint8ClampedArray(4) };
    expect(exampleShown(own)).toBeUndefined();
    expect(exampleShown(null)).toBeUndefined();
  });
});

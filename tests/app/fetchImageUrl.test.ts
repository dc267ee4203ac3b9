import { describe, expect, it } from 'vitest';
import { fetchImageUrl, imageNameOf, parseImageUrl } from '../../src/app/browser/fetchImageUrl';

const BASE = 'https://studio.example/app/';

/** A fetch that answers every request with `res` (or throws, as a CORS refusal does). */
function fakeFetch(res: Response | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (res instanceof Error) throw res;
    return res;
  };
  return { fn, calls };
}

/** A body of `n` bytes in chunks of 1 kB that counts how much of it was read. */
function streamedBody(n: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= n) return controller.close();
      const chunk = new Uint8Array(Math.min(1024, n - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

describe('image links', () => {
  it('names what is wrong with a link before fetching anything', () => {
    expect(parseImageUrl('   ', BASE)).toEqual({ key: 'image.urlEmpty' });
    expect(parseImageUrl('http://[oops', BASE)).toMatchObject({ key: 'image.urlInvalid' });
    expect(parseImageUrl('javascript:alert(1)', BASE)).toEqual({
      key: 'image.urlScheme',
      vars: { url: 'javascript:alert(1)' },
    });
    expect(parseImageUrl('file:///etc/passwd', BASE)).toMatchObject({ key: 'image.urlScheme' });
    const long = `ftp://x/${'a'.repeat(5000)}`;
    const notice = parseImageUrl(long, BASE) as unknown as { vars: { url: string } };
    expect(notice.vars.url.length).toBe(80);
    expect(parseImageUrl('pics/cat.png', BASE)).toEqual(new URL('https://studio.example/app/pics/cat.png'));
  });

  it('names the image after the last path segment, decoded, or the host', () => {
    expect(imageNameOf(new URL('https://a.example/x/My%20Cat.jpg?size=2'))).toBe('My Cat.jpg');
    expect(imageNameOf(new URL('https://a.example/'))).toBe('a.example');
    expect(imageNameOf(new URL('https://a.example/%E0%A4%A'))).toBe('%E0%A4%A');
    expect(imageNameOf(new URL('data:image/png;base64,AAAA'))).toBe('data');
  });

  it('reads an image without credentials, in CORS mode', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const { fn, calls } = fakeFetch(new Response(png, { headers: { 'content-type': 'image/png' } }));
    const r = await fetchImageUrl(' https://img.example/cats/tabby.png ', BASE, fn);
    expect(calls[0]).toMatchObject({
      url: 'https://img.example/cats/tabby.png',
      init: { mode: 'cors', credentials: 'omit' },
    });
    if (!r.ok) throw new Error('refused');
    expect(r.name).toBe('tabby.png');
    expect(r.blob.type).toBe('image/png');
    expect(new Uint8Array(await r.blob.arrayBuffer())).toEqual(png);
  });

  it('tells a refused cross-origin read (or no answer) from an HTTP error', async () => {
    const blocked = await fetchImageUrl(
      'https://other.example/a.png',
      BASE,
      fakeFetch(new TypeError('Failed to fetch')).fn,
    );
    expect(blocked).toEqual({
      ok: false,
      notice: {
        key: 'image.urlBlocked',
        vars: { url: 'https://other.example/a.png', host: 'other.example' },
      },
    });
    const missing = await fetchImageUrl(
      'https://other.example/b.png',
      BASE,
      fakeFetch(new Response('no', { status: 404, statusText: 'Not Found' })).fn,
    );
    expect(missing).toMatchObject({
      ok: false,
      notice: { key: 'image.urlHttp', vars: { status: '404 Not Found' } },
    });
  });

  it('stops reading a body at the size limit, declared or not, so an endless one ends', async () => {
    const declared = await fetchImageUrl(
      'https://x.example/big.png',
      BASE,
      fakeFetch(new Response('x', { headers: { 'content-length': String(50 * 1024 * 1024) } })).fn,
    );
    expect(declared).toMatchObject({ ok: false, notice: { key: 'image.urlTooBig', vars: { max: 40 } } });
    const endless = streamedBody(10 * 1024 * 1024);
    const r = await fetchImageUrl(
      'https://x.example/stream',
      BASE,
      fakeFetch(new Response(endless.body)).fn,
      64 * 1024,
    );
    expect(r).toMatchObject({ ok: false, notice: { key: 'image.urlTooBig' } });
    // Read up to the limit (and the stream's read-ahead), not the whole 10 MB.
    expect(endless.pulled()).toBeLessThan(128 * 1024);
  });
});

/** Share links: compact, exact round trips, and clear messages for damaged or oversized links. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import {
  decodeShareHash,
  encodeShareHash,
  hasSharedNet,
  MAX_LINK_CHARS,
  ShareLinkError,
  shareUrl,
} from '../../src/lib/formats/shareLink';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { ZOO } from '../../src/lib/zoo';
import { parsePrototxtNet } from '../../src/lib/formats/caffe/caffeImport';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function errorOf(hash: string): ShareLinkError {
  try {
    decodeShareHash(hash);
  } catch (e) {
    if (e instanceof ShareLinkError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('share links', () => {
  it.each([
    ...ZOO.map((e) => [e.card.id, e.spec()] as const),
    [
      'googlenet (Caffe)',
      parsePrototxtNet(readFileSync('tests/fixtures/caffe/googlenet.prototxt', 'utf8')).spec,
    ] as const,
  ])('%s: the link gives back exactly the same architecture', (_name, spec) => {
    const hash = encodeShareHash(spec);
    expect(hash).toMatch(/^net=1\.[A-Za-z0-9_-]+$/);
    expect(hasSharedNet(`#${hash}`)).toBe(true);
    expect(decodeShareHash(`#${hash}`)).toEqual(spec);
  });

  it('is compact: TinyVGG in under 250 characters, VGG-16 in under 600', () => {
    expect(encodeShareHash(tinyVggSpec()).length).toBeLessThan(250);
    const vgg = ZOO.find((e) => e.card.id === 'vgg16')?.spec();
    expect(vgg && encodeShareHash(vgg).length).toBeLessThan(600);
  });

  it('builds a full URL on the current page', () => {
    const url = shareUrl(tinyVggSpec(), {
      origin: 'http://127.0.0.1:4173',
      pathname: '/app/',
      search: '?lang=zh-CN',
    });
    expect(url.startsWith('http://127.0.0.1:4173/app/?lang=zh-CN#net=1.')).toBe(true);
  });

  it('names what is wrong with a damaged link', () => {
    const good = encodeShareHash(tinyVggSpec());
    expect(errorOf(good.slice(0, good.length - 12)).text.en).toMatch(
      /^The shared link is damaged \(its data cannot be unpacked; it may have been cut off/,
    );
    expect(errorOf('net=1.@@@').text.en).toMatch(/cannot be unpacked/);
    expect(errorOf('net=9.abc').text.en).toMatch(/unknown version/);
    expect(errorOf(`net=1.${b64(deflateSync(new TextEncoder().encode('{"n": "x"}')))}`).text.en).toMatch(
      /it holds no net/,
    );
    const bogus = `net=1.${b64(
      deflateSync(
        new TextEncoder().encode(
          JSON.stringify({
            n: 'x',
            l: [
              ['in', 'Input', { shape: [8] }],
              ['b', 'Bogus'],
            ],
          }),
        ),
      ),
    )}`;
    expect(errorOf(bogus).text.en).toMatch(/^The shared net cannot be opened: .*unknown layer type "Bogus"/);
    expect(errorOf(bogus).text.zh).toMatch(/无法打开分享的网络/);
  });

  it('refuses an oversized link and a deflate bomb before unpacking all of it', () => {
    expect(errorOf(`net=1.${'A'.repeat(MAX_LINK_CHARS)}`).text.en).toMatch(
      /^The shared link is too long \(60,006 characters; at most 60,000\)/,
    );
    const bomb = `net=1.${b64(deflateSync(new Uint8Array(5_000_000).fill(32), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(errorOf(bomb).text.en).toBe('The shared link holds a net too large to open.');
  });
});

/**
 * Reads an image from a link the user typed or pasted. Every failure is a notice that names
 * the link and what went wrong; a server that does not let other sites read its images (no
 * CORS permission) is told apart from one that answered with an error.
 */
import type { Notice } from './notice';

/** The most bytes read from a link: more than any photo a network needs, far less than memory. */
export const MAX_URL_BYTES = 40 * 1024 * 1024;
/** Links are shown clipped: a pasted data: URL can be megabytes long. */
const SHOWN_CHARS = 80;

export type ImageFetch = (url: string, init: RequestInit) => Promise<Response>;

function shown(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}

/** The link as a URL, or the notice saying why it is not one we can open. */
export function parseImageUrl(text: string, base: string): URL | Notice {
  const trimmed = text.trim();
  if (!trimmed) return { key: 'image.urlEmpty' };
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { key: 'image.urlInvalid', vars: { url: shown(trimmed) } };
  }
  if (!['http:', 'https:', 'data:', 'blob:'].includes(url.protocol))
    return { key: 'image.urlScheme', vars: { url: shown(trimmed) } };
  return url;
}

/** A file name for the image: the link's last path segment, else its host. */
export function imageNameOf(url: URL): string {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return url.protocol.slice(0, -1);
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the segment as written.
  }
  return shown(name || url.host);
}

/** Reads the body, refusing it as soon as it passes `max` bytes (so a huge or endless body ends). */
async function readCapped(res: Response, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(await res.arrayBuffer());
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export type FetchedImage = { ok: true; blob: Blob; name: string } | { ok: false; notice: Notice };

export async function fetchImageUrl(
  text: string,
  base: string,
  fetchFn: ImageFetch = (url, init) => fetch(url, init),
  max = MAX_URL_BYTES,
): Promise<FetchedImage> {
  const url = parseImageUrl(text, base);
  if (!(url instanceof URL)) return { ok: false, notice: url };
  const vars = { url: shown(url.href), host: url.host };
  let res: Response;
  try {
    res = await fetchFn(url.href, { mode: 'cors', credentials: 'omit', redirect: 'follow' });
  } catch {
    // The browser does not say why a cross-origin read failed: refused by CORS or unreachable.
    return { ok: false, notice: { key: 'image.urlBlocked', vars } };
  }
  if (!res.ok)
    return {
      ok: false,
      notice: { key: 'image.urlHttp', vars: { ...vars, status: `${res.status} ${res.statusText}`.trim() } },
    };
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooBig: Notice = { key: 'image.urlTooBig', vars: { ...vars, max: max / (1024 * 1024) } };
  if (declared > max) {
    await res.body?.cancel();
    return { ok: false, notice: tooBig };
  }
  const bytes = await readCapped(res, max);
  if (!bytes) return { ok: false, notice: tooBig };
  const type = res.headers.get('content-type') ?? '';
  return { ok: true, blob: new Blob([bytes], { type }), name: imageNameOf(url) };
}

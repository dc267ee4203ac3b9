/**
 * Share links: the architecture (never the weights) in the URL hash as `#net=1.<data>`,
 * where data is the spec in a compact JSON form (parameters at their defaults and inputs
 * that are just the previous layer left out) and, when the model has them, its class names
 * (`c`, added later: links without it still open, and readers that do not know it ignore
 * it), deflated and base64url-encoded. Reading one validates it like a spec file; a damaged
 * or oversized link is a clear error.
 */
import { hasSharedNet } from './shareHash';
import { deflateSync, Inflate } from 'fflate';
import type { LayerParams, Localized, NetworkSpec } from '../spec/types';
import { getLayerDef } from '../layers/registry';
import { defaultLayerParams } from '../layers/shared/params';
import { parseSpecJson } from './specJson';
import { clipLocalized, FormatError } from './formatError';
import { labelsFromJson } from '../labels/labels';

const PREFIX = 'net=1.';
/** Longest hash accepted: far above any real net (VGG-16 takes ~1 kB), far below what strains a browser. */
export const MAX_LINK_CHARS = 60_000;
/** The inflated JSON may not grow past this (a guard against deflate bombs). */
const MAX_JSON_BYTES = 2_000_000;

export class ShareLinkError extends Error {
  readonly text: Localized;

  constructor(text: Localized) {
    const clipped = clipLocalized(text);
    super(clipped.en);
    this.text = clipped;
  }
}

type CompactLayer = [id: string, type: string, params?: LayerParams, inputs?: string[]];

interface Compact {
  n: string;
  l: CompactLayer[];
  /** Class names, one per output; absent when the model has none. */
  c?: string[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compact(spec: NetworkSpec): Compact {
  return {
    n: spec.name,
    l: spec.layers.map((layer, i): CompactLayer => {
      const def = getLayerDef(layer.type);
      const defaults = def ? defaultLayerParams(def) : {};
      const params: LayerParams = {};
      for (const [k, v] of Object.entries(layer.params)) if (!same(v, defaults[k])) params[k] = v;
      const previous = spec.layers[i - 1]?.id;
      const chained = previous !== undefined ? same(layer.inputs, [previous]) : layer.inputs.length === 0;
      const row: CompactLayer = [layer.id, layer.type];
      if (Object.keys(params).length > 0 || !chained) row.push(params);
      if (!chained) row.push(layer.inputs);
      return row;
    }),
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

/** The hash (without `#`) that carries this architecture, and its class names when given. */
export function encodeShareHash(spec: NetworkSpec, labels: readonly string[] = []): string {
  const packed = compact(spec);
  if (labels.length > 0) packed.c = [...labels];
  const json = new TextEncoder().encode(JSON.stringify(packed));
  return `${PREFIX}${toBase64Url(deflateSync(json, { level: 9 }))}`;
}

/** True when a URL hash carries a shared net. */
export { hasSharedNet };

const damaged = (why: string, whyZh: string): ShareLinkError =>
  new ShareLinkError({ en: `The shared link is damaged (${why}).`, zh: `分享链接已损坏（${whyZh}）。` });

function inflate(bytes: Uint8Array): string {
  const parts: Uint8Array[] = [];
  let size = 0;
  const stream = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_JSON_BYTES)
      throw new ShareLinkError({
        en: 'The shared link holds a net too large to open.',
        zh: '分享链接中的网络太大，无法打开。',
      });
    parts.push(chunk);
  });
  stream.push(bytes, true);
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

/** Reads the architecture out of a URL hash; throws ShareLinkError saying what is wrong. */
export function decodeShareHash(hash: string): NetworkSpec {
  return decodeShareLink(hash).spec;
}

/** What a share link carries: the architecture and, from links that have them, its class names. */
export interface SharedNet {
  spec: NetworkSpec;
  labels: string[] | null;
}

/** Reads the architecture and class names out of a URL hash; throws ShareLinkError saying what is wrong. */
export function decodeShareLink(hash: string): SharedNet {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('net=')) throw damaged('it does not start with net=', '它不是以 net= 开头');
  if (!body.startsWith(PREFIX))
    throw damaged('it was made by an unknown version of CNN Studio', '它由未知版本的 CNN Studio 生成');
  if (body.length > MAX_LINK_CHARS)
    throw new ShareLinkError({
      en: `The shared link is too long (${body.length.toLocaleString('en-US')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en-US')}).`,
      zh: `分享链接太长（${body.length} 个字符；最多 ${MAX_LINK_CHARS} 个）。`,
    });
  let json: string;
  try {
    json = inflate(fromBase64Url(body.slice(PREFIX.length)));
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw damaged(
      'its data cannot be unpacked; it may have been cut off when it was copied',
      '数据无法解压；复制时可能被截断了',
    );
  }
  let packed: unknown;
  try {
    packed = JSON.parse(json);
  } catch {
    throw damaged('its data is not readable', '数据无法读取');
  }
  const c = packed as Partial<Compact>;
  if (typeof c !== 'object' || c === null || typeof c.n !== 'string' || !Array.isArray(c.l))
    throw damaged('it holds no net', '其中没有网络');
  const layers = c.l.map((row: unknown, i) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string')
      throw damaged(`layer ${i + 1} is unreadable`, `第 ${i + 1} 层无法读取`);
    const previous = (c.l?.[i - 1] as unknown[] | undefined)?.[0];
    return {
      id: row[0],
      type: row[1],
      params: row[2] ?? {},
      inputs: row[3] ?? (typeof previous === 'string' ? [previous] : []),
    };
  });
  let labels: string[] | null = null;
  if (c.c !== undefined) {
    try {
      labels = labelsFromJson(c.c, 'link');
    } catch {
      throw damaged('its class names are unreadable', '其中的类别名称无法读取');
    }
  }
  try {
    return { spec: parseSpecJson(JSON.stringify({ name: c.n, layers })).spec, labels };
  } catch (e) {
    if (e instanceof FormatError)
      throw new ShareLinkError({
        en: `The shared net cannot be opened: ${e.text.en}.`,
        zh: `无法打开分享的网络：${e.text.zh}。`,
      });
    throw e;
  }
}

/** A full link to this page with the net (and its class names, when given) in its hash. */
export function shareUrl(
  spec: NetworkSpec,
  location: { origin: string; pathname: string; search: string },
  labels: readonly string[] = [],
): string {
  return `${location.origin}${location.pathname}${location.search}#${encodeShareHash(spec, labels)}`;
}

/** Opens the net a URL hash carries, if it carries one; returns the problem to show, or null. */
export function openSharedNet(
  hash: string,
  open: (spec: NetworkSpec, labels: string[] | null) => void,
): Localized | null {
  if (!hasSharedNet(hash)) return null;
  try {
    const shared = decodeShareLink(hash);
    open(shared.spec, shared.labels);
    return null;
  } catch (e) {
    if (e instanceof ShareLinkError) return e.text;
    throw e;
  }
}

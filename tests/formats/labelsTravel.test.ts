/**
 * Class names travel with the model: in a tfjs model.json's userDefinedMetadata (read and
 * written) and in share links (a new optional field: old links open without names, a link
 * with names gives them back exactly). Hostile names survive as text through both.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { parseKerasJson, serializeKerasJson } from '../../src/lib/formats/keras/kerasJson';
import {
  decodeShareHash,
  decodeShareLink,
  encodeShareHash,
  openSharedNet,
  ShareLinkError,
} from '../../src/lib/formats/shareLink';
import { cleanLabel } from '../../src/lib/labels/labels';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { HOSTILE_NAMES } from '../fixtures/hostile/names';

const spec = tinyVggSpec(10, 64);
const hostile = HOSTILE_NAMES.filter((n) => n.length < 1000)
  .map(cleanLabel)
  .filter((n) => n !== '')
  .slice(0, 10);

describe('labels in model.json', () => {
  it('are written into userDefinedMetadata and read back, hostile ones included', () => {
    expect(hostile.length).toBe(10);
    const { json } = serializeKerasJson(spec, undefined, { labels: hostile });
    const imported = parseKerasJson(json);
    expect(imported.labels).toEqual({ names: hostile, source: 'userDefinedMetadata' });
    expect(JSON.parse(json).userDefinedMetadata.cnnStudio.classes).toEqual(hostile);
  });

  it('a model.json without names has none; unreadable names are a note, not a failure', () => {
    expect(parseKerasJson(serializeKerasJson(spec).json).labels).toBeUndefined();
    const model = JSON.parse(serializeKerasJson(spec).json);
    model.userDefinedMetadata = { cnnStudio: { classes: 'cat,dog' } };
    const imported = parseKerasJson(JSON.stringify(model));
    expect(imported.labels).toBeUndefined();
    expect(imported.notes.map((n) => n.en)).toContain(
      'userDefinedMetadata: the class names must be a list of strings',
    );
  });
});

describe('labels in share links', () => {
  it('round trip exactly, hostile ones included', () => {
    const hash = encodeShareHash(spec, hostile);
    expect(decodeShareLink(`#${hash}`)).toEqual({ spec, labels: hostile });
    // The architecture alone reads as before.
    expect(decodeShareHash(hash)).toEqual(spec);
  });

  it('a link without names (as every earlier link) opens with none', () => {
    const old = encodeShareHash(spec);
    expect(decodeShareLink(old).labels).toBeNull();
    let opened: unknown = 'not called';
    expect(openSharedNet(`#${old}`, (_s, labels) => (opened = labels))).toBeNull();
    expect(opened).toBeNull();
  });

  it('a link whose names are not a list of strings is damaged, saying so', () => {
    const packed = { n: 'x', l: [['in', 'Input', { shape: [8, 8, 3] }]], c: [1, 2] };
    const body = Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(packed)))).toString(
      'base64url',
    );
    try {
      decodeShareLink(`net=1.${body}`);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ShareLinkError);
      expect((e as ShareLinkError).text.en).toBe(
        'The shared link is damaged (its class names are unreadable).',
      );
    }
  });
});

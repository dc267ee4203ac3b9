/**
 * The model-reading worker's pure parts, run in Node: reading a Blob with progress (bounded
 * reports, every byte kept), the import's errors carried across as data and rebuilt as the
 * same FormatError, the weights' buffers listed once each for transfer (and really moved by a
 * structured clone), the progress bar's words, and the memory budget refusing a file by its
 * size before any of it is read.
 */
import { describe, expect, it } from 'vitest';
import { openModel } from '../../../src/lib/formats/modelRead/importModel';
import {
  fromWire,
  toWire,
  transferablesOf,
  UnreadableFileError,
  type OpenStage,
} from '../../../src/lib/formats/modelRead/protocol';
import { readBlob, reportStep, shouldReport } from '../../../src/lib/formats/modelRead/readProgress';
import { progressView } from '../../../src/lib/formats/modelRead/progressView';
import { FormatError } from '../../../src/lib/formats/formatError';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { ONNX_BUDGET_BYTES } from '../../../src/lib/formats/onnx/onnxDecode';
import { isDroppedFiles, readDroppedFiles } from '../../../src/views/textview/modelFiles';
import { TestGraph, int } from '../onnx/onnxTestGraph';
import type { Imported } from '../../../src/lib/formats/types';

/** A dense classifier on 8×8 RGB whose weights take about `mb` megabytes. */
function denseNet(hidden: number): Uint8Array<ArrayBuffer> {
  const g = new TestGraph(13, 3);
  let y = g.node('Flatten', [g.input('x', ['N', 3, 8, 8])], { axis: int(1) }, 1, 'flatten');
  y = g.node(
    'Gemm',
    [y, g.weight('fc1.weight', [hidden, 192]), g.weight('fc1.bias', [hidden])],
    { transB: int(1) },
    1,
    'fc1',
  );
  y = g.node('Relu', [y], {}, 1, 'relu');
  g.output(
    g.node(
      'Gemm',
      [y, g.weight('fc2.weight', [4, hidden]), g.weight('fc2.bias', [4])],
      { transB: int(1) },
      1,
      'fc2',
    ),
  );
  return new Uint8Array(g.encode());
}

async function stages(
  request: Parameters<typeof openModel>[0],
): Promise<{ imported: Imported; seen: OpenStage[] }> {
  const seen: OpenStage[] = [];
  const imported = await openModel(request, (s) => seen.push(s));
  return { imported, seen };
}

describe('reading a file with progress', () => {
  it('keeps every byte and reports about once a percent, ending at the total', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 17).map((_, i) => (i * 31) & 255);
    const reports: [number, number][] = [];
    const read = await readBlob(new Blob([bytes]), (loaded, total) => reports.push([loaded, total]));
    // Compared as bytes (a deep equal of 5 M elements takes minutes).
    expect(read.length).toBe(bytes.length);
    expect(Buffer.compare(Buffer.from(read), Buffer.from(bytes))).toBe(0);
    expect(reports[0]).toEqual([0, bytes.length]);
    expect(reports.at(-1)).toEqual([bytes.length, bytes.length]);
    // At least a megabyte apart: a 5 MB file makes a handful of reports, not one per chunk.
    expect(reports.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < reports.length; i++) expect(reports[i]![0]).toBeGreaterThan(reports[i - 1]![0]);
  });

  it('steps a hundredth of a large file, at least a megabyte', () => {
    expect(reportStep(400 * 1024 * 1024)).toBe(4 * 1024 * 1024);
    expect(reportStep(1000)).toBe(1 << 20);
    expect(shouldReport(0, 1000, 1000)).toBe(true);
    expect(shouldReport(0, 1 << 19, 400 << 20)).toBe(false);
    expect(shouldReport(0, 4 << 20, 400 << 20)).toBe(true);
  });

  it('a file the browser cannot read ends in UnreadableFileError', async () => {
    const broken = {
      size: 10,
      stream: () =>
        new ReadableStream({
          pull: (c) => c.error(new Error('NotReadableError')),
        }),
    } as unknown as Blob;
    await expect(readBlob(broken, () => {})).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe('opening an ONNX file as the worker does', () => {
  it('reads then decodes, and gives the weights a main-thread import gives', async () => {
    const bytes = denseNet(512);
    const { imported, seen } = await stages({
      name: 'dense.onnx',
      text: '',
      shards: new Map(),
      file: new Blob([bytes]),
    });
    expect(seen[0]).toEqual({ phase: 'read', loaded: 0, total: bytes.length });
    expect(seen.at(-1)).toEqual({ phase: 'parse', total: bytes.length });
    expect(seen.filter((s) => s.phase === 'read').at(-1)).toEqual({
      phase: 'read',
      loaded: bytes.length,
      total: bytes.length,
    });
    const direct = parseOnnx(bytes, 'dense.onnx');
    expect(imported.spec).toEqual(direct.spec);
    expect([...(imported.weights?.keys() ?? [])]).toEqual([...(direct.weights?.keys() ?? [])]);
    for (const [k, w] of direct.weights ?? []) expect(imported.weights?.get(k)).toEqual(w);
  });

  it('moves the weights to the page without a copy: each buffer listed once, detached after', async () => {
    const { imported } = await stages({
      name: 'dense.onnx',
      text: '',
      shards: new Map(),
      file: new Blob([denseNet(64)]),
    });
    const transfer = transferablesOf(imported);
    const weights = [...(imported.weights?.values() ?? [])];
    expect(new Set(transfer).size).toBe(transfer.length);
    for (const w of weights) expect(transfer).toContain(w.buffer);
    const values = weights.map((w) => Float32Array.from(w));
    const moved = structuredClone(imported, { transfer });
    // The sender's arrays are emptied (moved, not copied); the receiver has every value.
    for (const w of weights) expect(w.length).toBe(0);
    expect([...(moved.weights?.values() ?? [])].map((w) => Float32Array.from(w))).toEqual(values);
    expect(moved.layerPos).toBeInstanceOf(Map);
  });

  it('lists a buffer shared by several weights once (listing it twice would throw)', () => {
    const buffer = new ArrayBuffer(64);
    const imported = {
      spec: { name: 'n', layers: [] },
      notes: [],
      layerPos: new Map(),
      weights: new Map([
        ['a/kernel', new Float32Array(buffer, 0, 8)],
        ['a/bias', new Float32Array(buffer, 32, 8)],
      ]),
    } as unknown as Imported;
    expect(transferablesOf(imported)).toEqual([buffer]);
    expect(() => structuredClone(imported, { transfer: transferablesOf(imported) })).not.toThrow();
  });
});

describe('errors across the worker boundary', () => {
  it('a file cut short reaches the page as the same FormatError, place and both languages', async () => {
    const bytes = denseNet(32);
    const cut = bytes.slice(0, Math.floor(bytes.length * 0.6));
    let direct: FormatError | undefined;
    try {
      parseOnnx(cut, 'cut.onnx');
    } catch (e) {
      direct = e as FormatError;
    }
    expect(direct).toBeInstanceOf(FormatError);
    const viaWorker = await openModel(
      { name: 'cut.onnx', text: '', shards: new Map(), file: new Blob([cut]) },
      () => {},
    ).then(
      () => null,
      (e: unknown) => fromWire(structuredClone(toWire(e))),
    );
    expect(viaWorker).toBeInstanceOf(FormatError);
    const rebuilt = viaWorker as FormatError;
    expect(rebuilt.message).toBe(direct?.message);
    expect(rebuilt.localized()).toEqual(direct?.localized());
    expect(rebuilt.format).toBe('onnx');
    expect(rebuilt.place).toEqual(direct?.place);
  });

  it('a prototxt error keeps its line and column for the pane to mark', async () => {
    const text =
      'name: "x"\nlayer {\n  name: "a"\n  type: "Convolution"\n  bottom: "data"\n  top: "a"\n  convolution_param { num_output: -3 }\n}\n';
    const err = await openModel({ name: 'deploy.prototxt', text, shards: new Map() }, () => {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FormatError);
    const rebuilt = fromWire(structuredClone(toWire(err))) as FormatError;
    expect(rebuilt.place).toEqual((err as FormatError).place);
    expect(rebuilt.message).toBe((err as FormatError).message);
  });

  it('an unreadable file and an unexpected error keep their kind and words', () => {
    expect(fromWire(toWire(new UnreadableFileError()))).toBeInstanceOf(UnreadableFileError);
    const other = fromWire(structuredClone(toWire(new RangeError('Array buffer allocation failed'))));
    expect(other).not.toBeInstanceOf(FormatError);
    expect(other.message).toBe('Array buffer allocation failed');
  });
});

describe('the progress bar and the budget', () => {
  it('says how much is read, then that it decodes (no share while it does)', () => {
    const view = progressView('big.onnx', { phase: 'read', loaded: 25_000_000, total: 100_000_000 });
    expect(view).toEqual({
      fraction: 0.25,
      key: 'formats.reading',
      vars: { file: 'big.onnx', loaded: '25 MB', total: '100 MB', percent: '25' },
    });
    expect(progressView('big.onnx', { phase: 'parse', total: 100_000_000 })).toEqual({
      fraction: null,
      key: 'formats.decoding',
      vars: { file: 'big.onnx', size: '100 MB' },
    });
    expect(progressView('empty.onnx', { phase: 'read', loaded: 0, total: 0 }).fraction).toBe(1);
  });

  it('refuses a weight file over the budget by its size, naming both, before reading any of it', async () => {
    let touched = false;
    const huge = {
      name: 'huge.onnx',
      size: ONNX_BUDGET_BYTES + 1,
      stream: () => ((touched = true), new Blob([]).stream()),
      arrayBuffer: () => ((touched = true), Promise.resolve(new ArrayBuffer(0))),
      text: () => ((touched = true), Promise.resolve('')),
    } as unknown as File;
    const read = await readDroppedFiles([huge]);
    expect(isDroppedFiles(read)).toBe(false);
    expect(read).toEqual({
      key: 'formats.modelOverBudget',
      vars: { file: 'huge.onnx', size: '268 MB', budget: '268 MB' },
    });
    expect(touched).toBe(false);
  });

  it('leaves a binary model within the budget unread for the worker', async () => {
    const file = new File([denseNet(8)], 'small.onnx');
    const read = await readDroppedFiles([file]);
    if (!isDroppedFiles(read)) throw new Error(read.key);
    expect(read.model?.file).toBe(file);
  });
});

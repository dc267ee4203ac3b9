/** `npm run inspect` and `npm run convert` with .onnx files, in child processes as npm runs them. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../cliRun';
import { parseOnnx } from '../../../src/lib/formats/onnx/onnxImport';
import { TestGraph, int, ints } from './onnxTestGraph';

const dir = mkdtempSync(join(tmpdir(), 'onnx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function classifier(): TestGraph {
  const g = new TestGraph(13);
  const x = g.input('input', ['N', 3, 16, 16]);
  let y = g.node(
    'Conv',
    [x, g.weight('conv1.weight', [8, 3, 3, 3]), g.weight('conv1.bias', [8])],
    { pads: ints([1, 1, 1, 1]) },
    1,
    '/conv1/Conv',
  );
  y = g.node('Relu', [y], {}, 1, '/relu/Relu');
  y = g.node('GlobalAveragePool', [y], {}, 1, '/avgpool/GlobalAveragePool');
  y = g.node('Flatten', [y], { axis: int(1) }, 1, '/Flatten');
  g.output(
    g.node(
      'Gemm',
      [y, g.weight('fc.weight', [3, 8]), g.weight('fc.bias', [3])],
      { transB: int(1) },
      1,
      '/fc/Gemm',
    ),
  );
  g.metadata = [{ key: 'names', value: "{0: 'tabby cat', 1: 'school bus', 2: \"it's\"}" }];
  return g;
}

describe('inspect and convert read and write ONNX', () => {
  const file = join(dir, 'small.onnx');
  writeFileSync(file, classifier().encode());

  it(
    'inspect summarises an .onnx file with PyTorch module names and its class names',
    { timeout: 60_000 },
    async () => {
      const r = await runScript('scripts/inspect.ts', [file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`(${file}, ONNX (opset 13))`);
      expect(r.stdout).toMatch(/conv1 \(Conv2D\)\s+16×16×8\s+224/);
      expect(r.stdout).toMatch(/fc \(Dense\)\s+3\s+27/);
      expect(r.stdout).toContain(
        "3 class names from the file's metadata_props: tabby cat, school bus, it's.",
      );
      const json = await runScript('scripts/inspect.ts', [file, '--json']);
      expect(JSON.parse(json.stdout).classes).toEqual(['tabby cat', 'school bus', "it's"]);
    },
  );

  it(
    'inspect names the node and field of a broken file, on one line, exit 1',
    { timeout: 60_000 },
    async () => {
      const bad = join(dir, 'bad.onnx');
      const bytes = classifier().encode();
      writeFileSync(bad, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const r = await runScript('scripts/inspect.ts', [bad]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(graph\\.\\w+\\[\\d+\\]\\): the file is cut short: .+\\n$`,
        ),
      );
    },
  );

  it(
    'convert .onnx → .onnx and model.json keeps weights and class names; a prototxt cannot become .onnx',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'copy.onnx');
      const r = await runScript('scripts/convert.ts', [file, out]);
      expect(r.stdout).toBe(`wrote ${out} (ONNX with weights and 3 class names)\n`);
      const a = parseOnnx(readFileSync(file));
      const b = parseOnnx(readFileSync(out));
      expect(b.classes).toEqual(a.classes);
      expect(b.weights?.get('conv1/kernel')).toEqual(a.weights?.get('conv1/kernel'));
      const keras = await runScript('scripts/convert.ts', [file, join(dir, 'model.json')]);
      expect(keras.code).toBe(0);
      const back = await runScript('scripts/convert.ts', [join(dir, 'model.json'), join(dir, 'again.onnx')]);
      expect(back.code).toBe(0);
      expect(parseOnnx(readFileSync(join(dir, 'again.onnx'))).weights?.get('fc/kernel')).toEqual(
        a.weights?.get('fc/kernel'),
      );
      await runScript('scripts/convert.ts', [file, join(dir, 'net.prototxt')]);
      const refused = await runScript('scripts/convert.ts', [join(dir, 'net.prototxt'), join(dir, 'x.onnx')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('holds no weights, and an .onnx file carries them');
    },
  );
});

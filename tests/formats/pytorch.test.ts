/**
 * PyTorch export: the code reads like a tutorial's nn.Module, and it runs as written. It is
 * executed with python3 against a shape-only stand-in for PyTorch (tests/fixtures/pytorch),
 * which checks every module's input as PyTorch does: the printed output shape and parameter
 * count must be ours, in PyTorch's layout.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serializePytorch, PytorchExportError } from '../../src/lib/formats/pytorch/pytorchExport';
import { pythonClassName, pythonIdentifier } from '../../src/lib/formats/pytorch/pythonNames';
import { torchShape } from '../../src/lib/formats/pytorch/torchLayout';
import { parsePrototxtNet } from '../../src/lib/formats/caffe/caffeImport';
import { parseKerasJson } from '../../src/lib/formats/keras/kerasJson';
import { inferShapes } from '../../src/lib/spec/inferShapes';
import { getLayerDef } from '../../src/lib/layers/registry';
import { outputLayerIds } from '../../src/lib/formats/keras/topology';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { ZOO } from '../../src/lib/zoo';
import { KERAS_FIXTURES, fixtureJsonText } from '../fixtures/keras/generate';

const STUB = resolve('tests/fixtures/pytorch/torch_stub');
const dir = mkdtempSync(join(tmpdir(), 'pytorch-export-'));

/** PyTorch's parameter count: learned weights only (batch-norm statistics are buffers). */
function trainable(spec: NetworkSpec): number {
  const table = inferShapes(spec);
  let n = 0;
  for (const l of spec.layers) {
    const info = table.layers.get(l.id);
    if (info?.status !== 'ok') continue;
    for (const w of getLayerDef(l.type)?.weights(l.params, info.inputShapes) ?? [])
      if (w.trainable !== false) n += w.shape.reduce((a, b) => a * b, 1);
  }
  return n;
}

function run(spec: NetworkSpec, name: string): string[] {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, serializePytorch(spec));
  return execFileSync('python3', [file], {
    env: { ...process.env, PYTHONPATH: STUB },
    encoding: 'utf8',
    timeout: 30_000,
  })
    .trim()
    .split('\n');
}

const nets: [string, NetworkSpec][] = [
  ['tinyvgg', tinyVggSpec()],
  ...ZOO.map((e): [string, NetworkSpec] => [`zoo_${e.card.id}`, e.spec()]),
  ...readdirSync('tests/fixtures/caffe')
    .filter((f) => f.endsWith('.prototxt'))
    .map((f): [string, NetworkSpec] => [
      `caffe_${f.replace(/\W/g, '_')}`,
      parsePrototxtNet(readFileSync(`tests/fixtures/caffe/${f}`, 'utf8')).spec,
    ]),
  ...Object.entries(KERAS_FIXTURES).map(([n, make]): [string, NetworkSpec] => [
    n,
    parseKerasJson(fixtureJsonText(make())).spec,
  ]),
];

describe('PyTorch export', () => {
  it('reads like a tutorial: modules in __init__, named tensors in forward, a runnable check at the end', () => {
    const code = serializePytorch(tinyVggSpec());
    expect(code).toContain(
      'class TinyVGG(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv_1_1 = nn.Conv2d(3, 10, kernel_size=3, stride=1, padding=0)\n',
    );
    expect(code).toContain('        self.max_pool_1 = nn.MaxPool2d(kernel_size=2, stride=2)\n');
    expect(code).toContain('        self.output = nn.Linear(1690, 10)\n');
    expect(code).toContain(
      '    def forward(self, input):\n        conv_1_1 = self.conv_1_1(input)  # [1, 10, 62, 62]\n',
    );
    expect(code).toContain(
      '        output = torch.softmax(self.output(flatten), dim=1)  # [1, 10]\n        return output\n',
    );
    expect(code).toContain('    input = torch.randn(1, 3, 64, 64)  # [1, 3, 64, 64]\n');
  });

  it.each(nets)(
    '%s runs as written, with our output shape and (for non-recurrent nets) our parameter count',
    (name, spec) => {
      const lines = run(spec, name);
      const table = inferShapes(spec);
      const outputs = outputLayerIds(spec).filter(
        (id) => getLayerDef(spec.layers.find((l) => l.id === id)?.type ?? '')?.category !== 'Loss',
      );
      const shapes = (
        outputs.length > 0
          ? outputs
          : spec.layers.filter((l) => l.type === 'SoftmaxCrossEntropy').flatMap((l) => l.inputs)
      ).map((id) => {
        const info = table.layers.get(id);
        return info?.status === 'ok' ? `torch.Size([${torchShape(info.shape).join(', ')}])` : '?';
      });
      expect(lines[0]).toBe(shapes.length > 1 ? `[${shapes.join(', ')}]` : shapes[0]);
      const recurrent = spec.layers.some((l) => getLayerDef(l.type)?.category === 'Recurrent');
      if (!recurrent) expect(lines[1]).toBe(`${trainable(spec)} parameters`);
    },
  );

  it('handles what PyTorch spells differently: uneven same padding, ceil-mode pooling, grouped and depthwise convolutions', () => {
    const googlenet = serializePytorch(
      parsePrototxtNet(readFileSync('tests/fixtures/caffe/googlenet.prototxt', 'utf8')).spec,
    );
    expect(googlenet).toContain('self.pool1_3x3_s2 = nn.MaxPool2d(kernel_size=3, stride=2, ceil_mode=True)');
    expect(googlenet).toContain(
      "self.inception_3a_3x3 = nn.Conv2d(96, 128, kernel_size=3, stride=1, padding='same')",
    );
    expect(googlenet).toContain(
      'inception_3a_output = torch.cat([inception_3a_relu_1x1, inception_3a_relu_3x3, inception_3a_relu_5x5, inception_3a_relu_pool_proj], dim=1)',
    );
    const alexnet = serializePytorch(
      parsePrototxtNet(readFileSync('tests/fixtures/caffe/alexnet.prototxt', 'utf8')).spec,
    );
    expect(alexnet).toContain(
      "self.conv2 = nn.Conv2d(96, 256, kernel_size=5, stride=1, padding='same', groups=2)",
    );
    expect(alexnet).toContain('self.norm1 = nn.LocalResponseNorm(5, alpha=0.0001, beta=0.75, k=1.0)');
    const mobilenet = serializePytorch(ZOO.find((e) => e.card.id === 'mobilenet')?.spec() ?? tinyVggSpec());
    expect(mobilenet).toMatch(
      /nn\.Conv2d\((\d+), \1, kernel_size=3, stride=1, padding=('same'|1|0), groups=\1/,
    );
  });

  it('names Python identifiers safely and refuses what it cannot write, naming the layer', () => {
    expect(pythonIdentifier('conv1/7x7_s2')).toBe('conv1_7x7_s2');
    expect(pythonIdentifier('class')).toBe('class_');
    expect(pythonIdentifier('forward')).toBe('forward_');
    expect(pythonIdentifier('3a')).toBe('l_3a');
    expect(pythonClassName('FCN-32s')).toBe('FCN32s');
    expect(pythonClassName('VGG_ILSVRC_16_layers')).toBe('VGG_ILSVRC_16_layers');
    const bad: NetworkSpec = {
      ...tinyVggSpec(),
      layers: [
        ...tinyVggSpec().layers.slice(0, 2),
        {
          id: 'dot',
          type: 'Dot',
          params: { axes: [-1, -1], normalize: false },
          inputs: ['conv_1_1', 'conv_1_1'],
        },
      ],
    };
    expect(() => serializePytorch(bad)).toThrow(PytorchExportError);
  });
});

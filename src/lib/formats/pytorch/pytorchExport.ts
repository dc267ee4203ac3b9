/**
 * Spec → PyTorch source: one nn.Module with its layers built in __init__ and a forward
 * that passes named tensors along the graph (so branches and merges read naturally), each
 * line commented with its PyTorch shape, and a runnable check at the end. Export only.
 */
import type { LayerSpec, NetworkSpec, Shape } from '../../spec/types';
import { inferShapes } from '../../spec/inferShapes';
import { getLayerDef } from '../../layers/registry';
import { FormatError } from '../formatError';
import { outputLayerIds } from '../keras/topology';
import { layersInOrder } from '../../spec/order';
import { TORCH_LAYERS } from './torchLayers';
import { torchShape, type TorchContext } from './torchLayout';
import { pythonClassName, PythonNames } from './pythonNames';
import { pythonComment, pythonEscaped } from '../escape';

export class PytorchExportError extends FormatError {
  constructor(en: string, zh: string) {
    super('pytorch', { en, zh });
  }
}

function demoInput(layer: LayerSpec, shape: Shape, consumers: LayerSpec[]): string {
  const dims = torchShape(shape).join(', ');
  const embedding = consumers.find((c) => c.type === 'Embedding');
  if (embedding) return `torch.randint(0, ${String(embedding.params.inputDim)}, (${dims}))`;
  return `torch.randn(${dims})`;
}

export function serializePytorch(spec: NetworkSpec): string {
  const table = inferShapes(spec);
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  const names = new PythonNames();
  const init: string[] = [];
  const forward: string[] = [];
  const args: string[] = [];
  const demo: string[] = [];
  const losses = new Set<string>();
  for (const layer of layersInOrder(spec, table)) {
    const id = layer.id;
    const info = table.layers.get(id);
    if (info?.status !== 'ok')
      throw new PytorchExportError(
        `layer ${id} has a problem (${info?.status === 'error' ? info.error.en : 'an earlier layer has one'}); fix it before exporting`,
        `层 ${id} 有问题（${info?.status === 'error' ? info.error.zh : '之前的某层有问题'}）；请先修正再导出`,
      );
    const name = names.of(id);
    const shapeNote = `# [${torchShape(info.shape).join(', ')}]`;
    if (layer.type === 'Input') {
      args.push(name);
      const consumers = spec.layers.filter((l) => l.inputs.includes(id));
      demo.push(`    ${name} = ${demoInput(layer, info.shape, consumers)}  ${shapeNote}`);
      continue;
    }
    const mapper = TORCH_LAYERS[layer.type];
    const fail = (en: string, zh: string): never => {
      throw new PytorchExportError(`layer ${id} (${layer.type}): ${en}`, `层 ${id}（${layer.type}）：${zh}`);
    };
    if (!mapper)
      fail('PyTorch export does not support this layer type yet', 'PyTorch 导出尚不支持这种层类型');
    const ctx: TorchContext = {
      layer,
      inShapes: info.inputShapes,
      outShape: info.shape,
      attr: `self.${name}`,
      fail,
    };
    const mapped = mapper!(ctx);
    for (const [suffix, ctor] of mapped.modules) init.push(`        self.${name}${suffix} = ${ctor}`);
    if (getLayerDef(layer.type)?.category === 'Loss') {
      losses.add(id);
      if (mapped.remark) init[init.length - 1] += `  # ${pythonComment(mapped.remark)}`;
      continue;
    }
    if (mapped.remark) forward.push(`        # ${pythonComment(mapped.remark)}`);
    forward.push(`        ${name} = ${mapped.expr(layer.inputs.map((i) => names.of(i)))}  ${shapeNote}`);
  }
  const outputs = outputLayerIds(spec).filter((id) => !losses.has(id) && byId.get(id)?.type !== 'Input');
  const lossInputs = spec.layers.filter((l) => losses.has(l.id)).flatMap((l) => l.inputs);
  const returned = outputs.length > 0 ? outputs : [...new Set(lossInputs)];
  const cls = pythonClassName(spec.name);
  const result = returned.map((id) => names.of(id)).join(', ');
  return [
    `"""${pythonEscaped(spec.name)}, exported from CNN Studio.`,
    '',
    'Tensors are laid out as PyTorch expects: images as N x C x H x W, sequences as',
    "N x steps x features (batch_first=True). The comments give each tensor's shape.",
    '"""',
    'import torch',
    'from torch import nn',
    'import torch.nn.functional as F',
    '',
    '',
    `class ${cls}(nn.Module):`,
    '    def __init__(self):',
    '        super().__init__()',
    ...(init.length > 0 ? init : ['        pass']),
    '',
    `    def forward(self, ${args.join(', ')}):`,
    ...forward,
    `        return ${result || args[0] || 'None'}`,
    '',
    '',
    'if __name__ == "__main__":',
    `    model = ${cls}().eval()`,
    ...demo,
    '    with torch.no_grad():',
    `        out = model(${args.join(', ')})`,
    returned.length > 1 ? '    print([o.shape for o in out])' : '    print(out.shape)',
    '    print(sum(p.numel() for p in model.parameters()), "parameters")',
    '',
  ].join('\n');
}

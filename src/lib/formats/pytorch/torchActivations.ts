/**
 * Our activation names (tfjs/Keras vocabulary) as PyTorch: a functional call for
 * activations fused into a layer, and a module for an Activation layer of its own.
 */
import { torchDim, type TorchContext } from './torchLayout';

/** `dim` for softmax-like activations: the last of our axes, which is channels. */
function lastDim(rank: number): number {
  return torchDim(-1, rank);
}

export function activationCall(ctx: TorchContext, name: string, x: string, rank: number): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return `F.relu(${x})`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'softmax':
      return `torch.softmax(${x}, dim=${lastDim(rank)})`;
    case 'log_softmax':
      return `F.log_softmax(${x}, dim=${lastDim(rank)})`;
    case 'elu':
      return `F.elu(${x})`;
    case 'selu':
      return `F.selu(${x})`;
    case 'softplus':
      return `F.softplus(${x})`;
    case 'softsign':
      return `F.softsign(${x})`;
    case 'relu6':
      return `F.relu6(${x})`;
    case 'swish':
      return `F.silu(${x})`;
    case 'mish':
      return `F.mish(${x})`;
    case 'gelu':
      return `F.gelu(${x})`;
    case 'hard_sigmoid':
      // Keras' hard sigmoid has slope 0.2; PyTorch's Hardsigmoid has 1/6.
      return `F.hardtanh(0.2 * ${x} + 0.5, 0.0, 1.0)`;
    default:
      return ctx.fail(`PyTorch has no ${name} activation`, `PyTorch 没有 ${name} 激活函数`);
  }
}

const MODULES: Record<string, string> = {
  relu: 'nn.ReLU()',
  sigmoid: 'nn.Sigmoid()',
  tanh: 'nn.Tanh()',
  elu: 'nn.ELU()',
  selu: 'nn.SELU()',
  softplus: 'nn.Softplus()',
  softsign: 'nn.Softsign()',
  relu6: 'nn.ReLU6()',
  swish: 'nn.SiLU()',
  mish: 'nn.Mish()',
  gelu: 'nn.GELU()',
  linear: 'nn.Identity()',
};

/** A module for an activation layer, or null when only the functional form fits. */
export function activationModule(name: string, rank: number): string | null {
  if (name === 'softmax') return `nn.Softmax(dim=${lastDim(rank)})`;
  if (name === 'log_softmax') return `nn.LogSoftmax(dim=${lastDim(rank)})`;
  return MODULES[name] ?? null;
}

/**
 * A model that normalises its own input — `(x - mean) / std` written in its forward(), as
 * many PyTorch scripts do — exports Sub/Div (or Add/Mul) of the graph input by a per-channel
 * constant. That is preprocessing, the Input's mean and std (lib/preprocess), not a layer: the
 * arithmetic folds into the Input and the Input panel shows it. Only when it is the first thing
 * done to the input, and the input's only reader, so nothing else sees the un-normalised values.
 */
import type { Localized } from '../../spec/types';
import type { NodeContext } from './onnxBuilder';
import type { Const } from './onnxTensor';
import type { Act } from './onnxValues';

/** (x − mean[c]) / std[c] of the graph input, as folded so far. */
export interface InputNorm {
  layer: string;
  mean: number[];
  std: number[];
  /** ONNX tensors that hold a partly normalised input: no layer computes those values alone. */
  partial: Set<string>;
}

/** One value per channel of a [C], [1, C, 1, 1], [C, 1, 1] or single-value constant; null otherwise. */
function perChannel(c: Const, channels: number): number[] | null {
  if (c.integer) return null;
  const values = Array.from(c.data);
  if (values.length === 1) return Array.from({ length: channels }, () => values[0] ?? 0);
  const dims = c.dims.filter((d) => d !== 1);
  const last = c.dims.length >= 3 && c.dims.slice(-2).every((d) => d === 1);
  return values.length === channels && dims.length === 1 && last ? values : null;
}

/**
 * Folds the node into the input's normalisation when it is Sub/Div/Add/Mul of the (possibly
 * already partly normalised) graph input by a per-channel constant. Returns whether it did.
 */
export function foldInputNorm(ctx: NodeContext, norm: Map<string, InputNorm>): boolean {
  const [a, b] = [ctx.value(0), ctx.value(1)];
  const op = ctx.opType;
  const actFirst = a?.kind === 'act';
  const act = (actFirst ? a : b) as Act | undefined;
  const constant = actFirst ? b : a;
  if (act?.kind !== 'act' || constant?.kind !== 'const' || ctx.node.input.length !== 2) return false;
  // c − x and c / x are not a normalisation.
  if (!actFirst && (op === 'Sub' || op === 'Div')) return false;
  const source = ctx.node.input[actFirst ? 0 : 1] ?? '';
  const input = ctx.b.layers.find((l) => l.id === act.layer);
  const readers = ctx.b.consumers.get(source) ?? [];
  if (input?.type !== 'Input' || act.layout.kind !== 'image' || readers.length !== 1) return false;
  const channels = act.layout.order === 'nchw' ? (act.shape[1] ?? 0) : (act.shape[3] ?? 0);
  const k = perChannel(constant.value, channels);
  if (!k) return false;
  const so = norm.get(act.layer) ?? {
    layer: act.layer,
    mean: k.map(() => 0),
    std: k.map(() => 1),
    partial: new Set<string>(),
  };
  // (x − m) / s  op  k, written again as (x − m') / s'.
  const mean = so.mean.map((m, c) => {
    const s = so.std[c] ?? 1;
    const v = k[c] ?? 0;
    return op === 'Sub' ? m + v * s : op === 'Add' ? m - v * s : m;
  });
  const std = so.std.map((s, c) => {
    const v = k[c] ?? 1;
    return op === 'Div' ? s * v : op === 'Mul' ? s / v : s;
  });
  if (std.some((s) => !(s > 0) || !Number.isFinite(s)) || mean.some((m) => !Number.isFinite(m))) return false;
  so.partial.add(ctx.node.output[0] ?? '');
  norm.set(act.layer, { ...so, mean, std });
  ctx.output(0, act);
  return true;
}

/** The import's note saying where the normalisation went. */
export function normalisationNote(norm: InputNorm): Localized {
  const list = (v: number[]) => `[${v.map((x) => Number(x.toPrecision(6))).join(', ')}]`;
  return {
    en: `The graph normalises its input itself, (x − ${list(norm.mean)}) / ${list(norm.std)}: that is now the Input's preprocessing (mean and std), not a layer.`,
    zh: `该图自己对输入做归一化，(x − ${list(norm.mean)}) / ${list(norm.std)}：现在它是输入层的预处理（均值与标准差），而不是一层。`,
  };
}

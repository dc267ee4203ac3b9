/**
 * Whether the explainer can run a spec in the browser, and if not, the one sentence that
 * says why. Shapes and counts work for every spec; running needs tfjs layers for every
 * type, a single image input, and a size the browser can hold.
 */
import type { Localized, NetworkSpec } from './types';
import type { ShapeTable } from './inferShapes';
import { getLayerDef } from '../layers/registry';
import { netCosts } from './costs';

/**
 * Beyond these the browser stalls or runs out of memory: random initialisation of 100M+
 * weights takes tens of seconds and the weights alone take over 400 MB (VGG-16 has 138M).
 */
export const RUN_LIMITS = { params: 70e6, macs: 8e9, memory: 600e6 };

export type Runnability =
  { ok: true } | { ok: false; reason: Localized; /** Too large, but valid. */ tooLarge: boolean };

function no(en: string, zh: string, tooLarge = false): Runnability {
  return { ok: false, reason: { en, zh }, tooLarge };
}

export function checkRunnable(spec: NetworkSpec, table: ShapeTable): Runnability {
  for (const id of table.order) {
    const info = table.layers.get(id);
    if (info?.status === 'error') return { ok: false, reason: info.error, tooLarge: false };
  }
  if (spec.layers.length === 0) return no('the network is empty', '网络是空的');
  for (const l of spec.layers) {
    const def = getLayerDef(l.type);
    if (def && !def.keras) {
      const note = def.tfjsNote;
      return no(
        `${l.id}: ${l.type} is not in TensorFlow.js${note ? ` (${note.en})` : ''}`,
        `${l.id}：TensorFlow.js 中没有 ${l.type}${note ? `（${note.zh}）` : ''}`,
      );
    }
  }
  const inputs = spec.layers.filter((l) => l.type === 'Input');
  if (inputs.length !== 1)
    return no(
      `the explainer runs nets with one image input; this one has ${inputs.length} inputs`,
      `解释器只运行有一个图像输入的网络；该网络有 ${inputs.length} 个输入`,
    );
  const input = inputs[0];
  const shape = input ? table.layers.get(input.id) : undefined;
  const s = shape?.status === 'ok' ? shape.shape : [];
  if (s.length !== 3 || s[0] !== s[1] || (s[2] !== 3 && s[2] !== 1))
    return no(
      `the explainer runs on square colour or greyscale images (height × width × 3 or 1); this net's input is ${s.join(' × ')}`,
      `解释器只处理正方形的彩色或灰度图像（高 × 宽 × 3 或 1）；该网络的输入是 ${s.join(' × ')}`,
    );
  const outputs = spec.layers.filter((l) => !spec.layers.some((c) => c.inputs.includes(l.id)));
  if (outputs.length !== 1)
    return no(
      `the explainer needs exactly one output layer; this net has ${outputs.length}`,
      `解释器需要恰好一个输出层；该网络有 ${outputs.length} 个`,
    );
  const out = outputs[0] ? table.layers.get(outputs[0].id) : undefined;
  const outShape = out?.status === 'ok' ? out.shape : [];
  // The explainer reads the last layer as class scores.
  if (outShape.length !== 1 || (outShape[0] ?? 0) < 2)
    return no(
      `the explainer needs a net that ends in a list of class scores (e.g. a Dense layer); this one ends in ${outShape.join(' × ')}`,
      `解释器需要以类别得分列表结尾的网络（例如 Dense 层）；该网络以 ${outShape.join(' × ')} 结尾`,
    );
  const { total } = netCosts(spec, table);
  const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
  if (total.params > RUN_LIMITS.params || total.params * 4 > RUN_LIMITS.memory)
    return no(
      `too large to run in the browser: ${(total.params / 1e6).toFixed(1)}M parameters (${mb(total.params * 4)}); the limit is ${RUN_LIMITS.params / 1e6}M`,
      `太大，无法在浏览器中运行：${(total.params / 1e6).toFixed(1)}M 个参数（${mb(total.params * 4)}）；上限为 ${RUN_LIMITS.params / 1e6}M`,
      true,
    );
  if (total.macs > RUN_LIMITS.macs)
    return no(
      `too slow to run in the browser: ${(total.macs / 1e9).toFixed(1)}G multiply-adds per image; the limit is ${RUN_LIMITS.macs / 1e9}G`,
      `计算量太大，无法在浏览器中运行：每张图像 ${(total.macs / 1e9).toFixed(1)}G 次乘加；上限为 ${RUN_LIMITS.macs / 1e9}G`,
      true,
    );
  if (total.memory > RUN_LIMITS.memory)
    return no(
      `too large to run in the browser: its activations take ${mb(total.memory)} per image`,
      `太大，无法在浏览器中运行：每张图像的激活值占用 ${mb(total.memory)}`,
      true,
    );
  return { ok: true };
}

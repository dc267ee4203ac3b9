/**
 * Spec → Caffe prototxt (today's `layer {}` syntax, an Input layer, NCHW sizes). Explicit
 * zero padding is folded into the convolution or pooling after it, a Flatten made for a
 * dense layer into its InnerProduct, and activations become in-place layers, so importing
 * the result gives back the same spec. What Caffe cannot express is an error naming the layer.
 */
import type { LayerSpec, NetworkSpec, Shape } from '../../spec/types';
import { inferShapes } from '../../spec/inferShapes';
import { layersInOrder } from '../../spec/order';
import { CaffeFormatError, formatScalar } from './prototxt';
import type { EmitContext, Fields } from './caffeEmit';
import { EMITTERS } from './caffeEmitTable';

function scalarText(v: string | number | boolean): string {
  return typeof v === 'string' && /^[A-Z_]+$/.test(v) ? v : formatScalar(v);
}

function fieldsText(fields: Fields, indent: string): string {
  return fields
    .map(([k, v]) => {
      if (!Array.isArray(v)) return `${indent}${k}: ${scalarText(v)}\n`;
      // Shapes read best on one line, as Caffe's own deploy files write them.
      if (v.length > 0 && v.every(([name]) => name === 'dim'))
        return `${indent}${k} { ${v.map(([name, d]) => `${name}: ${Array.isArray(d) ? '' : scalarText(d)}`).join(' ')} }\n`;
      return `${indent}${k} {\n${fieldsText(v, `${indent}  `)}${indent}}\n`;
    })
    .join('');
}

export function serializePrototxt(spec: NetworkSpec): string {
  const table = inferShapes(spec);
  const shapes = new Map<string, { out: Shape; inputs: Shape[] }>();
  for (const layer of spec.layers) {
    const info = table.layers.get(layer.id);
    if (!info || info.status !== 'ok')
      throw new CaffeFormatError(
        `layer ${layer.id} has a problem (${info?.status === 'error' ? info.error.en : 'an earlier layer has one'}); fix it before exporting`,
        `层 ${layer.id} 有问题（${info?.status === 'error' ? info.error.zh : '之前的某层有问题'}）；请先修正再导出`,
      );
    shapes.set(layer.id, { out: info.shape, inputs: info.inputShapes });
  }
  const byId = new Map(spec.layers.map((l) => [l.id, l]));
  const consumers = new Map<string, LayerSpec[]>();
  for (const l of spec.layers)
    for (const i of l.inputs) {
      const list = consumers.get(i);
      if (list) list.push(l);
      else consumers.set(i, [l]);
    }
  const order = layersInOrder(spec, table);
  const blobs = new Map<string, string>();
  const folded = new Set<string>();
  const blocks: string[] = [];
  // Extra layers (a fused activation, BatchNorm's Scale) are named after their layer; the
  // name must not be one a layer of the net already has, or the file could not be read back.
  const names = new Set(spec.layers.map((l) => l.id));
  const freeName = (wanted: string): string => {
    let name = wanted;
    for (let k = 2; names.has(name); k++) name = `${wanted}_${k}`;
    names.add(name);
    return name;
  };

  for (const layer of order) {
    if (folded.has(layer.id)) continue;
    const ctx: EmitContext = {
      layer,
      shape: (id) => shapes.get(id)?.out ?? [],
      byId: (id) => byId.get(id),
      consumers: (id) => consumers.get(id) ?? [],
      blob: (id) => blobs.get(id) ?? id,
      allLayers: order,
      fold: (id) => folded.add(id),
      fail: (en, zh) => {
        throw new CaffeFormatError(
          `layer ${layer.id} (${layer.type}): ${en}`,
          `层 ${layer.id}（${layer.type}）：${zh}`,
        );
      },
    };
    const emit = EMITTERS[layer.type];
    if (!emit) ctx.fail('Caffe has no such layer', 'Caffe 没有这种层');
    const out = emit(ctx);
    if (out.alias !== undefined) {
      blobs.set(layer.id, out.alias);
      continue;
    }
    let top = layer.id;
    for (const block of out.layers) {
      const bottoms = block.bottoms ?? [];
      const name = block.name === layer.id ? block.name : freeName(block.name);
      top = block.top ?? name;
      const head = [`  name: ${formatScalar(name)}`, `  type: ${formatScalar(block.type)}`];
      for (const b of bottoms) head.push(`  bottom: ${formatScalar(b)}`);
      head.push(`  top: ${formatScalar(top)}`);
      blocks.push(`layer {\n${head.join('\n')}\n${fieldsText(block.fields ?? [], '  ')}}\n`);
    }
    blobs.set(layer.id, top);
  }
  return `name: ${formatScalar(spec.name)}\n${blocks.join('')}`;
}

/**
 * The layers feeding a layer of a functional Keras model, from its `inbound_nodes`: Keras 2
 * lists of [layer, node, tensor, kwargs] (Keras 1 leaves out kwargs), Keras 3 call arguments
 * holding `__keras_tensor__` objects. Only layers used once, with one output, are supported.
 */
import { KerasTopologyError } from './kerasError';
import { jsonPath } from '../jsonText';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fail(en: string, zh: string, path: string): never {
  throw new KerasTopologyError({ en, zh }, path);
}

/** Source layer names in Keras 3 call arguments: every `__keras_tensor__`, depth first. */
function kerasTensors(x: unknown, path: string, out: string[]): void {
  if (Array.isArray(x)) x.forEach((v, i) => kerasTensors(v, jsonPath(path, i), out));
  else if (isRecord(x)) {
    if (x.class_name === '__keras_tensor__') {
      const history = isRecord(x.config) ? x.config.keras_history : undefined;
      if (!Array.isArray(history) || typeof history[0] !== 'string')
        fail(
          'expected keras_history [layer name, node, tensor]',
          '应为 keras_history [层名, 节点, 张量]',
          jsonPath(path, 'config'),
        );
      if (history[1] !== 0 && history[1] !== undefined)
        fail(
          `uses call ${String(history[1])} of ${history[0]} (a shared layer); only layers used once are supported`,
          `使用了 ${history[0]} 的第 ${String(history[1])} 次调用（共享层）；只支持使用一次的层`,
          path,
        );
      if (history[2] !== 0 && history[2] !== undefined)
        fail(
          `uses output ${String(history[2])} of ${history[0]}; only single-output layers are supported`,
          `使用了 ${history[0]} 的第 ${String(history[2])} 个输出；只支持单输出的层`,
          path,
        );
      out.push(history[0]);
    } else for (const [k, v] of Object.entries(x)) kerasTensors(v, jsonPath(path, k), out);
  }
}

/** Names of the layers feeding one functional-model layer, Keras 2 or Keras 3 layout. */
export function inboundNames(nodes: unknown, path: string): string[] {
  if (nodes === undefined || nodes === null) return [];
  if (!Array.isArray(nodes)) fail('inbound_nodes must be a list', 'inbound_nodes 必须是列表', path);
  if (nodes.length === 0) return [];
  if (nodes.length > 1)
    fail(
      `the layer is called ${nodes.length} times (a shared layer); only layers used once are supported`,
      `该层被调用了 ${nodes.length} 次（共享层）；只支持使用一次的层`,
      path,
    );
  const node: unknown = nodes[0];
  const at = `${path}[0]`;
  if (isRecord(node)) {
    const out: string[] = [];
    kerasTensors(node.args, jsonPath(at, 'args'), out);
    return out;
  }
  if (!Array.isArray(node)) fail('expected a list of inbound tensors', '应为输入张量的列表', at);
  return node.map((entry: unknown, i) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string')
      fail('expected [layer name, node, tensor, kwargs]', '应为 [层名, 节点, 张量, kwargs]', `${at}[${i}]`);
    if (entry[1] !== 0 && entry[1] !== undefined)
      fail(
        `uses call ${String(entry[1])} of ${entry[0]} (a shared layer); only layers used once are supported`,
        `使用了 ${entry[0]} 的第 ${String(entry[1])} 次调用（共享层）；只支持使用一次的层`,
        `${at}[${i}]`,
      );
    if (entry[2] !== 0 && entry[2] !== undefined)
      fail(
        `uses output ${String(entry[2])} of ${entry[0]}; only single-output layers are supported`,
        `使用了 ${entry[0]} 的第 ${String(entry[2])} 个输出；只支持单输出的层`,
        `${at}[${i}]`,
      );
    return entry[0];
  });
}

/**
 * ONNX problems: a FormatError whose place is where in the protobuf the problem is
 * (`graph.node[12]`, `graph.initializer[3]`); the message itself names the node, its op
 * type and the opset, or the tensor and the field.
 */
import type { Localized } from '../../spec/types';
import { FormatError } from '../formatError';

export class OnnxFormatError extends FormatError {
  constructor(text: Localized, path?: string) {
    super('onnx', text, path === undefined ? {} : { path });
  }
}

/** A short quoted name for messages (names come from the file: kept on one line). */
export function quoted(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const clean = (name ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
  return `"${clean.length > 80 ? `${clean.slice(0, 60)}…${clean.slice(-12)}` : clean}"`;
}

/** How a node is named in messages: `node "conv1" (Conv, opset 13)`. */
export function nodeLabel(name: string | undefined, opType: string, opset: number): Localized {
  const who = name ? quoted(name) : '(unnamed)';
  return {
    en: `node ${who} (${opType}, opset ${opset})`,
    zh: `节点 ${who}（${opType}，opset ${opset}）`,
  };
}

/** Megabytes with one decimal, for size messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

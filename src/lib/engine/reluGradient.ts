/**
 * ReLU's gradient in one pass on wasm. tfjs-core computes dx = dy · step(x) as two kernels (Step,
 * then Multiply), each a full pass over the map and a map-sized tensor in between; on TinyVGG's
 * [32, 62, 62, 10] maps that was ~5% of a training step. Here a SIMD loop in our own module
 * (wasmAssembler.ts) does both at once with the same arithmetic: step(x) is 1 where x > 0, NaN
 * where x is NaN, 0 elsewhere, and dy is multiplied by it, so the values are bit for bit the
 * same. Other backends, or a wasm without our module, keep tfjs-core's two kernels.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';
import {
  ADD,
  AND,
  BITSELECT,
  EQZ,
  FGT,
  FMUL,
  SUB,
  assemble,
  funcBody,
  get,
  i32c,
  ownModule,
  set,
  simd,
  tee,
  v128load,
  v128store,
} from './wasmAssembler';

const KERNEL = 'StudioReluGrad';
const FNE = simd(0x42);
const constant = (bytes: number[]) => simd(0x0c, ...Array.from({ length: 4 }, () => bytes).flat());
const ZERO = constant([0, 0, 0, 0]);
const ONE = constant([0x00, 0x00, 0x80, 0x3f]);

/** `reluGrad(dy, x, out, blocks)`: for `blocks` runs of 4 floats, out = dy · step(x). */
function reluGradModule(): Uint8Array<ArrayBuffer> {
  const [dy, x, out, n] = [0, 1, 2, 3];
  const v = 4;
  const code = [
    ...[0x02, 0x40, ...get(n), ...EQZ, 0x0d, 0, 0x03, 0x40], // block; br_if n == 0; loop
    ...[...get(x), ...v128load(0), ...set(v)],
    ...[...get(out), ...get(dy), ...v128load(0)],
    // step(x): 1.0's bits where x > 0, then x itself (a NaN) where x ≠ x.
    ...[...get(v), ...ONE, ...get(v), ...ZERO, ...FGT, ...AND, ...get(v), ...get(v), ...FNE, ...BITSELECT],
    ...[...FMUL, ...v128store(0)],
    ...[dy, x, out].flatMap((p) => [...get(p), ...i32c(16), ...ADD, ...set(p)]),
    ...[...get(n), ...i32c(1), ...SUB, ...tee(n), 0x0d, 0, 0x0b, 0x0b],
  ];
  return assemble([{ name: 'reluGrad', params: 4, body: funcBody(0, 1, code) }]);
}

const kernels = ownModule(reluGradModule);
let enabled = true;

/** Turns the one-pass gradient off (Step and Multiply run instead), for same-run A/B benchmarks. */
export function setFusedReluGradient(on: boolean): void {
  enabled = on;
}

const reluGrad: KernelFunc = ({ inputs, backend }) => {
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const k = scope(backend);
  const out = k.output(x.shape);
  // Views after making the output: a new tensor can grow the heap and empty older views.
  const [d, v, o] = [k.values(dy), k.values(x), k.values(out)];
  const blocks = o.length >> 2;
  kernels(backend)!.reluGrad!(d.byteOffset, v.byteOffset, o.byteOffset, blocks);
  for (let i = 4 * blocks; i < o.length; i++) o[i] = d[i]! * (v[i]! > 0 ? 1 : Number.isNaN(v[i]!) ? NaN : 0);
  return out;
};

const gradient: tf.GradConfig = {
  kernelName: 'Relu',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    const g = dy as tf.Tensor;
    const backend = tf.getBackend();
    const fused =
      enabled &&
      backend === 'wasm' &&
      g.dtype === 'float32' &&
      x.dtype === 'float32' &&
      kernels(tf.engine().findBackend('wasm')) !== null;
    return {
      x: () =>
        fused
          ? (tf.engine().runKernel(KERNEL, { dy: g, x }, {}) as tf.Tensor)
          : tf.mul(g, tf.cast(tf.step(x), 'float32')),
    };
  },
};

let registered = false;

/** Registers the one-pass kernel on wasm and ReLU's gradient that uses it; safe to call again. */
export function registerReluGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: KERNEL, backendName: 'wasm', kernelFunc: reluGrad });
  tf.registerGradient(gradient);
}

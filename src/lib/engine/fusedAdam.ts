/**
 * Adam with each variable's update as one kernel on wasm. tfjs' AdamOptimizer runs 14 small
 * kernels per variable (moments, bias corrections, the step), ~140 kernel calls per TinyVGG step,
 * each a pass and a temporary tensor with the engine's bookkeeping around it. Here one SIMD loop
 * in our own module (wasmAssembler.ts) does them all per variable, in float32 with the same
 * operations in the same order, so the values are the same:
 *   m' = m·β1 + g·(1 − β1),  v' = v·β2 + g²·(1 − β2),
 *   x' = (m' / (1 − β1ᵗ)) / (√(v' / (1 − β2ᵗ)) + ε) · (−lr) + x.
 * The moments live where tfjs keeps them (getWeights / setWeights, checkpoints unchanged); other
 * backends, or a wasm without our module, run tfjs' own applyGradients.
 */
import { tf } from './tf';
import { scope, type KernelFunc, type TensorInfo } from './wasmKernelKit';
import {
  ADD,
  EQZ,
  FADD,
  FMUL,
  SUB,
  assemble,
  funcBody,
  get,
  i32c,
  loadSplat,
  ownModule,
  set,
  simd,
  tee,
  v128load,
  v128store,
} from './wasmAssembler';

const KERNEL = 'StudioAdam';
const FDIV = simd(0xe7);
const FSQRT = simd(0xe3);
/** The constants' order in the kernel's scratch: β1, 1 − β1, β2, 1 − β2, 1 − β1ᵗ, 1 − β2ᵗ, ε, −lr. */
const CONSTANTS = 8;

/** `adam(x, m, v, g, outX, outM, outV, constants, blocks)`: `blocks` runs of 4 floats. */
function adamModule(): Uint8Array<ArrayBuffer> {
  const [x, m, v, g, ox, om, ov, c, n] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  // v128 locals: the 8 constants broadcast, then g, m' and v'.
  const [k, gv, mv, vv] = [9, 17, 18, 19];
  const K = (i: number) => k + i;
  const pointers = [x, m, v, g, ox, om, ov];
  const code = [
    ...Array.from({ length: 8 }, (_, i) => [...get(c), ...loadSplat(4 * i), ...set(K(i))]).flat(),
    ...[0x02, 0x40, ...get(n), ...EQZ, 0x0d, 0, 0x03, 0x40],
    ...[...get(g), ...v128load(0), ...set(gv)],
    // m' = m·β1 + g·(1 − β1)
    ...[
      ...get(m),
      ...v128load(0),
      ...get(K(0)),
      ...FMUL,
      ...get(gv),
      ...get(K(1)),
      ...FMUL,
      ...FADD,
      ...set(mv),
    ],
    // v' = v·β2 + (g·g)·(1 − β2)
    ...[...get(v), ...v128load(0), ...get(K(2)), ...FMUL],
    ...[...get(gv), ...get(gv), ...FMUL, ...get(K(3)), ...FMUL, ...FADD, ...set(vv)],
    ...[...get(om), ...get(mv), ...v128store(0), ...get(ov), ...get(vv), ...v128store(0)],
    // x' = (m' / (1 − β1ᵗ)) / (√(v' / (1 − β2ᵗ)) + ε) · (−lr) + x
    ...[...get(ox), ...get(mv), ...get(K(4)), ...FDIV],
    ...[...get(vv), ...get(K(5)), ...FDIV, ...FSQRT, ...get(K(6)), ...FADD, ...FDIV],
    ...[...get(K(7)), ...FMUL, ...get(x), ...v128load(0), ...FADD, ...v128store(0)],
    ...pointers.flatMap((p) => [...get(p), ...i32c(16), ...ADD, ...set(p)]),
    ...[...get(n), ...i32c(1), ...SUB, ...tee(n), 0x0d, 0, 0x0b, 0x0b],
  ];
  return assemble([{ name: 'adam', params: 9, body: funcBody(0, 8 + 3, code) }]);
}

const kernels = ownModule(adamModule);
let enabled = true;

/** Turns the one-kernel update off (tfjs' AdamOptimizer runs), for same-run A/B benchmarks. */
export function setFusedAdam(on: boolean): void {
  enabled = on;
}

const adam: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, m, v, g } = inputs as Record<'x' | 'm' | 'v' | 'g', TensorInfo>;
  const constants = (attrs as unknown as { constants: number[] }).constants;
  const k = scope(backend);
  const outs = [k.output(x.shape), k.output(x.shape), k.output(x.shape)];
  const scratch = k.output([CONSTANTS]);
  try {
    // Views after making the outputs: a new tensor can grow the heap and empty older views.
    const c = k.values(scratch);
    c.set(constants);
    const [xs, ms, vs, gs] = [x, m, v, g].map((t) => k.values(t)) as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    const [ox, om, ov] = outs.map((t) => k.values(t)) as [Float32Array, Float32Array, Float32Array];
    const blocks = xs.length >> 2;
    const at = [xs, ms, vs, gs, ox, om, ov, c].map((a) => a.byteOffset);
    kernels(backend)!.adam!(...at, blocks);
    // The last < 4 values in float32 steps, as the loop does them.
    const f = Math.fround;
    for (let i = 4 * blocks; i < xs.length; i++) {
      const gi = gs[i]!;
      const mi = f(f(ms[i]! * c[0]!) + f(gi * c[1]!));
      const vi = f(f(vs[i]! * c[2]!) + f(f(gi * gi) * c[3]!));
      om[i] = mi;
      ov[i] = vi;
      ox[i] = f(f(f(f(mi / c[4]!) / f(f(Math.sqrt(f(vi / c[5]!))) + c[6]!)) * c[7]!) + xs[i]!);
    }
    return outs;
  } finally {
    (backend as tf.KernelBackend).disposeData(scratch.dataId);
  }
};

interface AdamInternals {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
}

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class FusedAdam extends tf.AdamOptimizer {
  override applyGradients(variableGradients: Gradients): void {
    const engine = tf.engine();
    if (!enabled || tf.getBackend() !== 'wasm' || !kernels(engine.backend)) {
      super.applyGradients(variableGradients);
      return;
    }
    const self = this as unknown as AdamInternals;
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    const f = Math.fround;
    // 1 − β1ᵗ as tfjs computes it: a float32 subtraction from the float32 accumulator.
    const [acc1 = 0, acc2 = 0] = [self.accBeta1.dataSync()[0], self.accBeta2.dataSync()[0]];
    const constants = [
      this.beta1,
      1 - this.beta1,
      this.beta2,
      1 - this.beta2,
      1 - acc1,
      1 - acc2,
      this.epsilon,
      -this.learningRate,
    ].map(f);
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = engine.registeredVariables[name]!;
        const moment = (kind: string) => ({
          originalName: `${name}/${kind}`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        });
        self.accumulatedFirstMoment[i] ??= moment('m');
        self.accumulatedSecondMoment[i] ??= moment('v');
        const gradient = Array.isArray(variableGradients)
          ? variableGradients[i]?.tensor
          : variableGradients[name];
        if (gradient == null) return;
        const first = self.accumulatedFirstMoment[i].variable;
        const second = self.accumulatedSecondMoment[i].variable;
        const [x, m, v] = engine.runKernel(KERNEL, { x: value, m: first, v: second, g: gradient }, {
          constants,
        } as unknown as tf.NamedAttrMap) as tf.Tensor[];
        first.assign(m!);
        second.assign(v!);
        value.assign(x!);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, this.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}

let registered = false;

/** Registers the one-kernel update on wasm; safe to call more than once. */
export function registerFusedAdam(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: KERNEL, backendName: 'wasm', kernelFunc: adam });
}

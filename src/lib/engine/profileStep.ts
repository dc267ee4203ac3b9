/**
 * Time per kernel of a piece of work on the current backend, for finding where a training step's
 * time goes (scripts/profileTraining.ts). Every kernel of the backend is wrapped for the duration:
 * a kernel's self time excludes kernels it runs itself (our composed gradients call wasm's own),
 * so the self times add up to the time spent in kernels.
 */
import { tf } from './tf';

export interface KernelTime {
  name: string;
  /** Self time per step, ms. */
  ms: number;
  /** Calls per step. */
  calls: number;
}

export interface StepProfile {
  /** Median wall time of one step, ms. */
  stepMs: number;
  /** Kernel self time per step, ms (the rest is JS outside kernels: tape, bookkeeping, data). */
  kernelMs: number;
  kernels: KernelTime[];
}

export async function profileStep(
  step: () => Promise<unknown>,
  steps: number,
  warmUp = 2,
): Promise<StepProfile> {
  for (let i = 0; i < warmUp; i++) await step();
  const backendName = tf.getBackend();
  const totals = new Map<string, { ms: number; calls: number }>();
  const stack: number[] = [];
  const names: string[] = [];
  const originals = tf.getKernelsForBackend(backendName);
  for (const k of originals) {
    const own = k.kernelFunc;
    tf.unregisterKernel(k.kernelName, backendName);
    tf.registerKernel({
      ...k,
      kernelFunc: (args) => {
        stack.push(0);
        const key = names.length > 0 ? `${names[names.length - 1]} › ${k.kernelName}` : k.kernelName;
        names.push(key);
        const t0 = performance.now();
        try {
          return own(args);
        } finally {
          const total = performance.now() - t0;
          const inner = stack.pop() ?? 0;
          names.pop();
          if (stack.length > 0) stack[stack.length - 1]! += total;
          const entry = totals.get(key) ?? { ms: 0, calls: 0 };
          entry.ms += total - inner;
          entry.calls++;
          totals.set(key, entry);
        }
      },
    });
  }
  const times: number[] = [];
  try {
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
  } finally {
    for (const k of originals) {
      tf.unregisterKernel(k.kernelName, backendName);
      tf.registerKernel(k);
    }
  }
  times.sort((a, b) => a - b);
  const kernels = [...totals].map(([name, t]) => ({ name, ms: t.ms / steps, calls: t.calls / steps }));
  kernels.sort((a, b) => b.ms - a.ms);
  return {
    stepMs: times[Math.floor(times.length / 2)] ?? NaN,
    kernelMs: kernels.reduce((s, k) => s + k.ms, 0),
    kernels,
  };
}

/** The engine module, imported once on first need (see ./engineModule.ts for why it is apart). */
export type EngineModule = typeof import('./engineModule');

let loading: Promise<EngineModule> | null = null;

export function loadEngine(): Promise<EngineModule> {
  loading ??= import('./engineModule').catch((e: unknown) => {
    // A failed download may be tried again by the next caller.
    loading = null;
    throw e;
  });
  return loading;
}

/**
 * Reading Chromium traces and CPU profiles for scripts/profileOpen.ts: a task's time by what
 * it ran (self time per event name, scripts by function), and JS samples by function.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what a task cost without the time other processes took the core. */
  tdur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { data?: Record<string, unknown>; name?: string };
}

export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The main thread's JS samples: each sample's time (trace clock) and its stack, leaf first. */
export function samplesOf(events: TraceEvent[], pid: number, tid: number): { ts: number; stack: string[] }[] {
  const nodes = new Map<number, ProfileNode>();
  const out: { ts: number; stack: string[] }[] = [];
  const start = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!start) return out;
  let t = Number((start.args?.data as { startTime?: number } | undefined)?.startTime ?? start.ts);
  const chunks = events.filter(
    (e) =>
      e.name === 'ProfileChunk' &&
      e.pid === pid &&
      (e as { id?: string }).id === (start as { id?: string }).id,
  );
  const pending: [number, number][] = [];
  for (const c of chunks) {
    const d = c.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d.cpuProfile?.samples ?? [];
    samples.forEach((s, i) => {
      t += d.timeDeltas?.[i] ?? 0;
      pending.push([t, s]);
    });
  }
  for (const [ts, id] of pending) {
    const stack: string[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      const f = n.callFrame;
      stack.push(`${f.functionName || '(anon)'}@${(f.url ?? '').split('/').pop()}:${f.lineNumber + 1}`);
    }
    out.push({ ts, stack });
  }
  return out;
}

export function topFunctions(samples: { ts: number; stack: string[] }[], from: number, to: number): string[] {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const inWindow = samples.filter((s) => s.ts >= from && s.ts <= to);
  for (const s of inWindow) {
    const leaf = s.stack[0] ?? '?';
    self.set(leaf, (self.get(leaf) ?? 0) + 1);
    for (const f of new Set(s.stack))
      if (!f.startsWith('(root)') && !f.startsWith('(program)')) total.set(f, (total.get(f) ?? 0) + 1);
  }
  // FILTER hides frames whose text matches it (e.g. Svelte's runtime functions).
  const hide = process.env.FILTER ? new RegExp(process.env.FILTER) : null;
  const fmt = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !hide?.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.TOP ?? 8))
      .map(([k, n]) => `${n} ${k}`);
  return [
    `${inWindow.length} samples; self: ${fmt(self).join(' | ')}`,
    `   total: ${fmt(total).join(' | ')}`,
  ];
}

export function label(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall' || e.name === 'EvaluateScript')
    return `${e.name} ${String(d.functionName ?? '')}@${String(d.url ?? '')
      .split('/')
      .pop()}:${String(d.lineNumber ?? '')}`;
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch')
    return `${e.name} ${String(d.type ?? '')}`;
  return e.name;
}

/** Each child's self time (its duration less its own children's), summed by label. */
export function breakdown(task: TraceEvent, inside: TraceEvent[]): [string, number][] {
  const sorted = inside.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [
    { e: task, end: task.ts + task.dur!, child: 0 },
  ];
  const close = (until: number): void => {
    while (stack.length > 1 && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!;
      const k = label(top.e);
      self.set(k, (self.get(k) ?? 0) + (top.e.dur! - top.child) / 1000);
      stack[stack.length - 1]!.child += top.e.dur!;
    }
  };
  for (const e of sorted) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  const root = stack[0]!;
  self.set('(task self)', (root.e.dur! - root.child) / 1000);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
}

/**
 * Lighter than tracing: the JS sampling profiler alone, with the page's own long-task entries;
 * the two clocks are lined up by a marker function run right after the profiler starts.
 */

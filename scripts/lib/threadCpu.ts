/**
 * CPU time of every thread of the Chromium processes this process started, read from /proc (Linux only;
 * elsewhere empty): a snapshot before and after a run gives each thread's CPU seconds in it.
 * On a shared machine wall-clock figures swing with the load, CPU seconds much less: the
 * training worker's CPU per image bounds its throughput when it has a core to itself.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type ThreadTicks = Map<string, { name: string; ticks: number }>;

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const HZ = 100;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function list(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Each process's parent, from /proc/PID/stat. */
function parentOf(pid: string): string | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null;
}

/**
 * Chromium's threads started by this process (its browser, zygotes, renderers, workers): on a
 * machine shared with other people's Chromiums only ours are counted.
 */
export function chromiumThreads(root: string = String(process.pid)): ThreadTicks {
  const out: ThreadTicks = new Map();
  const pids = list('/proc').filter((p) => /^\d+$/.test(p));
  const parents = new Map(pids.map((p) => [p, parentOf(p)]));
  const ours = (pid: string): boolean => {
    for (let p: string | null | undefined = pid, hops = 0; p && hops < 16; p = parents.get(p), hops++)
      if (p === root) return true;
    return false;
  };
  for (const pid of pids) {
    const cmdline = read(`/proc/${pid}/cmdline`);
    if (!ours(pid) || !cmdline?.includes('chrom')) continue;
    // A renderer's main thread bears the process's name: named here for what it is, the page's.
    const renderer = cmdline.includes('--type=renderer');
    for (const tid of list(`/proc/${pid}/task`)) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      out.set(`${pid}/${tid}`, {
        name: renderer && tid === pid ? 'CrRendererMain' : stat.slice(stat.indexOf('(') + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    }
  }
  return out;
}

/** CPU seconds each thread used between two snapshots, most first (threads under 0.1 s left out). */
export function cpuSeconds(before: ThreadTicks, after: ThreadTicks): { name: string; seconds: number }[] {
  const used: { name: string; seconds: number }[] = [];
  for (const [key, t] of after) {
    const seconds = (t.ticks - (before.get(key)?.ticks ?? 0)) / HZ;
    if (seconds >= 0.1) used.push({ name: t.name, seconds });
  }
  return used.sort((p, q) => q.seconds - p.seconds);
}

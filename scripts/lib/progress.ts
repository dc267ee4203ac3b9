/** A one-line progress bar with ETA on a terminal; a line per 10% when piped to a file. */
export class ProgressBar {
  private readonly start = Date.now();
  private lastDecile = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number, extra = ''): void {
    const frac = Math.min(1, done / this.total);
    const elapsed = (Date.now() - this.start) / 1000;
    const eta = frac > 0 ? (elapsed / frac) * (1 - frac) : 0;
    const width = 30;
    const filled = Math.round(frac * width);
    const bar = '='.repeat(filled) + ' '.repeat(width - filled);
    const line = `${this.label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${this.total} ETA ${formatSeconds(eta)} ${extra}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else {
      const decile = Math.floor(frac * 10);
      if (decile !== this.lastDecile) {
        this.lastDecile = decile;
        process.stderr.write(`${line}\n`);
      }
    }
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function formatSeconds(s: number): string {
  const m = Math.floor(s / 60);
  const sec = Math.round(s % 60);
  return m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

/** A small typed command-line parser: `--name value`, `--flag`, `--no-flag`. */
export type ArgSpec = Record<
  string,
  { kind: 'string' | 'number' | 'bool'; default: string | number | boolean; help: string }
>;

export type Parsed<S extends ArgSpec> = { [K in keyof S]: S[K]['default'] };

export class ArgError extends Error {}

export function parseArgs<S extends ArgSpec>(spec: S, argv: string[]): Parsed<S> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = v.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new ArgError(`unexpected argument "${arg}"`);
    let name = arg.slice(2);
    let inline: string | undefined;
    if (name.includes('='))
      [name, inline] = [name.slice(0, name.indexOf('=')), name.slice(name.indexOf('=') + 1)];
    const negated = name.startsWith('no-') && spec[name.slice(3)]?.kind === 'bool';
    const key = negated ? name.slice(3) : name;
    const def = spec[key];
    if (!def)
      throw new ArgError(
        `unknown option --${name} (known: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    if (def.kind === 'bool') {
      out[key] = !negated;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ArgError(`--${name} needs a value`);
    if (def.kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new ArgError(`--${name} must be a number, not "${value}"`);
      out[key] = n;
    } else out[key] = value;
  }
  return out as Parsed<S>;
}

export function usage(spec: ArgSpec): string {
  return Object.entries(spec)
    .map(([k, v]) => `  --${k.padEnd(14)} ${v.help} (default: ${String(v.default)})`)
    .join('\n');
}

/** Runs a command's main, printing a one-line error and exiting 1 on failure. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

/** Runs one of the Node commands (scripts/*.ts) in a child process, as `npm run` would. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runScript(script: string, args: string[]): Promise<CliResult> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

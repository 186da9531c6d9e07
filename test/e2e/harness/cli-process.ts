/**
 * The command line as a user runs it: a separate Node process over the TypeScript sources,
 * through tsx's own launcher — not `--require tsx/cjs`: the CLI loads its worker pool with a
 * dynamic import(), which only tsx's ESM hook (registered by the launcher) resolves from sources.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const MAIN = path.resolve(__dirname, '../../../src/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cchcPlan(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [require.resolve('tsx/cli'), MAIN, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/**
 * The command line as users run it: the bundle `npm run build:cli` makes (scripts/build-cli.js),
 * built once per bench run into a private folder inside the project (the packages left out of
 * the bundle are found in node_modules from there), and started as its own process. The child's
 * peak memory is its own maxRSS, reported by a preload (`node --require`) when it exits.
 */
import { spawn } from 'child_process';
import { mkdirSync, promises as fs, rmSync, writeFileSync } from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');

export interface BinRun {
  /** Wall time of the whole process, start-up included (what the user waits), in ms. */
  ms: number;
  /** CPU time of the process (user + system), in ms: less disturbed by a busy machine. */
  cpuMs: number;
  peakRssMb: number;
  exitCode: number;
}

const PRELOAD = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.CCHC_BENCH_USAGE, JSON.stringify({ maxRSS: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
`;

let built: Promise<{ bin: string; preload: string; dir: string }> | null = null;

/** Build the bundle (once per process) and the preload beside it. */
export function cliBin(): Promise<{ bin: string; preload: string; dir: string }> {
  built ??= (async () => {
    const dir = path.join(ROOT, 'test-output', `bench-cli-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildCli } = require(path.join(ROOT, 'scripts', 'build-cli.js')) as { buildCli(outdir: string): Promise<string[]> };
    await buildCli(dir);
    const preload = path.join(dir, 'usage-preload.js');
    writeFileSync(preload, PRELOAD);
    return { bin: path.join(dir, 'main.js'), preload, dir };
  })();
  return built;
}

/**
 * Run `cchc-plan <args>` in its own process. Its stdout goes to a pipe that is read and
 * dropped as it comes (as a reader of the JSON would take it; collecting and decoding the 28 MB
 * of a 50,000-row run here took this process's time into the measure); stderr is kept for
 * failures.
 */
export async function runBin(args: string[], cwd: string): Promise<BinRun> {
  const { bin, preload, dir } = await cliBin();
  const usageFile = path.join(dir, `usage-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, bin, ...args], {
      cwd,
      env: { ...process.env, CCHC_BENCH_USAGE: usageFile, CCHC_DEBUG: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 900_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // 0 and 1 are a finished check (1: errors found in the plan); anything else failed.
      if (code === 0 || code === 1) resolve(code);
      else reject(new Error(`cchc-plan ${args.join(' ')} failed (${code ?? signal}): ${Buffer.concat(stderr).toString('utf8')}`));
    });
  });
  const ms = performance.now() - started;
  const usage = JSON.parse(await fs.readFile(usageFile, 'utf8')) as { maxRSS: number; cpuMs: number };
  await fs.rm(usageFile, { force: true });
  return { ms, cpuMs: usage.cpuMs, peakRssMb: usage.maxRSS / 1024, exitCode };
}

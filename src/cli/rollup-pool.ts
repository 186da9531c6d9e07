/**
 * The worker threads of `cchc-plan rollup` (docs/decisions.md, "Roll-up: worker pool"):
 * piscina runs src/cli/rollup-worker on as many threads as the machine has cores (at most one
 * per file). At most two files per thread are in flight, so memory follows the threads, not the
 * number of files; each worker's heap is capped, and a file that would exceed it fails alone.
 *
 * Where the worker's code is: beside this file as JavaScript (dist/cli from tsc, or the esbuild
 * bundle, which builds every src/cli/*-worker.ts entry next to main.js); from the sources (ts-jest,
 * tsx) it is the .ts file, loaded in the worker through tsx's require hook.
 */
import { existsSync } from 'fs';
import os from 'os';
import path from 'path';
import { Piscina } from 'piscina';
import type { FileRead } from '../report/rollup';
import type { RollupTask } from './rollup-worker';

const WORKER = 'rollup-worker';
/** Heap cap per worker thread (MB): a 50,000-row plan needs about half of it. */
const WORKER_HEAP_MB = 1536;

export function workerScript(dir: string = __dirname): { filename: string; execArgv?: string[] } {
  const js = path.join(dir, `${WORKER}.js`);
  if (existsSync(js)) return { filename: js };
  const ts = path.join(dir, `${WORKER}.ts`);
  if (existsSync(ts)) return { filename: ts, execArgv: ['--require', require.resolve('tsx/cjs')] };
  throw new Error(`${WORKER} not found beside ${dir}`);
}

export function threadCount(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = Number(process.env.CCHC_THREADS) || cores;
  return Math.max(1, Math.min(files, wanted));
}

/**
 * Every task run on the pool; `onDone` hears each as it finishes (for the progress bar). The
 * results come back in the order of the tasks. A worker that dies (out of memory) gives
 * `failed(task)` for its file and the others go on.
 */
export async function runPool(tasks: readonly RollupTask[], onDone: (task: RollupTask) => void, failed: (task: RollupTask) => FileRead): Promise<FileRead[]> {
  const threads = threadCount(tasks.length);
  const script = workerScript();
  const pool = new Piscina({
    filename: script.filename,
    ...(script.execArgv ? { execArgv: script.execArgv } : {}),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const results: FileRead[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      try {
        results[i] = (await pool.run(task)) as FileRead;
      } catch {
        results[i] = failed(task);
      }
      onDone(task);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads * 2 }, lane));
  } finally {
    await pool.destroy();
  }
  return results;
}

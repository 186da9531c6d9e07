/**
 * The roll-up of 100 unit workbooks of 40–200 tasks each (docs/rollup.md), by the bundled
 * command line as users run it (scripts/build-cli.js): `cchc-plan rollup <folder> --out …` in one process (its worker
 * threads included in its peak memory), next to the same files reported one process per file
 * (`cchc-plan report <file> --json`, 100 times in a row, as a shell loop would). Targets: the
 * roll-up under 10 s on a 2-core machine, peak memory under 1 GB.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { districtPlan } from '../testing/plans';
import { writeXlsx } from '../testing/plans/xlsx';
import { round, type BenchContext, type BenchSection } from './registry';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

export interface RollupBenchResult {
  units: number;
  tasks: number;
  /** Worker threads the roll-up ran on. */
  threads: number;
  /** The roll-up, best of the runs, wall clock. */
  ms: number;
  /** Its highest peak memory (the whole process, worker threads included). */
  peakRssMb: number;
  /** `report` run once per file, one process each, in a row: wall clock. */
  perProcessMs: number;
  /** perProcessMs / ms */
  ratio: number;
  filesMb: number;
}

/** Prints {"ms","peakRssMb","exitCode"} for one run of the compiled CLI's run(). */
const CHILD = `
const { run } = require(process.argv[2]);
const started = performance.now();
run(process.argv.slice(3), { stdout: () => undefined, stderr: (s) => process.stderr.write(s), progressStream: undefined }).then((exitCode) => {
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, exitCode }) + '\\n');
});
`;

/** Unit i's task count: spread over 40…200, the same every run. */
function tasksOf(i: number): number {
  return 40 + ((i * 37) % 161);
}

async function writeUnits(dir: string, units: number): Promise<number> {
  let tasks = 0;
  for (let i = 0; i < units; i++) {
    const n = tasksOf(i);
    const plan = districtPlan(n, { userFormatting: false });
    // Each unit its own commune in the title block.
    plan.sheet.rows[0] = [`ỦY BAN NHÂN DÂN XÃ SỐ ${i + 1}`];
    await writeXlsx(plan.workbook, path.join(dir, `xa-${String(i + 1).padStart(3, '0')}.xlsx`));
    tasks += n;
  }
  return tasks;
}

export const rollupSection: BenchSection<RollupBenchResult> = {
  name: 'rollup',
  async run(ctx: BenchContext) {
    const units = ctx.quick ? 20 : 100;
    // Inside the project, so that the compiled code finds its packages in node_modules.
    const dist = path.join(ROOT, 'test-output', `bench-rollup-${process.pid}`);
    try {
      return await measure(ctx, units, dist);
    } finally {
      await fs.rm(dist, { recursive: true, force: true });
    }
  },
  describe(r) {
    return [
      `rollup  ${r.units} unit workbooks, ${r.tasks} tasks (${r.filesMb} MB), ${r.threads} threads: ${r.ms} ms (target < 10,000 ms), peak RSS ${r.peakRssMb} MB (target < 1024 MB)`,
      `rollup  report once per file, ${r.units} processes: ${r.perProcessMs} ms → the roll-up is ${r.ratio}× faster`,
    ];
  },
};

async function measure(ctx: BenchContext, units: number, dist: string): Promise<RollupBenchResult> {
  ctx.log('rollup: bundling the command line as `npm run build:cli` does…');
  await exec(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--outdir', path.join(dist, 'cli')], { cwd: ROOT });
  const main = path.join(dist, 'cli', 'main.js');
  const child = path.join(dist, 'rollup-child.js');
  await fs.writeFile(child, CHILD);

  const folder = path.join(ctx.tmpDir, 'don-vi');
  await fs.mkdir(folder);
  const tasks = await writeUnits(folder, units);
  const files = (await fs.readdir(folder)).sort();
  let bytes = 0;
  for (const f of files) bytes += (await fs.stat(path.join(folder, f))).size;
  ctx.log(`rollup: ${units} unit workbooks written (${tasks} tasks, ${round(bytes / 1e6, 1)} MB)`);

  const runs = ctx.quick ? 1 : 3;
  let best = { ms: Infinity, peakRssMb: 0 };
  for (let i = 0; i < runs; i++) {
    const out = path.join(ctx.tmpDir, `tong-hop-${i}.xlsx`);
    const { stdout } = await exec(process.execPath, [child, main, 'rollup', folder, '--period', 'Q2', '--out', out, '--json'], { maxBuffer: 50_000_000, timeout: 600_000 });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; peakRssMb: number; exitCode: number };
    if (r.exitCode !== 0) throw new Error(`rollup exited ${r.exitCode}`);
    ctx.log(`rollup: run ${i + 1}: ${round(r.ms)} ms, peak ${round(r.peakRssMb)} MB`);
    best = { ms: Math.min(best.ms, r.ms), peakRssMb: Math.max(best.peakRssMb, r.peakRssMb) };
  }

  // One process per file, in a row: the way it is done without the roll-up.
  const started = performance.now();
  for (const f of files) {
    await exec(process.execPath, [main, 'report', path.join(folder, f), '--period', 'Q2', '--json'], { maxBuffer: 50_000_000 }).catch((e: { code?: number }) => {
      // Exit 1 is "errors found in the plan": the report was made.
      if (e.code !== 1) throw e;
    });
  }
  const perProcessMs = performance.now() - started;
  ctx.log(`rollup: report once per file, ${files.length} processes: ${round(perProcessMs)} ms`);

  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return {
    units,
    tasks,
    threads: Math.min(units, Number(process.env.CCHC_THREADS) || cores),
    ms: round(best.ms),
    peakRssMb: round(best.peakRssMb),
    perProcessMs: round(perProcessMs),
    ratio: round(perProcessMs / best.ms, 1),
    filesMb: round(bytes / 1e6, 1),
  };
}

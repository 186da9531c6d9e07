/**
 * The command line on a 50,000-row workbook: the bundled bin's `validate --out --json` (start-up,
 * read, check, the checked copy written) beside exceljs's own bare read + write of the same file,
 * each in its own process for a clean peak-memory figure, alternated in one run.
 * Targets: CLI ≤ 0.5 × exceljs; CLI peak ≤ 400 MB.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { runBin } from './cli-bin';
import { round, type BenchContext, type BenchSection } from './registry';
import { syntheticPlan } from '../testing/plans';
import { writeXlsxStream } from '../testing/plans/xlsx';

const exec = promisify(execFile);

export interface CliBenchResult {
  rows: number;
  /** The bin's wall time, start-up included (best of the runs). */
  ms: number;
  /** exceljs's read + write, inside its process (best of the runs). */
  exceljsMs: number;
  peakRssMb: number;
  exceljsPeakRssMb: number;
  /** ms / exceljsMs */
  ratio: number;
  /** CPU time (user + system) of each, best of the runs, and their ratio: steadier than wall
   * time on a machine busy with other work. */
  cpuMs: number;
  exceljsCpuMs: number;
  cpuRatio: number;
  fileMb: number;
}

interface Measured {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
}

async function exceljsChild(input: string, output: string): Promise<Measured> {
  // Run the child the way this process runs: under tsx (execArgv carries its loader) or compiled.
  const script = path.join(__dirname, `cli-child${path.extname(__filename)}`);
  const { stdout } = await exec(process.execPath, [...process.execArgv, script, input, output], { maxBuffer: 10_000_000, timeout: 900_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

export const cliSection: BenchSection<CliBenchResult> = {
  name: 'cli',
  async run(ctx: BenchContext) {
    const rows = ctx.quick ? 10_000 : 50_000;
    const plan = syntheticPlan(rows);
    const input = path.join(ctx.tmpDir, `plan-${rows}.xlsx`);
    await writeXlsxStream(plan.sheet, input);
    const { size } = await fs.stat(input);
    ctx.log(`cli: ${rows}-row workbook written (${round(size / 1e6, 1)} MB)`);
    // Alternate the two, a few times; the best time of each (the least disturbed by whatever
    // else the machine does) and the highest peak memory are reported.
    const runs = ctx.quick ? 1 : 3;
    const bare = { ms: Infinity, cpuMs: Infinity, peakRssMb: 0 };
    const cli = { ms: Infinity, cpuMs: Infinity, peakRssMb: 0 };
    const keep = (into: Measured, m: Measured) => {
      into.ms = Math.min(into.ms, m.ms);
      into.cpuMs = Math.min(into.cpuMs, m.cpuMs);
      into.peakRssMb = Math.max(into.peakRssMb, m.peakRssMb);
    };
    for (let i = 0; i < runs; i++) {
      const b = await exceljsChild(input, path.join(ctx.tmpDir, 'bare.xlsx'));
      const c = await runBin(['validate', input, '--out', path.join(ctx.tmpDir, 'checked.xlsx'), '--json', '--as-of', '2024-07-15'], ctx.tmpDir);
      ctx.log(`cli: run ${i + 1}: exceljs read+write ${round(b.ms)} ms (cpu ${round(b.cpuMs)}), validate --out ${round(c.ms)} ms (cpu ${round(c.cpuMs)}, ${round(c.peakRssMb)} MB)`);
      keep(bare, b);
      keep(cli, c);
    }
    return {
      rows: plan.sheet.rows.length,
      ms: round(cli.ms),
      exceljsMs: round(bare.ms),
      peakRssMb: round(cli.peakRssMb),
      exceljsPeakRssMb: round(bare.peakRssMb),
      ratio: round(cli.ms / bare.ms, 2),
      cpuMs: round(cli.cpuMs),
      exceljsCpuMs: round(bare.cpuMs),
      cpuRatio: round(cli.cpuMs / bare.cpuMs, 2),
      fileMb: round(size / 1e6, 1),
    };
  },
  describe(r) {
    return [
      `cli     ${r.rows} rows (${r.fileMb} MB): validate --out ${r.ms} ms, exceljs bare read+write ${r.exceljsMs} ms → ${r.ratio}× (CPU ${r.cpuMs} / ${r.exceljsCpuMs} ms → ${r.cpuRatio}×; target ≤ 0.5×)`,
      `cli     peak RSS ${r.peakRssMb} MB (exceljs alone ${r.exceljsPeakRssMb} MB; target ≤ 400 MB)`,
    ];
  },
};

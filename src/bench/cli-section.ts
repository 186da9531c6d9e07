/**
 * The command line on a 50,000-row workbook: `validate --out` (read + analyse + write the
 * checked copy) next to exceljs's own bare read + write of the same file, each in its own
 * process for a clean peak-memory figure. Targets: CLI ≤ 1.5 × exceljs; peak < 1 GB.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { round, type BenchContext, type BenchSection } from './registry';
import { syntheticPlan } from '../testing/plans';
import { writeXlsxStream } from '../testing/plans/xlsx';

const exec = promisify(execFile);

export interface CliBenchResult {
  rows: number;
  ms: number;
  exceljsMs: number;
  peakRssMb: number;
  exceljsPeakRssMb: number;
  /** ms / exceljsMs */
  ratio: number;
  fileMb: number;
}

async function child(mode: 'cli' | 'exceljs', input: string, output: string): Promise<{ ms: number; peakRssMb: number }> {
  // Run the child the way this process runs: under tsx (execArgv carries its loader) or compiled.
  const script = path.join(__dirname, `cli-child${path.extname(__filename)}`);
  const { stdout } = await exec(process.execPath, [...process.execArgv, script, mode, input, output], { maxBuffer: 10_000_000, timeout: 600_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

export const cliSection: BenchSection<CliBenchResult> = {
  name: 'cli',
  async run(ctx: BenchContext) {
    const rows = ctx.quick ? 10_000 : 50_000;
    const plan = syntheticPlan(rows);
    const input = path.join(ctx.tmpDir, `plan-${rows}.xlsx`);
    await writeXlsxStream(plan.sheet, input);
    const { size } = await import('fs').then((fs) => fs.promises.stat(input));
    ctx.log(`cli: ${rows}-row workbook written (${round(size / 1e6, 1)} MB)`);
    // Alternate the two, a few times; the best time of each (the least disturbed by whatever
    // else the machine does) and the highest peak memory are reported.
    const runs = ctx.quick ? 1 : 3;
    const bare = { ms: Infinity, peakRssMb: 0 };
    const cli = { ms: Infinity, peakRssMb: 0 };
    for (let i = 0; i < runs; i++) {
      const b = await child('exceljs', input, path.join(ctx.tmpDir, 'bare.xlsx'));
      const c = await child('cli', input, path.join(ctx.tmpDir, 'checked.xlsx'));
      ctx.log(`cli: run ${i + 1}: exceljs read+write ${round(b.ms)} ms, validate --out ${round(c.ms)} ms`);
      bare.ms = Math.min(bare.ms, b.ms);
      bare.peakRssMb = Math.max(bare.peakRssMb, b.peakRssMb);
      cli.ms = Math.min(cli.ms, c.ms);
      cli.peakRssMb = Math.max(cli.peakRssMb, c.peakRssMb);
    }
    return {
      rows: plan.sheet.rows.length,
      ms: round(cli.ms),
      exceljsMs: round(bare.ms),
      peakRssMb: round(cli.peakRssMb),
      exceljsPeakRssMb: round(bare.peakRssMb),
      ratio: round(cli.ms / bare.ms, 2),
      fileMb: round(size / 1e6, 1),
    };
  },
  describe(r) {
    return [
      `cli     ${r.rows} rows (${r.fileMb} MB): validate --out ${r.ms} ms, exceljs bare read+write ${r.exceljsMs} ms → ${r.ratio}× (target ≤ 1.5×)`,
      `cli     peak RSS ${r.peakRssMb} MB (exceljs alone ${r.exceljsPeakRssMb} MB; target < 1024 MB)`,
    ];
  },
};

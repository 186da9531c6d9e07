/**
 * A very large plan through the bundled bin: `report --period Y --out` on a 200,000-row
 * workbook (the year report lists every task), under the key "cli200k". Target: under 1 GB.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { runBin } from './cli-bin';
import { round, type BenchContext, type BenchSection } from './registry';
import { syntheticPlan } from '../testing/plans';
import { writeXlsxStream } from '../testing/plans/xlsx';

export interface Cli200kResult {
  rows: number;
  ms: number;
  peakRssMb: number;
}

export const cli200kSection: BenchSection<Cli200kResult> = {
  name: 'cli200k',
  async run(ctx: BenchContext) {
    const rows = ctx.quick ? 20_000 : 200_000;
    const plan = syntheticPlan(rows);
    const input = path.join(ctx.tmpDir, `plan-${rows}.xlsx`);
    await writeXlsxStream(plan.sheet, input);
    const { size } = await fs.stat(input);
    ctx.log(`cli200k: ${rows}-row workbook written (${round(size / 1e6, 1)} MB)`);
    const out = path.join(ctx.tmpDir, 'year-report.xlsx');
    const r = await runBin(['report', input, '--period', 'Y', '--year', '2024', '--as-of', '2025-01-10', '--out', out], ctx.tmpDir);
    ctx.log(`cli200k: ${round(r.ms)} ms (cpu ${round(r.cpuMs)}), ${round(r.peakRssMb)} MB, copy ${round((await fs.stat(out)).size / 1e6, 1)} MB`);
    return { rows: plan.sheet.rows.length, ms: round(r.ms), peakRssMb: round(r.peakRssMb) };
  },
  describe(r) {
    return [`cli     ${r.rows} rows: report --period Y --out ${r.ms} ms, peak RSS ${r.peakRssMb} MB (target < 1024 MB)`];
  },
};

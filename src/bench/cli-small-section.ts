/**
 * Start-up: the bundled bin's `validate --out --json` on a 50-row workbook, the common case.
 * The median of several runs, in ms of wall time (the whole process), under the key
 * "cliSmallMs".
 */
import path from 'path';
import { runBin } from './cli-bin';
import { median, round, type BenchContext, type BenchSection } from './registry';
import { syntheticPlan } from '../testing/plans';
import { writeXlsxStream } from '../testing/plans/xlsx';

export const cliSmallSection: BenchSection<number> = {
  name: 'cliSmallMs',
  async run(ctx: BenchContext) {
    const input = path.join(ctx.tmpDir, 'plan-50.xlsx');
    await writeXlsxStream(syntheticPlan(50).sheet, input);
    const times: number[] = [];
    const runs = ctx.quick ? 3 : 9;
    for (let i = 0; i < runs; i++) {
      const r = await runBin(['validate', input, '--out', path.join(ctx.tmpDir, 'small-checked.xlsx'), '--json', '--as-of', '2024-07-15'], ctx.tmpDir);
      times.push(r.ms);
    }
    ctx.log(`cliSmallMs: ${times.map((t) => round(t)).join(', ')} ms`);
    return round(median(times));
  },
  describe(ms) {
    return [`cli     50 rows: validate --out --json ${ms} ms, start-up included (median)`];
  },
};

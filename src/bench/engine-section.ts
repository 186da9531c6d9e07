/**
 * Engine throughput: analyzeSheet (recognition, rules, change set) on synthetic appendices of
 * 1,000 / 10,000 / 50,000 rows, median of a few runs after a warm-up. Target ≥ 100,000 rows/s.
 */
import { analyzeSheet } from '../engine/analyze';
import { engineWording } from '../i18n/engine';
import { median, round, type BenchContext, type BenchSection } from './registry';
import { syntheticPlan, toGrid } from '../testing/plans';

export interface EngineBenchRow {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  /** Tasks the engine recognised (the generator made `tasksMade`). */
  tasks: number;
  tasksMade: number;
}

export const engineSection: BenchSection<EngineBenchRow[]> = {
  name: 'engine',
  async run(ctx: BenchContext) {
    const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
    const out: EngineBenchRow[] = [];
    for (const rows of sizes) {
      const plan = syntheticPlan(rows);
      const grid = toGrid(plan.sheet);
      const runs = ctx.quick ? 2 : rows >= 50_000 ? 3 : 5;
      const times: number[] = [];
      let tasks = 0;
      analyzeSheet(grid, { asOf: '2024-07-15', wording: engineWording('vi') }); // warm-up
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const result = analyzeSheet(grid, { asOf: '2024-07-15', wording: engineWording('vi') });
        times.push(performance.now() - t);
        if (!result.ok) throw new Error(`synthetic plan not recognised: ${result.failure.message}`);
        tasks = result.analysis.summary.tasks;
      }
      const ms = median(times);
      out.push({ rows: plan.sheet.rows.length, ms: round(ms, 1), rowsPerSecond: Math.round((plan.sheet.rows.length / ms) * 1000), tasks, tasksMade: plan.tasks });
      ctx.log(`engine ${rows} rows: ${round(ms, 1)} ms`);
    }
    return out;
  },
  describe(result) {
    return result.map((r) => `engine  ${String(r.rows).padStart(6)} rows  ${String(r.ms).padStart(8)} ms  ${String(r.rowsPerSecond).padStart(9)} rows/s  (${r.tasks}/${r.tasksMade} tasks recognised)`);
  },
};

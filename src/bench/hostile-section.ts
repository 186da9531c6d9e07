/**
 * Very long and repetitive cells: the output classifier and the deadline parser must stay
 * linear on them (a 32,000-character cell is Excel's limit). These timings used to be asserted
 * in unit tests, where a busy machine made them flaky; here they are measured and reported.
 */
import { parseDateCell, parseDeadline, yearsInText } from '../engine/deadlines';
import { classifyOutput } from '../engine/outputs';
import { round, type BenchContext, type BenchSection } from './registry';

export interface HostileBenchRow {
  /** What the cell is made of, shortened. */
  cell: string;
  chars: number;
  /** Worst of the runs, in milliseconds: one output classification plus one deadline parse. */
  ms: number;
}

/** Cells built to find a quadratic step: long, repetitive, almost-matching text. */
export const HOSTILE_CELLS: readonly string[] = [
  'Rà soát, cập nhật 12/2024 hồ sơ; dữ liệu báo cáo - năm 2024, '.repeat(600),
  'theo KH số 1/KH ngày 1/1/2024 của '.repeat(1000),
  '1/2/3/4/5/6/7/8/9/'.repeat(2000),
  'thường xuyên '.repeat(3000),
  'Trong vòng 5 ngày kể từ ngày 1/1/2024 '.repeat(900),
  'a'.repeat(32000),
  'Quý I/2024 '.repeat(3000),
  `${'<'.repeat(20000)}a`,
];

function timeOnce(text: string): number {
  const t = performance.now();
  classifyOutput(text);
  parseDeadline(text, { planYear: 2024, date1904: false });
  yearsInText(text);
  parseDateCell(text, false, 2024);
  return performance.now() - t;
}

export const hostileSection: BenchSection<HostileBenchRow[]> = {
  name: 'hostile',
  async run(ctx: BenchContext) {
    const runs = ctx.quick ? 2 : 5;
    return HOSTILE_CELLS.map((text) => {
      timeOnce(text); // warm-up
      let worst = 0;
      for (let i = 0; i < runs; i++) worst = Math.max(worst, timeOnce(text));
      ctx.log(`hostile ${text.slice(0, 20)}…: ${round(worst, 1)} ms`);
      return { cell: text.slice(0, 24), chars: text.length, ms: round(worst, 2) };
    });
  },
  describe(result) {
    return result.map((r) => `hostile ${JSON.stringify(r.cell).padEnd(30)} ${String(r.chars).padStart(6)} chars  ${String(r.ms).padStart(8)} ms`);
  },
};

/**
 * The Office.js host on the fake Excel: check() on synthetic appendices of 1,000 / 10,000 /
 * 50,000 rows — how many context.sync() calls it takes (reads and writes), the largest request
 * and response in bytes (Excel on the web refuses either over 5 MB), and the time spent (the
 * fake's own work included, so only a rough guide). Run alone with `npx tsx src/bench/office.ts`,
 * or as the "office" section of `npm run bench`.
 */
import { createExcelPlanHost } from '../hosts/excel';
import { createFakeExcel, PAYLOAD_LIMIT_BYTES } from '../testing/fake-excel';
import { round, type BenchContext, type BenchSection } from './registry';
import { syntheticPlan, toFakeSeed } from '../testing/plans';

export interface OfficeBenchRow {
  rows: number;
  tasks: number;
  syncs: number;
  readSyncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** The most merged areas asked of one getMergedAreasOrNullObject call (Excel: at most 512). */
  maxMergedAreasPerRead: number;
  /** The longest highlight (conditional-format) formula written, in characters (target ≤ 255). */
  maxCfFormulaChars: number;
  /** Merged areas on the sheet. */
  merges: number;
  /** Bytes of all responses: the sheet's values as JSON, plus merges and metadata. */
  totalResponseBytes: number;
  ms: number;
}

export async function officeBench(rows: number): Promise<OfficeBenchRow> {
  const plan = syntheticPlan(rows);
  const excel = createFakeExcel(toFakeSeed({ sheets: [plan.sheet] }));
  let readSyncs = 0;
  let writeSyncs = 0;
  const host = createExcelPlanHost(excel.run, {
    onSyncs: (info) => {
      readSyncs = info.readSyncs;
      writeSyncs = info.writeSyncs;
    },
  });
  const t = performance.now();
  const outcome = await host.check({ asOf: '2024-07-15', lang: 'vi' });
  const ms = performance.now() - t;
  if (!outcome.ok) throw new Error(`office bench, ${rows} rows: ${outcome.message}`);
  if (excel.maxRequestBytes() > PAYLOAD_LIMIT_BYTES || excel.maxResponseBytes() > PAYLOAD_LIMIT_BYTES) throw new Error('a sync went over 5 MB');
  return {
    rows: plan.sheet.rows.length,
    tasks: outcome.analysis.summary.tasks,
    syncs: excel.stats.syncs,
    readSyncs,
    writeSyncs,
    maxRequestBytes: excel.maxRequestBytes(),
    maxResponseBytes: excel.maxResponseBytes(),
    maxMergedAreasPerRead: excel.stats.maxMergedAreas,
    maxCfFormulaChars: Math.max(0, ...excel.dumpSheet(plan.sheet.name).conditionalFormats.map((cf) => (cf.formula ?? '').length)),
    merges: plan.sheet.merges?.length ?? 0,
    totalResponseBytes: excel.stats.requests.reduce((n, r) => n + r.responseBytes, 0),
    ms: round(ms, 0),
  };
}

export const officeSection: BenchSection<OfficeBenchRow[]> = {
  name: 'office',
  async run(ctx: BenchContext) {
    const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
    const out: OfficeBenchRow[] = [];
    for (const rows of sizes) {
      const row = await officeBench(rows);
      ctx.log(`office ${rows} rows: ${row.syncs} syncs, largest request ${row.maxRequestBytes} B, largest response ${row.maxResponseBytes} B, ${row.maxMergedAreasPerRead} merged areas per call at most`);
      out.push(row);
    }
    return out;
  },
  describe(result) {
    const kb = (n: number) => `${round(n / 1024, 0)} kB`.padStart(8);
    return result.map(
      (r) =>
        `office  ${String(r.rows).padStart(6)} rows  ${r.syncs} syncs (read ${r.readSyncs}, write ${r.writeSyncs})  largest request ${kb(r.maxRequestBytes)}  largest response ${kb(r.maxResponseBytes)}  ${r.maxMergedAreasPerRead}/${r.merges} merged areas per call  CF formula ≤ ${r.maxCfFormulaChars} chars  ${r.ms} ms on the fake`,
    );
  },
};

if (require.main === module) {
  (async () => {
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    const rows = sizes.length ? sizes : [1_000, 10_000, 50_000];
    const out: OfficeBenchRow[] = [];
    for (const n of rows) out.push(await officeBench(n));
    process.stdout.write(`${JSON.stringify({ office: out })}\n`);
  })().catch((e) => {
    process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 1;
  });
}

/**
 * Merged cells past Excel's 512 merged areas per getMergedAreasOrNullObject call: appendices
 * pasted from Word carry one merge per STT / objective / lead run and one per section row, and
 * the 760-row synthetic plan has more than 512 (513 before its lead runs were merged, 627 now).
 * The host asks in row blocks that cannot pass the limit, all in
 * the read's own syncs, and asks in smaller blocks when Excel refuses anyway.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { readActiveSheet } from '../../../src/hosts/excel/read';
import { safeMergeRows } from '../../../src/hosts/excel/read-rows';
import { parseA1Range } from '../../../src/engine/a1';
import { syntheticPlan, toFakeSeed } from '../../../src/testing/plans';
import { createFakeExcel, MAX_MERGED_AREAS, type FakeExcelOptions, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';

const AS_OF = '2024-07-15';

function seedOf(rows: number): { seed: FakeWorkbookSeed; merges: string[] } {
  const { sheet } = syntheticPlan(rows);
  return { seed: toFakeSeed({ sheets: [sheet] }), merges: sheet.merges ?? [] };
}

async function readMerges(seed: FakeWorkbookSeed, options: FakeExcelOptions = {}) {
  const excel = createFakeExcel(seed, options);
  const read = await excel.run((ctx) => readActiveSheet(ctx, { withConditionalFormats: false }));
  return { excel, read };
}

const key = (r: { top: number; left: number; bottom: number; right: number }) => `${r.top},${r.left},${r.bottom},${r.right}`;

describe('merged areas beyond 512', () => {
  test('the 760-row synthetic plan (over 512 merges) is validated, every merge read, no call over 512', async () => {
    const { seed, merges } = seedOf(760);
    expect(merges.length).toBeGreaterThan(MAX_MERGED_AREAS);
    const excel = createFakeExcel(seed);
    const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'en' });
    expect(outcome.ok ? '' : outcome.message).toBe('');
    expect(excel.stats.maxMergedAreas).toBeLessThanOrEqual(MAX_MERGED_AREAS);
    expect(excel.stats.requests.every((r) => r.failed === null)).toBe(true);
    expect(excel.stats.syncs).toBe(3);

    const { read } = await readMerges(seed);
    expect(read.grid.merges.map(key).sort()).toEqual(merges.map((m) => key(parseA1Range(m))).sort());
  });

  test('1,007 and 10,007 rows: same syncs, no merges call over 512', async () => {
    const syncs: number[] = [];
    for (const rows of [1_000, 10_000]) {
      const { seed, merges } = seedOf(rows);
      const excel = createFakeExcel(seed);
      const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'vi' });
      expect(outcome.ok).toBe(true);
      expect(excel.stats.maxMergedAreas).toBeLessThanOrEqual(MAX_MERGED_AREAS);
      syncs.push(excel.stats.syncs);
      if (rows === 10_000) {
        const { read } = await readMerges(seed);
        expect(read.grid.merges).toHaveLength(merges.length);
      }
    }
    expect(syncs).toEqual([3, 3]);
  }, 60_000);

  test('a block never asks for more rows than can hold 512 merged areas', () => {
    expect(safeMergeRows(9)).toBe(56);
    expect(safeMergeRows(1)).toBe(512);
    expect(safeMergeRows(2_000)).toBe(1);
  });

  test('when Excel refuses a block anyway, smaller blocks are asked for and every merge is read', async () => {
    const { seed, merges } = seedOf(760);
    const { excel, read } = await readMerges(seed, { maxMergedAreas: 20 });
    expect(read.grid.merges).toHaveLength(merges.length);
    expect(excel.stats.requests.some((r) => r.failed === 'GeneralException')).toBe(true);
    expect(excel.stats.requests.at(-1)?.failed).toBeNull();
  });

  test('an error that is not about size is not retried', async () => {
    const { seed } = seedOf(100);
    const excel = createFakeExcel(seed);
    excel.failSync(2, 'AccessDenied', 'Access denied.');
    await expect(excel.run((ctx) => readActiveSheet(ctx, { withConditionalFormats: false }))).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(excel.stats.syncs).toBe(2);
  });
});

/**
 * A co-author inserts rows between the host's read and the report's write (Excel on the web).
 * The report sheet links every listed task back to its appendix row and the write adds the
 * tracking block and the highlights there: rows moved meanwhile would leave links (and
 * highlights) on the wrong rows. The write batch re-reads the table's key cells and compares them
 * after the sync: when the whole table moved, the report is written again where the table now is
 * (the workbook ends as if the rows had been inserted first); otherwise the report sheet and the
 * highlights are removed and one sentence says so.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { CF_TAG } from '../../../src/engine/tracking';
import { parseA1Range } from '../../../src/engine/a1';
import { createFakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { congThuongPlan } from '../../fixtures/plans';

const SHEET = 'Phụ lục';
const REPORT = 'BC Quý II-2024';
const request = (lang: 'vi' | 'en' = 'vi') => ({ period: 'Q2' as const, year: 2024, lang, confirmReplace: async () => true });

function seed(): FakeWorkbookSeed {
  return JSON.parse(JSON.stringify(congThuongPlan)) as FakeWorkbookSeed;
}

type Excel = ReturnType<typeof createFakeExcel>;

/** Every link of the report sheet: the task its list row names (column B) and the texts of the
 * appendix row the link points at (a task may sit in the activity column). */
function linkTargets(excel: Excel, report = REPORT): { shown: string; target: string[] }[] {
  const appendix = excel.dumpSheet(SHEET);
  const cells = excel.dumpSheet(report).cells;
  return Object.entries(cells)
    .filter(([, c]) => c.hyperlink?.documentReference)
    .map(([at, c]) => {
      const address = c.hyperlink!.documentReference!.replace(/^'[^']+'!/, '');
      expect(parseA1Range(address)).not.toBeNull();
      const row = /\d+$/.exec(address)![0];
      const texts = Object.entries(appendix.cells).filter(([cell]) => /\d+$/.exec(cell)![0] === row).map(([, v]) => String(v.value));
      return { shown: String(cells[`B${/\d+$/.exec(at)![0]}`]?.value ?? ''), target: texts };
    });
}

function tagged(excel: Excel): string[] {
  return excel
    .dumpSheet(SHEET)
    .conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG))
    .map((c) => c.appliesTo);
}

describe('rows inserted by a co-author between the report’s read and its write', () => {
  test('three rows at the top: detected and written again where the table now is — links to the right rows', async () => {
    const target = createFakeExcel(seed());
    target.state.sheet(SHEET)!.insertRows(0, 3);
    expect(await createExcelPlanHost(target.run).buildReport(request())).toMatchObject({ ok: true });

    const excel = createFakeExcel(seed());
    // Syncs 1 and 2 read; the rows arrive just before sync 3, the write.
    excel.insertRowsBeforeSync(3, SHEET, 1, 3);
    const outcome = await createExcelPlanHost(excel.run).buildReport(request());
    expect(outcome).toEqual({ ok: true, sheetName: REPORT, replaced: false });
    const links = linkTargets(excel);
    expect(links.length).toBeGreaterThan(5);
    for (const { shown, target } of links) expect(target).toContain(shown);
    expect(excel.dumpSheet(REPORT)).toEqual(target.dumpSheet(REPORT));
    expect(excel.dumpSheet(SHEET).cells).toEqual(target.dumpSheet(SHEET).cells);
    expect(tagged(excel)).toEqual(tagged(target));
  });

  test('rows inserted inside the table: no report sheet left with wrong links, no highlights, one sentence', async () => {
    const excel = createFakeExcel(seed());
    excel.insertRowsBeforeSync(3, SHEET, 12, 2);
    const outcome = await createExcelPlanHost(excel.run).buildReport(request('en'));
    expect(outcome).toEqual({
      ok: false,
      message:
        'While the report was being built, someone added or deleted rows in the table (co-editing): the report sheet and the highlights were removed so that nothing points at the wrong row; choose Build report again.',
    });
    expect(excel.dump().sheets.filter((s) => s.visibility !== 'VeryHidden').map((s) => s.name)).toEqual([SHEET]);
    expect(tagged(excel)).toEqual([]);
    // Built again, the report is whole and every link finds its task.
    expect(await createExcelPlanHost(excel.run).buildReport(request('en'))).toEqual({ ok: true, sheetName: 'Report Q2-2024', replaced: false });
    const links = linkTargets(excel, 'Report Q2-2024');
    expect(links.length).toBeGreaterThan(5);
    for (const { shown, target } of links) expect(target).toContain(shown);
  });

  test('nothing moved: no extra sync (two to read, one to write)', async () => {
    const excel = createFakeExcel(seed());
    expect(await createExcelPlanHost(excel.run).buildReport(request())).toMatchObject({ ok: true });
    expect(excel.stats.syncs).toBe(3);
  });
});

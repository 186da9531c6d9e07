/**
 * The Office.js host's "take it back" over the fake Excel (validation.md): after a check and
 * "Gỡ cột theo dõi" the sheet dumps exactly as before the check — values, formats, widths, hidden
 * columns, names, rules, validations, page layout; "Gỡ tô màu" removes the highlights alone;
 * filled statuses go only once allowed; a constant number of syncs whatever the row count. And
 * the check's printout in Excel: fitted to the pages across the copy needs, the task's columns
 * repeated, the block in the table's font.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { CF_TAG } from '../../../src/engine/tracking';
import { createFakeExcel, type FakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { districtPlan, DISTRICT_SHEET, toFakeSeed } from '../../../src/testing/plans';
import { congThuongPlan, trackedPlan } from '../../fixtures/plans';

const AS_OF = '2024-06-01';
const SHEET = 'Phụ lục';

/** The appendix as a user's: Times New Roman 12 in the table, wide columns, a rule and a list of
 * their own, printed landscape fitted one page wide. */
function userSeed(): FakeWorkbookSeed {
  const seed: FakeWorkbookSeed = JSON.parse(JSON.stringify(toFakeSeed(congThuongPlan)));
  const sheet = seed.sheets[0];
  sheet.styles = { 'A5:I5': { bold: true, fontName: 'Times New Roman', fontSize: 12 }, 'A6:I21': { fontName: 'Times New Roman', fontSize: 12 } };
  sheet.conditionalFormats = [{ appliesTo: 'F6:F21', formula: '=LEN($F6)=0', fill: '#F8CBAD', fontColor: '#000000' }];
  sheet.validations = [{ address: 'I7:I21', list: ['Kinh phí thường xuyên', 'Kinh phí không thường xuyên'] }];
  sheet.columnWidths = { A: 30, B: 150, C: 200, D: 150, E: 120, F: 110, G: 110, H: 100, I: 90 };
  return seed;
}

async function landscapeFitted(excel: FakeExcel): Promise<void> {
  await excel.run(async (ctx) => {
    const layout = ctx.workbook.worksheets.getItem(SHEET).pageLayout;
    layout.orientation = 'Landscape';
    layout.paperSize = 'A4';
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 40 };
    await ctx.sync();
  });
}

const host = (excel: FakeExcel) => createExcelPlanHost(excel.run);

describe('taking it back in Excel', () => {
  test('“Gỡ cột theo dõi” after a check: the sheet is as it was, every cell, width, name, rule and page setting', async () => {
    const excel = createFakeExcel(userSeed());
    await landscapeFitted(excel);
    const before = excel.dumpSheet(SHEET);
    expect((await host(excel).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    const checked = excel.dumpSheet(SHEET);
    expect(checked).not.toEqual(before);
    // The printout: the block on pages of its own, the task's columns repeated there.
    expect(checked.pageLayout.zoom).toEqual({ horizontalFitToPages: 2, verticalFitToPages: 40 });
    expect(checked.pageLayout.printTitleRows).toBe('5:5');
    expect(checked.pageLayout.printTitleColumns).toBe('A:C');
    // The block in the table's font, bordered, top-aligned, wrapped.
    expect(checked.cells.J5.style).toMatchObject({ fontName: 'Times New Roman', fontSize: 12, bold: true, wrapText: true });
    expect(checked.cells.N10.style).toMatchObject({ fontName: 'Times New Roman', fontSize: 12, verticalAlignment: 'Top', wrapText: true });

    const outcome = await host(excel).clean!({ scope: 'block', lang: 'vi', allowLoss: false });
    expect(outcome).toMatchObject({ ok: true, outcome: 'applied', removedColumns: ['J', 'K', 'L', 'M', 'N'], lost: { statuses: 0, doneDates: 0, results: 0 } });
    expect(excel.dumpSheet(SHEET)).toEqual(before);
  });

  test('“Gỡ tô màu” removes the tool’s rules and nothing else', async () => {
    const excel = createFakeExcel(userSeed());
    expect((await host(excel).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    const checked = excel.dumpSheet(SHEET);
    expect((await host(excel).clean!({ scope: 'highlights', lang: 'vi', allowLoss: false })).ok).toBe(true);
    const after = excel.dumpSheet(SHEET);
    expect(after.conditionalFormats.map((cf) => cf.formula)).toEqual(['=LEN($F6)=0']);
    expect({ ...after, conditionalFormats: [] }).toEqual({ ...checked, conditionalFormats: [] });
    expect(checked.conditionalFormats.some((cf) => (cf.formula ?? '').includes(CF_TAG))).toBe(true);
  });

  test('filled statuses, dates and results: nothing removed until allowed, then the sheet as it was', async () => {
    const excel = createFakeExcel(userSeed());
    const before = excel.dumpSheet(SHEET);
    expect((await host(excel).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange('J7:L7').values = [['Hoàn thành', 45_320, 'Đã ban hành kế hoạch']];
      ws.getRange('J10').values = [['Đang thực hiện']];
      await ctx.sync();
    });
    const filled = excel.dumpSheet(SHEET);
    const asked = await host(excel).clean!({ scope: 'block', lang: 'vi', allowLoss: false });
    expect(asked).toMatchObject({ ok: true, outcome: 'needs-confirmation', lost: { statuses: 2, doneDates: 1, results: 1 } });
    expect(excel.dumpSheet(SHEET)).toEqual(filled);
    expect(await host(excel).clean!({ scope: 'block', lang: 'vi', allowLoss: true })).toMatchObject({ ok: true, outcome: 'applied' });
    expect(excel.dumpSheet(SHEET)).toEqual(before);
  });

  test('a status column of the user’s, reused by the block, stays with its statuses', async () => {
    const excel = createFakeExcel(toFakeSeed(trackedPlan));
    const sheet = trackedPlan.sheets[0].name;
    const before = excel.dumpSheet(sheet);
    expect((await host(excel).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    const outcome = await host(excel).clean!({ scope: 'block', lang: 'vi', allowLoss: false });
    expect(outcome).toMatchObject({ ok: true, outcome: 'applied', removedColumns: ['I', 'J', 'K'], keptColumns: ['G', 'H'] });
    expect(excel.dumpSheet(sheet)).toEqual(before);
  });

  test('a protected sheet: one sentence, nothing changed', async () => {
    const excel = createFakeExcel(userSeed());
    expect((await host(excel).check({ asOf: AS_OF, lang: 'en' })).ok).toBe(true);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET).protection.protect();
      await ctx.sync();
    });
    const locked = excel.dumpSheet(SHEET);
    const outcome = await host(excel).clean!({ scope: 'block', lang: 'en', allowLoss: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/protected/i);
    expect(excel.dumpSheet(SHEET)).toEqual(locked);
  });

  test('100 and 10,000 rows: the same number of syncs for the check and for taking it back', async () => {
    const counts: number[][] = [];
    for (const tasks of [30, 3_000]) {
      const excel = createFakeExcel(toFakeSeed(districtPlan(tasks).workbook));
      expect((await host(excel).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
      const afterCheck = excel.stats.syncs;
      const outcome = await host(excel).clean!({ scope: 'block', lang: 'vi', allowLoss: true });
      expect(outcome.ok).toBe(true);
      counts.push([afterCheck, excel.stats.syncs - afterCheck]);
      expect(excel.dumpSheet(DISTRICT_SHEET).conditionalFormats.some((cf) => (cf.formula ?? '').includes(CF_TAG))).toBe(false);
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0][1]).toBeLessThanOrEqual(3);
  });
});

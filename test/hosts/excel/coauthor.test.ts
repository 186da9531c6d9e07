/**
 * A co-author inserts rows between the host's read and its write (Excel on the web). The write
 * batch re-reads key cells and compares them after the sync: when the whole table moved, the
 * misplaced writes are undone and the block written again where the table now is — the sheet
 * ends as if the rows had been inserted before the check; when rows moved inside the table, the
 * highlights are removed and one sentence says so. Never highlights on the wrong rows, silently.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { CF_TAG } from '../../../src/engine/tracking';
import { createFakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { congThuongPlan } from '../../fixtures/plans';

const AS_OF = '2024-06-01';
const SHEET = 'Phụ lục';

function seed(): FakeWorkbookSeed {
  const copy: FakeWorkbookSeed = JSON.parse(JSON.stringify(congThuongPlan));
  copy.sheets[0].styles = { A5: { bold: true } };
  return copy;
}

/** The same plan with the rows inserted before anything is checked, then checked: the target. */
async function insertedFirst(row: number, count: number) {
  const excel = createFakeExcel(seed());
  excel.state.sheet(SHEET)!.insertRows(row - 1, count);
  const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'vi' });
  expect(outcome.ok).toBe(true);
  return excel.dumpSheet(SHEET);
}

function comparable(dump: ReturnType<ReturnType<typeof createFakeExcel>['dumpSheet']>) {
  const cells = (dump.validations ?? []).flatMap((v) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(v.address)!;
    const top = Number(m[2]);
    const bottom = Number(m[4] ?? m[2]);
    return Array.from({ length: bottom - top + 1 }, (_, i) => `${m[1]}${top + i}`);
  });
  return { ...dump, validations: cells.sort() };
}

describe('rows inserted by a co-author between the read and the write', () => {
  test.each([
    ['three rows at the top', 1, 3],
    ['one row just above the header', 4, 1],
  ])('%s: detected, undone and written again where the table now is', async (_name, row, count) => {
    const excel = createFakeExcel(seed());
    // Sync 1 and 2 read; the rows arrive just before sync 3, the write.
    excel.insertRowsBeforeSync(3, SHEET, row, count);
    const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'vi' });
    expect(outcome.ok ? '' : outcome.message).toBe('');
    const after = excel.dumpSheet(SHEET);
    const target = await insertedFirst(row, count);
    expect(comparable(after)).toEqual(comparable(target));
    expect(after.conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG)).map((c) => c.appliesTo)).toEqual(
      target.conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG)).map((c) => c.appliesTo),
    );
  });

  test('rows inserted inside the table: the highlights are removed and one sentence says so', async () => {
    const excel = createFakeExcel(seed());
    excel.insertRowsBeforeSync(3, SHEET, 12, 2);
    const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'en' });
    expect(outcome).toEqual({
      ok: false,
      message: 'While the plan was being checked, someone added or deleted rows in the table (co-editing): the highlights were removed so that no row is highlighted wrongly; choose Check again.',
    });
    expect(excel.dumpSheet(SHEET).conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG))).toEqual([]);
    // Checked again, the block and its highlights are right.
    const again = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'en' });
    expect(again.ok).toBe(true);
  });

  test('with sized rows, a hidden column and widths of the user’s: repaired as if inserted first, and taken back exactly', async () => {
    const sized = (): FakeWorkbookSeed => {
      const copy = seed();
      const sheet = copy.sheets[0];
      sheet.rowHeights = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(6 + i), 16]));
      sheet.hiddenColumns = ['K'];
      sheet.columnWidths = { J: 70, L: 90 };
      return copy;
    };
    const excel = createFakeExcel(sized());
    excel.insertRowsBeforeSync(3, SHEET, 1, 3);
    const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'vi' });
    expect(outcome.ok ? '' : outcome.message).toBe('');
    // The same sheet with the rows inserted before anything is checked, then checked.
    const target = createFakeExcel(sized());
    target.state.sheet(SHEET)!.insertRows(0, 3);
    const untouched = target.dump();
    expect((await createExcelPlanHost(target.run).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    expect(comparable(excel.dumpSheet(SHEET))).toEqual(comparable(target.dumpSheet(SHEET)));
    expect(Object.values(excel.dumpSheet(SHEET).rowHeights).some((h) => h > 16)).toBe(true);
    // Taking it back gives the sheet as the co-author left it, before any check.
    const clean = await createExcelPlanHost(excel.run).clean!({ scope: 'block', lang: 'vi', allowLoss: true });
    expect(clean.ok).toBe(true);
    expect(excel.dump()).toEqual(untouched);
  });

  test('nothing moved: no extra sync', async () => {
    const excel = createFakeExcel(seed());
    expect((await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    expect(excel.stats.syncs).toBe(3);
  });
});

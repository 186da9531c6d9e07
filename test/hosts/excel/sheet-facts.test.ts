/**
 * The Office.js host knows what the file host knows (docs/validation.md, docs/printing.md): the
 * hidden columns, the user's own data validation and the rows' heights are read within the same
 * syncs, so the block never goes into a hidden column or over a user's drop-down, and rows the
 * user sized too low for their "Kiểm tra" text grow. Taking the block back gives the workbook
 * back as it was: the columns' own widths, the row heights, and no state sheet when nothing is
 * left to remember.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { createFakeExcel, type FakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { districtPlan, DISTRICT_SHEET, toFakeSeed } from '../../../src/testing/plans';
import { settingsSchema, STATE_SHEET_NAME } from '../../../src/engine/settings';
import type { Analysis } from '../../../src/engine/model';
import { congThuongPlan } from '../../fixtures/plans';

const AS_OF = '2024-06-01';
const SHEET = 'Phụ lục';

function seed(edit: (sheet: FakeWorkbookSeed['sheets'][number]) => void = () => {}): FakeWorkbookSeed {
  const copy: FakeWorkbookSeed = JSON.parse(JSON.stringify(toFakeSeed(congThuongPlan)));
  edit(copy.sheets[0]);
  return copy;
}

const host = (excel: FakeExcel) => createExcelPlanHost(excel.run);

async function checked(excel: FakeExcel, budgetBytes?: number): Promise<Analysis> {
  const outcome = await createExcelPlanHost(excel.run, budgetBytes ? { budgetBytes } : {}).check({ asOf: AS_OF, lang: 'vi' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.analysis;
}

async function cleaned(excel: FakeExcel): Promise<void> {
  const outcome = await host(excel).clean!({ scope: 'block', lang: 'vi', allowLoss: true });
  expect(outcome).toMatchObject({ ok: true, outcome: 'applied' });
}

const letters = (a: Analysis) => Object.values(a.tracking.columns).map((c) => String.fromCharCode(65 + c));

describe('the block goes where the file host would put it', () => {
  test('a hidden column right of the table is skipped, stays hidden and empty', async () => {
    const excel = createFakeExcel(seed((s) => (s.hiddenColumns = ['K'])));
    const before = excel.dump();
    const analysis = await checked(excel);
    // The table ends at I: the block takes J, then L onwards.
    expect(letters(analysis)).toEqual(['J', 'L', 'M', 'N', 'O']);
    const sheet = excel.dumpSheet(SHEET);
    expect(sheet.hiddenColumns).toContain('K');
    expect(Object.keys(sheet.cells).filter((a) => /^K\d+$/.test(a))).toEqual([]);
    await cleaned(excel);
    expect(excel.dump()).toEqual(before);
  });

  test('a drop-down of the user’s on an empty column right of the table: no tracking column goes over it', async () => {
    const excel = createFakeExcel(seed((s) => (s.validations = [{ address: 'J6:J21', list: ['Có', 'Không'] }])));
    const before = excel.dump();
    const analysis = await checked(excel);
    expect(letters(analysis)).toEqual(['K', 'L', 'M', 'N', 'O']);
    const sheet = excel.dumpSheet(SHEET);
    // The user's rule is whole and alone on J; the tool's status drop-down is on K.
    expect(sheet.validations.filter((v) => v.address.startsWith('J'))).toEqual([expect.objectContaining({ address: 'J6:J21' })]);
    expect(sheet.validations.some((v) => v.address.startsWith('K'))).toBe(true);
    expect(Object.keys(sheet.cells).filter((a) => /^J\d+$/.test(a))).toEqual([]);
    await cleaned(excel);
    expect(excel.dump()).toEqual(before);
  });

  test('a drop-down over rows above the table only does not keep the block away', async () => {
    const excel = createFakeExcel(seed((s) => (s.validations = [{ address: 'J1:J2', list: ['Có', 'Không'] }])));
    expect(letters(await checked(excel))).toEqual(['J', 'K', 'L', 'M', 'N']);
  });
});

describe('rows the user sized', () => {
  // One line of 13 pt text each (the standard row is 15 pt): every task row of the table.
  const sized = (s: FakeWorkbookSeed['sheets'][number]) => (s.rowHeights = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [String(6 + i), 16])));

  test('too low for their “Kiểm tra” text: they grow, the others keep their height, “Gỡ cột theo dõi” gives them back', async () => {
    const excel = createFakeExcel(seed(sized));
    const before = excel.dump();
    const analysis = await checked(excel);
    const sheet = excel.dumpSheet(SHEET);
    const heights = sheet.rowHeights;
    const check = String.fromCharCode(65 + analysis.tracking.columns.check);
    const text = (row: number) => String(sheet.cells[`${check}${row}`]?.value ?? '');
    const grown = Object.entries(heights).filter(([, h]) => h > 16).map(([row]) => Number(row));
    // Row 16 holds three issues in one long sentence: it needs several lines.
    expect(text(16).length).toBeGreaterThan(150);
    expect(grown).toContain(16);
    expect(heights['16']).toBeGreaterThanOrEqual(3 * 13);
    // Rows with no "Kiểm tra" text keep the user's height.
    for (const row of grown) expect(text(row)).not.toBe('');
    expect(text(7)).toBe('');
    expect(heights['7']).toBe(16);
    await cleaned(excel);
    expect(excel.dump()).toEqual(before);
  });

  test('a hidden row keeps its height and stays hidden', async () => {
    const excel = createFakeExcel(seed((s) => {
      sized(s);
      s.hiddenRows = [16];
    }));
    await checked(excel);
    const sheet = excel.dumpSheet(SHEET);
    expect(sheet.hiddenRows).toEqual([16]);
    expect(sheet.rowHeights['16']).toBe(16);
  });

  test('heights past the first sync’s share come with the bands: a sized row far down grows too', async () => {
    const plan = districtPlan(3_000).workbook;
    const fake = toFakeSeed(plan);
    const excel0 = createFakeExcel(fake);
    const analysis0 = await checked(excel0);
    // The last task with a data issue, far below the rows whose heights ride in the first sync.
    const check = String.fromCharCode(65 + analysis0.tracking.columns.check);
    const cells = excel0.dumpSheet(DISTRICT_SHEET).cells;
    const last = [...analysis0.tasks].reverse().find((t) => String(cells[`${check}${t.row + 1}`]?.value ?? '').length > 60)!;
    expect(last.row).toBeGreaterThan(2_000);
    fake.sheets[0].rowHeights = { [String(last.row + 1)]: 16 };
    const excel = createFakeExcel(fake);
    await checked(excel, 120_000);
    expect(excel.dumpSheet(DISTRICT_SHEET).rowHeights[String(last.row + 1)]).toBeGreaterThan(16);
  });
});

describe('taking it back, exactly', () => {
  test('the columns the block took get back the widths they had, the helper column too', async () => {
    // J, L and O (the helper) had widths of their own; K, M, N the sheet's default.
    const excel = createFakeExcel(seed((s) => (s.columnWidths = { ...s.columnWidths, J: 70, L: 130.5, O: 20 })));
    const before = excel.dump();
    await checked(excel);
    const widths = excel.dumpSheet(SHEET).columnWidths;
    expect(widths.J).not.toBe(70);
    expect(excel.dumpSheet(SHEET).hiddenColumns).toEqual(['O']);
    await cleaned(excel);
    expect(excel.dump()).toEqual(before);
  });

  test('the very hidden state sheet goes with the block when nothing is left to remember', async () => {
    const excel = createFakeExcel(seed());
    const before = excel.dump();
    await checked(excel);
    expect(excel.dump().sheets.map((s) => [s.name, s.visibility])).toContainEqual([STATE_SHEET_NAME, 'VeryHidden']);
    await cleaned(excel);
    expect(excel.dump().sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(excel.dump()).toEqual(before);
  });

  test('settings of the user’s keep the state sheet, without the sheet’s record', async () => {
    const excel = createFakeExcel(seed());
    await host(excel).saveSettings(settingsSchema.parse({ dueSoonDays: 14 }));
    await checked(excel);
    await cleaned(excel);
    const state = await host(excel).loadState();
    expect(state.settings.dueSoonDays).toBe(14);
    expect(state.tracking).toEqual({});
    expect(excel.dump().sheets.map((s) => s.name)).toEqual([SHEET, STATE_SHEET_NAME]);
  });

  test('“Gỡ tô màu” keeps the state sheet: the block is still there to take back', async () => {
    const excel = createFakeExcel(seed());
    await checked(excel);
    const outcome = await host(excel).clean!({ scope: 'highlights', lang: 'vi', allowLoss: false });
    expect(outcome.ok).toBe(true);
    expect(excel.dump().sheets.map((s) => s.name)).toEqual([SHEET, STATE_SHEET_NAME]);
    await cleaned(excel);
    expect(excel.dump().sheets.map((s) => s.name)).toEqual([SHEET]);
  });
});

describe('syncs', () => {
  test('100 and 20,000 rows with hidden columns, drop-downs and sized rows: read 2, write 1', async () => {
    const counts: number[] = [];
    for (const rows of [100, 20_000]) {
      const fake = toFakeSeed(districtPlan(rows).workbook);
      const sheet = fake.sheets[0];
      sheet.hiddenColumns = ['Z'];
      sheet.validations = [{ address: 'Y1:Y3', list: ['Có', 'Không'] }];
      sheet.rowHeights = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [String(10 + i * Math.floor(rows / 50)), 16]));
      const excel = createFakeExcel(fake);
      const analysis = await checked(excel);
      counts.push(excel.stats.syncs);
      expect(excel.maxResponseBytes()).toBeLessThan(4_500_000);
      expect(analysis.summary.tasks).toBe(rows);
    }
    expect(counts).toEqual([3, 3]);
  }, 60_000);
});

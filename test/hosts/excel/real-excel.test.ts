/**
 * What real Excel does that a lenient fake would hide: cell-edit mode (both error codes, and
 * delayForCellEdit for the ribbon), highlights that must be repainted, a workbook whose structure
 * is protected when the settings are saved, and a report's print setup within documented values.
 */
import { createExcelPlanHost, type ExcelRun } from '../../../src/hosts/excel';
import { pagesTallEnough } from '../../../src/hosts/excel/plan';
import { CF_TAG } from '../../../src/engine/tracking';
import { STATE_SHEET_NAME, defaultSettings } from '../../../src/engine/settings';
import { createFakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { congThuongPlan } from '../../fixtures/plans';

const AS_OF = '2024-06-01';
const plan = () => congThuongPlan as FakeWorkbookSeed;

describe('cell-edit mode', () => {
  test.each(['InvalidOperation', 'InvalidOperationInCellEditMode'] as const)('%s: one sentence saying to press Enter or Esc, nothing written', async (code) => {
    const excel = createFakeExcel(plan());
    const before = excel.dump();
    excel.startCellEdit(code);
    const host = createExcelPlanHost(excel.run);
    expect(await host.check({ asOf: AS_OF, lang: 'en' })).toEqual({ ok: false, message: 'Excel is editing a cell: press Enter or Esc and try again. Nothing was written.' });
    expect(await host.inspect({ asOf: AS_OF, lang: 'vi' })).toEqual({ ok: false, message: 'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại. Chưa có gì được ghi.' });
    expect(excel.dump()).toEqual(before);
  });

  test('refused at the write: Excel refused the whole batch, so nothing was written', async () => {
    const excel = createFakeExcel(plan());
    const before = excel.dump();
    excel.failSync(3, 'InvalidOperation', 'The request could not be processed because Excel is in cell-edit mode.');
    const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'en' });
    expect(outcome).toEqual({ ok: false, message: 'Excel is editing a cell: press Enter or Esc and try again. Nothing was written.' });
    expect(excel.dump()).toEqual(before);
  });

  test('another InvalidOperation keeps Excel’s words and still says what to try', async () => {
    const excel = createFakeExcel(plan());
    excel.failSync(1, 'InvalidOperation', 'The operation is not allowed now.');
    const outcome = await createExcelPlanHost(excel.run).inspect({ asOf: AS_OF, lang: 'en' });
    expect(outcome).toEqual({
      ok: false,
      message: 'Excel reported an error (InvalidOperation): The operation is not allowed now. If a cell is being edited, press Enter or Esc and try again. Nothing was written.',
    });
  });

  test('run with delayForCellEdit (the ribbon), the check waits for Enter and then completes', async () => {
    const excel = createFakeExcel(plan());
    excel.startCellEdit();
    const delayed: ExcelRun = (batch) => excel.run({ delayForCellEdit: true }, batch);
    let settled = false;
    const pending = createExcelPlanHost(delayed)
      .check({ asOf: AS_OF, lang: 'vi' })
      .then((o) => {
        settled = true;
        return o;
      });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(settled).toBe(false);
    excel.endCellEdit();
    expect((await pending).ok).toBe(true);
  });
});

test('the highlights are repainted: the sheet is calculated after the rules are added, in the same sync', async () => {
  const excel = createFakeExcel(plan());
  const outcome = await createExcelPlanHost(excel.run).check({ asOf: AS_OF, lang: 'vi' });
  expect(outcome.ok).toBe(true);
  const ours = excel.state.sheet('Phụ lục')!.conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG));
  expect(ours.length).toBeGreaterThan(0);
  expect(ours.every((c) => c.stale === false)).toBe(true);
  expect(excel.stats.syncs).toBe(3);
});

describe('saving settings in a workbook whose structure is protected', () => {
  test('without the state sheet: one sentence, nothing written', async () => {
    const excel = createFakeExcel({ ...plan(), structureProtected: true });
    const before = excel.dump();
    const host = createExcelPlanHost(excel.run);
    await expect(host.saveSettings({ ...defaultSettings(), lang: 'en' })).rejects.toThrow(
      'The workbook’s structure is protected, so the hidden sheet that stores the settings cannot be added: unprotect it (Review › Protect Workbook) and save again. Nothing was written.',
    );
    await expect(host.saveCorrection('Phụ lục', { I: 'note' })).rejects.toThrow(/^Sổ làm việc đang được bảo vệ cấu trúc/);
    expect(excel.dump()).toEqual(before);
  });

  test('with the state sheet already there: saved (only a cell changes)', async () => {
    const seed = plan();
    const excel = createFakeExcel({ ...seed, structureProtected: true, sheets: [...seed.sheets, { name: STATE_SHEET_NAME, rows: [['{}']], visibility: 'VeryHidden' }] });
    await createExcelPlanHost(excel.run).saveSettings({ ...defaultSettings(), dueSoonDays: 10 });
    expect(JSON.parse(String(excel.dumpSheet(STATE_SHEET_NAME).cells.A1.value)).settings.dueSoonDays).toBe(10);
  });
});

test('pages tall for "one page wide": at least one, growing with the rows and their heights', () => {
  const model = (rows: number, rowHeights?: Record<number, number>) => ({
    name: 'BC',
    cells: [{ row: rows - 1, col: 0, value: 'x' }],
    merges: [],
    columnWidths: {},
    print: { orientation: 'landscape' as const, paper: 'A4' as const, repeatRows: null, fitToWidth: true },
    chart: null,
    rowHeights,
  });
  expect(pagesTallEnough(model(1))).toBe(2);
  expect(pagesTallEnough(model(300))).toBe(Math.ceil((300 * 15) / 475) + 1);
  expect(pagesTallEnough(model(10, { 0: 400, 1: 400 }))).toBeGreaterThan(pagesTallEnough(model(10)));
});

test('a very hidden report sheet is replaced too: made hidden first, as deleting a very hidden sheet fails', async () => {
  const seed = JSON.parse(JSON.stringify(congThuongPlan)) as FakeWorkbookSeed;
  seed.sheets.push({ name: 'BC Quý II-2024', rows: [['bản cũ']], visibility: 'VeryHidden' });
  const excel = createFakeExcel(seed);
  const outcome = await createExcelPlanHost(excel.run).buildReport({ period: 'Q2', year: 2024, lang: 'vi', confirmReplace: async () => true });
  expect(outcome).toEqual({ ok: true, sheetName: 'BC Quý II-2024', replaced: true });
  const report = excel.dumpSheet('BC Quý II-2024');
  expect(report.visibility).toBe('Visible');
  expect(Object.values(report.cells).map((c) => c.value)).not.toContain('bản cũ');
});

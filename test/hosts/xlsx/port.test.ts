/**
 * The .xlsx host's WorkbookPort: which sheet it reads, what it reports as data (protection,
 * sheet names, stored state), and the copy apply() writes — or the CopyError it throws instead.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { analyzeSheet } from '../../../src/engine/analyze';
import { CopyError, openXlsxWorkbook, type OpenedWorkbook } from '../../../src/hosts/xlsx/port';
import type { SheetReadResult, SheetSnapshot } from '../../../src/usecases';
import { buildWorkbook, writeXlsx } from '../../../src/testing/plans/xlsx';
import { engineWording } from '../../../src/i18n/engine';
import { congThuongPlan } from '../../fixtures/plans';
import { tempDir } from '../../cli/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-port-');
  const appendix = congThuongPlan.sheets[0];
  await writeXlsx({ sheets: [{ name: 'Ghi chú', rows: [['Họp giao ban']] }, appendix, { name: 'Ẩn', rows: [['x']], visibility: 'hidden' }], activeSheet: 'Ghi chú' }, path.join(dir, 'plan.xlsx'));
  await writeXlsx({ sheets: [{ name: 'Trống', rows: [] }] }, path.join(dir, 'empty.xlsx'));
  const locked = buildWorkbook({ sheets: [appendix] });
  await locked.getWorksheet(appendix.name)!.protect('mat-khau', {});
  await locked.xlsx.writeFile(path.join(dir, 'locked.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function sheetOf(read: SheetReadResult): SheetSnapshot {
  if (!read.ok) throw new Error(JSON.stringify(read.refusal));
  return read.sheet;
}

describe('readSheet()', () => {
  test('finds the appendix among the visible sheets, and reports the others by name', async () => {
    const sheet = sheetOf(await (await openXlsxWorkbook(path.join(dir, 'plan.xlsx'))).readSheet({ forWriting: false }));
    expect(sheet.sheetName).toBe('Phụ lục');
    expect(sheet.grid.sheetName).toBe('Phụ lục');
    expect(sheet.sheetNames).toEqual(['Ghi chú', 'Phụ lục', 'Ẩn']);
    expect(sheet.protection).toEqual({ sheet: false, structure: false });
    expect(sheet.stateProblem).toBeNull();
  });

  test('a sheet asked for by name, ignoring case and accents; an unknown name is refused with the list', async () => {
    const byName = await openXlsxWorkbook(path.join(dir, 'plan.xlsx'), { sheet: 'ghi chu' });
    expect(sheetOf(await byName.readSheet({ forWriting: false })).sheetName).toBe('Ghi chú');
    const unknown = await openXlsxWorkbook(path.join(dir, 'plan.xlsx'), { sheet: 'PL' });
    expect(await unknown.readSheet({ forWriting: false })).toEqual({ ok: false, refusal: { code: 'no-such-sheet', wanted: 'PL', sheetNames: ['Ghi chú', 'Phụ lục', 'Ẩn'] } });
  });

  test('a workbook with nothing in it is refused as such', async () => {
    const workbook = await openXlsxWorkbook(path.join(dir, 'empty.xlsx'));
    expect(await workbook.readSheet({ forWriting: false })).toEqual({ ok: false, refusal: { code: 'empty-workbook' } });
  });

  test('sheet protection is read by the host and reported as data', async () => {
    const sheet = sheetOf(await (await openXlsxWorkbook(path.join(dir, 'locked.xlsx'))).readSheet({ forWriting: true }));
    expect(sheet.protection).toEqual({ sheet: true, structure: false });
  });
});

describe('apply()', () => {
  async function analysed(workbook: OpenedWorkbook) {
    const sheet = sheetOf(await workbook.readSheet({ forWriting: true }));
    const result = analyzeSheet(sheet.grid, { asOf: '2024-06-01', wording: engineWording('vi') });
    if (!result.ok) throw new Error(result.failure.message);
    return result.analysis;
  }

  test('writes the copy with the changes; the input is left as it was', async () => {
    const input = path.join(dir, 'plan.xlsx');
    const before = await fs.readFile(input);
    const copy = path.join(dir, 'copy.xlsx');
    const workbook = await openXlsxWorkbook(input, { copyTo: copy });
    const analysis = await analysed(workbook);
    expect(await workbook.apply(analysis.changes)).toEqual({ skipped: [] });
    const reread = sheetOf(await (await openXlsxWorkbook(copy, { sheet: 'Phụ lục' })).readSheet({ forWriting: false }));
    expect(reread.grid.values[4]).toEqual(expect.arrayContaining(['Tình trạng', 'Kiểm tra']));
    expect(await fs.readFile(input)).toEqual(before);
  });

  test('a change set that does not fit, or a folder that is not there: a CopyError, no file', async () => {
    const bad = await openXlsxWorkbook(path.join(dir, 'plan.xlsx'), { copyTo: path.join(dir, 'bad.xlsx') });
    const analysis = await analysed(bad);
    const misfit = { ...analysis.changes, writes: [{ range: { top: 6, left: 10, bottom: 7, right: 10 }, values: [['a'], ['b'], ['c']] }] };
    await expect(bad.apply(misfit)).rejects.toEqual(expect.objectContaining({ name: 'CopyError', code: 'invalid-changes' }));
    await expect(fs.stat(path.join(dir, 'bad.xlsx'))).rejects.toThrow();

    const nowhere = await openXlsxWorkbook(path.join(dir, 'plan.xlsx'), { copyTo: path.join(dir, 'missing', 'copy.xlsx') });
    const error = await nowhere.apply((await analysed(nowhere)).changes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyError);
    expect((error as CopyError).code).toBe('no-directory');
  });
});

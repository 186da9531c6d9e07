import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue, Grid } from '../../../src/engine/model';
import { serialToISO } from '../../../src/engine/dates';
import { STATE_SHEET_NAME } from '../../../src/engine/settings';
import { toGrid } from '../../../src/testing/plans';
import { buildWorkbook, writeXlsx } from '../../../src/testing/plans/xlsx';
import { dateToSerial, serialToDate } from '../../../src/hosts/xlsx/cell-value';
import { openWorkbook, readWorkbook, WorkbookOpenError } from '../../../src/hosts/xlsx/read';
import { APPENDIX_SHEET, appendixSheet, planWorkbook, SERIAL_2024_06_30 } from './fixtures/plan-tnmt';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Trailing empties trimmed, so a fixture's ragged rows compare with what a file stores. */
function trimmed(values: CellValue[][]): CellValue[][] {
  const out = values.map((line) => {
    const copy = line.map((v) => (v === '' ? null : v));
    while (copy.length && copy[copy.length - 1] === null) copy.pop();
    return copy;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

async function roundTrip(fixture: Parameters<typeof writeXlsx>[0], name: string) {
  const file = path.join(dir, name);
  await writeXlsx(fixture, file);
  return readWorkbook(await openWorkbook(file));
}

describe('reading a plan workbook into grids', () => {
  test('every cell reads as the fixture defines it: text, numbers, dates as serials, formulas, errors, merges, hidden rows', async () => {
    const read = await roundTrip(planWorkbook(), 'plan.xlsx');
    const sheet = read.sheets.find((s) => s.name === APPENDIX_SHEET)!;
    const expected: Grid = toGrid(appendixSheet());
    expect(trimmed(sheet.grid.values)).toEqual(trimmed(expected.values));
    expect(sheet.grid.merges).toEqual(expect.arrayContaining(expected.merges));
    expect(sheet.grid.merges).toHaveLength(expected.merges.length);
    expect(sheet.grid.hiddenRows).toEqual([19]);
    expect(sheet.grid.date1904).toBe(false);
    expect(sheet.grid.origin).toEqual({ row: 0, col: 0 });
    // The real date and the formula's cached date come back as serials of the right days.
    expect(sheet.grid.values[15][6]).toBe(SERIAL_2024_06_30);
    expect(serialToISO(sheet.grid.values[21][6] as number, false)).toBe('2024-03-31');
    // The error value reads as its text; the merged header parent's second cell reads as "".
    expect(sheet.grid.values[22][4]).toBe('#REF!');
    expect(sheet.grid.values[5][5]).toBe('');
  });

  test('the active sheet is found by position among the sheets, prose sheet included', async () => {
    const read = await roundTrip(planWorkbook(), 'active.xlsx');
    expect(read.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', APPENDIX_SHEET]);
    expect(read.activeIndex).toBe(1);
    const first = await roundTrip({ ...planWorkbook(), activeSheet: 'Hướng dẫn' }, 'active0.xlsx');
    expect(first.activeIndex).toBe(0);
  });

  test('a 1904-system workbook gives 1904 serials for the same calendar days', async () => {
    const read = await roundTrip(planWorkbook({ date1904: true }), 'plan1904.xlsx');
    const grid = read.sheets[1].grid;
    expect(read.date1904).toBe(true);
    expect(grid.date1904).toBe(true);
    expect(grid.values[15][6]).toBe(SERIAL_2024_06_30 - 1462);
    expect(serialToISO(grid.values[15][6] as number, true)).toBe('2024-06-30');
    expect(serialToISO(grid.values[21][6] as number, true)).toBe('2024-03-31');
  });

  test.each([false, true])('date serials survive exceljs exactly in any time zone (date1904=%s)', (date1904) => {
    // The conversion is pure UTC arithmetic; a few serials across the range, including a time of day.
    for (const serial of [1, 59, 61, 1462, 36526, 45306, 45657, 2958465, 45306.5, 45306.25]) {
      expect(dateToSerial(serialToDate(serial, date1904), date1904)).toBeCloseTo(serial, 9);
    }
    expect(dateToSerial(serialToDate(45306, date1904), date1904)).toBe(45306);
  });

  test('rich text is flattened, decomposed Unicode becomes NFC, hyperlinks read as their text, booleans stay booleans', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Phụ lục');
    const nfd = 'Văn phòng Sở'.normalize('NFD');
    ws.getCell('A1').value = nfd;
    ws.getCell('B1').value = { richText: [{ text: 'Kế hoạch ', font: { bold: true } }, { text: 'số 12/KH-SNV' }] };
    ws.getCell('C1').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
    ws.getCell('D1').value = true;
    ws.getCell('E1').value = { formula: 'A1&"x"', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    ws.getCell('F1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell('G1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    ws.getCell('H1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('I1').value = { text: 'Phụ lục', hyperlink: "#'Phụ lục'!A1" };
    const file = path.join(dir, 'values.xlsx');
    await workbook.xlsx.writeFile(file);
    const grid = readWorkbook(await openWorkbook(file)).sheets[0].grid;
    expect(grid.values[0]).toEqual([
      'Văn phòng Sở'.normalize('NFC'),
      'Kế hoạch số 12/KH-SNV',
      'Cổng dịch vụ công',
      true,
      '#N/A',
      2,
      null,
      '#DIV/0!',
      'Phụ lục',
    ]);
    expect((grid.values[0][0] as string) === nfd).toBe(false);
  });

  test('the stored workbook state is read from the very hidden sheet, and damaged state gives defaults with the reason', async () => {
    const state = { version: 1, corrections: { [APPENDIX_SHEET]: { E: 'lead' } }, settings: { planYear: 2024, dueSoonDays: 14 } };
    const good = buildWorkbook(planWorkbook());
    const hidden = good.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' });
    hidden.getCell('A1').value = JSON.stringify(state);
    const goodFile = path.join(dir, 'state.xlsx');
    await good.xlsx.writeFile(goodFile);
    const read = readWorkbook(await openWorkbook(goodFile));
    expect(read.sheets.map((s) => s.name)).not.toContain(STATE_SHEET_NAME);
    expect(read.state.corrections[APPENDIX_SHEET]).toEqual({ E: 'lead' });
    expect(read.state.settings.planYear).toBe(2024);
    expect(read.state.settings.dueSoonDays).toBe(14);
    expect(read.stateProblem).toBeNull();

    const bad = buildWorkbook(planWorkbook());
    bad.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' }).getCell('A1').value = '{"version": 7';
    const badFile = path.join(dir, 'badstate.xlsx');
    await bad.xlsx.writeFile(badFile);
    const readBad = readWorkbook(await openWorkbook(badFile));
    expect(readBad.stateProblem).toMatch(/JSON/);
    expect(readBad.state.corrections).toEqual({});
  });
});

describe('files that are not workbooks', () => {
  async function failure(name: string, content: Buffer | null): Promise<WorkbookOpenError> {
    const file = path.join(dir, name);
    if (content) await fs.writeFile(file, content);
    try {
      await openWorkbook(file);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookOpenError);
      return e as WorkbookOpenError;
    }
    throw new Error('openWorkbook accepted a bad file');
  }

  test('missing, directory, text, empty, truncated, old .xls, encrypted, another zip', async () => {
    expect((await failure('nope.xlsx', null)).code).toBe('missing');
    await fs.mkdir(path.join(dir, 'folder.xlsx'));
    expect((await failure('folder.xlsx', null)).code).toBe('not-a-file');
    expect((await failure('notes.xlsx', Buffer.from('STT;Nhiệm vụ;Chủ trì\n1;Rà soát;Văn phòng\n'))).code).toBe('not-workbook');
    expect((await failure('empty.xlsx', Buffer.alloc(0))).code).toBe('not-workbook');
    const whole = Buffer.from(await buildWorkbook(planWorkbook()).xlsx.writeBuffer());
    expect((await failure('truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))).code).toBe('damaged');
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect((await failure('old.xls', cfb)).code).toBe('old-xls');
    expect((await failure('locked.xlsx', Buffer.concat([cfb, Buffer.from('EncryptionInfo', 'utf16le')]))).code).toBe('encrypted');
    // A zip that is not a workbook (exceljs's own zip writer makes one holding only a text file).
    const zip = new JSZip();
    zip.file('readme.txt', 'không phải bảng tính');
    const zipBuffer: Buffer = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await failure('other.zip.xlsx', zipBuffer)).code).toBe('not-workbook');
  });
});

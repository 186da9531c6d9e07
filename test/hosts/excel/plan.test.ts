/** The executor's small rules: which text Excel would not keep as typed, units, address lists,
 * grouping of merges, and packing under a byte budget. */
import { charactersToPoints, excelWouldConvert } from '../../../src/hosts/excel';
import { mergeRuns, planChangeSet, type PlanContext } from '../../../src/hosts/excel/plan';
import { executePlan } from '../../../src/hosts/excel/apply';
import { packGroups, rowBlocks, textMask } from '../../../src/hosts/excel/payload';
import { ChangeSetError } from '../../../src/hosts/change-set-error';
import { ChangeSetError as XlsxChangeSetError } from '../../../src/hosts/xlsx';
import { parseA1Areas, parseA1Range, splitAreas } from '../../../src/engine/a1';
import type { ChangeSet } from '../../../src/engine/model';
import { createFakeExcel } from '../../../src/testing/fake-excel';
import { reportSheetModel } from '../xlsx/fixtures/tracking-changes';

describe('text Excel would change on entry', () => {
  test.each([
    ['- Kế hoạch - Báo cáo', true],
    ['=SUM(A1:A3)', true],
    ['+84 912 345 678', true],
    ['@Phòng Nội vụ', true],
    ["'01", true],
    ['01/03/2024', true],
    ['15/3', true],
    ['30%', true],
    ['2024', true],
    ['12:30', true],
    ['TRUE', true],
    ['Mar 2024', true],
    ['5-Mar', true],
    ['Quý I/2024', false],
    ['Thiếu đơn vị chủ trì; hạn 31/03/2024 đã qua', false],
    ['Hoàn thành', false],
    ['3 cuộc kiểm tra', false],
    ['', false],
  ])('%j → %s', (text, converted) => {
    expect(excelWouldConvert(text)).toBe(converted);
  });

  test('the Text mask marks only those cells, and is absent when none needs it', () => {
    expect(textMask([['Hoàn thành', 45382, '- Công văn'], [null, '', 'Báo cáo']])).toEqual([[null, null, '@'], [null, null, null]]);
    expect(textMask([['Hoàn thành', 45382]])).toBeNull();
  });
});

test('column widths: characters of the default font to points', () => {
  // Excel shows 8.43 characters = 64 pixels = 48 points for its standard column.
  expect(charactersToPoints(8.43)).toBe(48);
  expect(charactersToPoints(16)).toBe(87.75);
  expect(charactersToPoints(0)).toBe(3.75);
});

test('RangeAreas addresses: sheet names quoted, with commas, split correctly', () => {
  expect(splitAreas("'Phụ lục, 2024'!A1:C4, 'Phụ lục, 2024'!A6:C9")).toEqual(["'Phụ lục, 2024'!A1:C4", "'Phụ lục, 2024'!A6:C9"]);
  expect(parseA1Areas("Sheet1!B2, Sheet1!$D$5:$E$9,'It''s'!A1")).toEqual([parseA1Range('B2'), parseA1Range('D5:E9'), parseA1Range('A1')]);
});

test('one-row merges over the same columns on consecutive rows become one merge across', () => {
  const r = (a: string) => parseA1Range(a);
  expect(mergeRuns([r('B21:E21'), r('B22:E22'), r('B23:E23'), r('B25:E25'), r('A1:K1'), r('A5:A6'), r('C24:E24')])).toEqual([
    { address: 'A5:A6', across: false },
    { address: 'A1:K1', across: false },
    { address: 'B21:E23', across: true },
    { address: 'B25:E25', across: false },
    { address: 'C24:E24', across: false },
  ]);
});

test('rows are cut into blocks under a byte size, and operations packed in order under a budget', () => {
  expect(rowBlocks([40, 40, 40, 100, 10], 100)).toEqual([
    { start: 0, end: 2, bytes: 80 },
    { start: 2, end: 3, bytes: 40 },
    { start: 3, end: 4, bytes: 100 },
    { start: 4, end: 5, bytes: 10 },
  ]);
  expect(rowBlocks([5, 5, 5, 5, 5], 1000, 2).map((b) => [b.start, b.end])).toEqual([[0, 2], [2, 4], [4, 5]]);
  const ops = [{ bytes: 60 }, { bytes: 30 }, { bytes: 20 }, { bytes: 90 }, { bytes: 200 }];
  expect(packGroups(ops, 100).map((g) => g.map((o) => o.bytes))).toEqual([[60, 30], [20], [90], [200]]);
});

describe('numeric change sets to Office.js addresses', () => {
  const context: PlanContext = { sheetName: 'Phụ lục', sheets: [{ name: 'Phụ lục', position: 0 }], customFormats: [], lang: 'en', pieceBytes: 100_000 };
  const empty: ChangeSet = { sheet: 'Phụ lục', writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [] };

  test('a report sheet lands on the cells, columns and rows its numbers name', async () => {
    const excel = createFakeExcel({ sheets: [{ name: 'Phụ lục', rows: [['x']] }] });
    await excel.run(async (ctx) => {
      await executePlan(ctx, planChangeSet({ ...empty, sheets: [reportSheetModel()] }, context), 4_500_000);
    });
    const dump = excel.dumpSheet('BC Quý I-2024');
    expect(dump.cells.B6.formula).toBe('=SUM(B4:B5)');
    expect(dump.cells.A8.hyperlink?.documentReference).toBe("'Phụ lục'!C12");
    expect(dump.merges).toEqual(['A1:F1']);
    expect(Object.keys(dump.columnWidths)).toEqual(['A', 'B']);
    expect(Object.keys(dump.rowHeights)).toEqual(['8']);
    expect(dump.pageLayout.printTitleRows).toBe('3:3');
    expect(dump.cells.A1.style).toMatchObject({ fontName: 'Times New Roman', underline: 'Single', fontSize: 14, bold: true });
    // Millimetres to points: 20 mm = 56.69 pt, 30 mm = 85.04 pt, 15 mm = 42.52 pt, 10 mm = 28.35 pt.
    expect(dump.pageLayout.margins).toEqual({ top: 56.69, bottom: 56.69, left: 85.04, right: 42.52, header: 28.35, footer: 28.35 });
    expect(dump.pageLayout.headersFooters).toMatchObject({ state: 'FirstAndDefault', defaultForAllPages: { centerHeader: '&"Times New Roman,Regular"&13&P' }, firstPage: { centerHeader: '' } });
    expect(dump.charts).toMatchObject([{ source: "'BC Quý I-2024'!A3:B5", topLeft: 'D3', bottomRight: 'J15' }]);
  });

  test('a range off the sheet is refused with the error the exceljs host throws too', () => {
    const off = { ...empty, writes: [{ range: { top: -1, left: 0, bottom: 0, right: 0 }, values: [['a'], ['b']] }] };
    expect(ChangeSetError).toBe(XlsxChangeSetError);
    expect(() => planChangeSet(off, context)).toThrow(ChangeSetError);
    expect(() => planChangeSet(off, context)).toThrow('values: {"top":-1,"left":0,"bottom":0,"right":0} is not a range of the sheet');
    const reversed = { ...empty, formats: [{ range: { top: 5, left: 3, bottom: 4, right: 3 }, bold: true }] };
    expect(() => planChangeSet(reversed, context)).toThrow(ChangeSetError);
  });
});

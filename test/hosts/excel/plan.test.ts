/** The executor's small rules: which text Excel would not keep as typed, units, address lists,
 * grouping of merges, and packing under a byte budget. */
import { charactersToPoints, excelWouldConvert } from '../../../src/hosts/excel';
import { areasRects, splitAreas } from '../../../src/hosts/excel/address';
import { mergeRuns } from '../../../src/hosts/excel/plan';
import { packGroups, rowBlocks, textMask } from '../../../src/hosts/excel/payload';
import { parseA1Range } from '../../../src/engine/text';

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
  expect(areasRects("Sheet1!B2, Sheet1!$D$5:$E$9,'It''s'!A1")).toEqual([parseA1Range('B2'), parseA1Range('D5:E9'), parseA1Range('A1')]);
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

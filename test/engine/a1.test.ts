/**
 * The one A1 module (src/engine/a1.ts) and Excel's sheet-name rule: what the hosts send to
 * Office.js and exceljs, and what they read back.
 */
import fc from 'fast-check';
import { MAX_COLS, MAX_ROWS, a1, a1Range, columnIndex, columnLetter, parseA1Areas, parseA1Range, parseQualifiedA1, qualifiedA1, quoteSheet, splitAreas, wholeColumns, wholeRows } from '../../src/engine/a1';
import { sameSheetName } from '../../src/engine/text';

describe('columns', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [MAX_COLS - 1, 'XFD'],
  ])('%i ↔ %s', (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  test('every column survives the round trip', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COLS - 1 }), (col) => columnIndex(columnLetter(col)) === col));
  });
});

describe('references', () => {
  test('cells, ranges and anchors', () => {
    expect(a1(6, 1)).toBe('B7');
    expect(a1(6, 1, 'col')).toBe('$B7');
    expect(a1(6, 1, 'row')).toBe('B$7');
    expect(a1(6, 1, 'both')).toBe('$B$7');
    expect(a1Range({ top: 6, left: 1, bottom: 6, right: 1 })).toBe('B7');
    expect(a1Range({ top: 6, left: 1, bottom: 19, right: 5 })).toBe('B7:F20');
  });

  test('whole columns and whole rows are written as Excel writes them', () => {
    expect(a1Range(wholeColumns(1, 3))).toBe('B:D');
    expect(a1Range(wholeColumns(1, 1))).toBe('B:B');
    expect(a1Range(wholeRows(20, 39))).toBe('21:40');
    expect(a1Range(wholeRows(0, 4), 'row')).toBe('$1:$5');
  });

  test('every range survives the round trip through A1 text', () => {
    const index = (max: number) => fc.integer({ min: 0, max: max - 1 });
    fc.assert(
      fc.property(index(MAX_ROWS), index(MAX_ROWS), index(MAX_COLS), index(MAX_COLS), (r1, r2, c1, c2) => {
        const range = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
        expect(parseA1Range(a1Range(range))).toEqual(range);
      }),
    );
  });
});

describe('parsing what Excel and exceljs hand back', () => {
  test('anchors, lower case, reversed corners, whole columns and rows', () => {
    expect(parseA1Range('$D$5:$E$9')).toEqual({ top: 4, left: 3, bottom: 8, right: 4 });
    expect(parseA1Range('e9:d5')).toEqual({ top: 4, left: 3, bottom: 8, right: 4 });
    expect(parseA1Range('B:D')).toEqual(wholeColumns(1, 3));
    expect(parseA1Range('$3:$7')).toEqual(wholeRows(2, 6));
  });

  test('the sheet name is split off and unquoted', () => {
    expect(parseQualifiedA1('Sheet1!A1:H40')).toEqual({ sheet: 'Sheet1', range: { top: 0, left: 0, bottom: 39, right: 7 } });
    expect(parseQualifiedA1("'Phụ lục 1'!B7")).toEqual({ sheet: 'Phụ lục 1', range: { top: 6, left: 1, bottom: 6, right: 1 } });
    expect(parseQualifiedA1("'It''s!'!C3").sheet).toBe("It's!");
    expect(parseQualifiedA1('C3').sheet).toBeNull();
  });

  test('nonsense and cells outside the grid are refused', () => {
    for (const bad of ['', 'A', '7', 'A0', 'B7:', 'A1:B2:C3', 'XFE1', 'A1048577', 'SUM(A1)']) {
      expect(() => parseA1Range(bad)).toThrow(/not an A1 address/);
    }
  });

  test('area lists split on the commas between areas only', () => {
    expect(splitAreas("'Phụ lục, 2024'!A1:C4, 'Phụ lục, 2024'!A6:C9")).toEqual(["'Phụ lục, 2024'!A1:C4", "'Phụ lục, 2024'!A6:C9"]);
    expect(parseA1Areas("Sheet1!B2, Sheet1!$D$5:$E$9,'It''s'!A1")).toEqual([parseA1Range('B2'), parseA1Range('D5:E9'), parseA1Range('A1')]);
    expect(() => parseA1Areas('A1,,B2')).toThrow(/not an A1 address/);
  });
});

describe('sheet names in references', () => {
  test.each([
    ['Sheet1', 'Sheet1'],
    ['Data_2024.v2', 'Data_2024.v2'],
    ['Phụ lục', "'Phụ lục'"],
    ['Phụ lục 1', "'Phụ lục 1'"],
    ["It's", "'It''s'"],
    ['2024', "'2024'"],
    ['A1', "'A1'"],
    ['XFD100', "'XFD100'"],
    ['R1C1', "'R1C1'"],
    ['R', "'R'"],
    ['c', "'c'"],
    ['BC Quý I-2024', "'BC Quý I-2024'"],
  ])('%s → %s', (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
    expect(parseQualifiedA1(`${quoteSheet(name)}!A1`).sheet).toBe(name);
  });

  test('a qualified reference', () => {
    expect(qualifiedA1('Phụ lục', { top: 8, left: 1, bottom: 8, right: 1 })).toBe("'Phụ lục'!B9");
  });

  test('names compare as Excel compares them: NFC, any case', () => {
    expect(sameSheetName('Phụ lục', 'PHỤ LỤC')).toBe(true);
    expect(sameSheetName('Phụ lục'.normalize('NFD'), 'phụ lục')).toBe(true);
    expect(sameSheetName('Phụ lục', 'Phu luc')).toBe(false);
    expect(sameSheetName('Phụ lục', 'Phụ lục ')).toBe(false);
  });
});

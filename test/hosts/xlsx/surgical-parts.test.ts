/**
 * The small pieces of the surgical writer: moving a formula's references (for a shared formula
 * handed to its next cell), the element scanner, rectangle subtraction for validations, and a
 * sheet taken out of workbook.xml.
 */
import { shiftFormula } from '../../../src/hosts/xlsx/surgical/formula-shift';
import { childElements, cleanText, escapeAttr, unescapeXml, xstring } from '../../../src/hosts/xlsx/surgical/xml';
import { subtract, sqrefArea } from '../../../src/hosts/xlsx/surgical/worksheet-parts';
import { parseA1Range as r } from '../../../src/engine/a1';
import { WorkbookXml } from '../../../src/hosts/xlsx/surgical/workbook';

describe('moving a formula', () => {
  test.each([
    ['A1+B$2+$C3+$D$4', 1, 1, 'B2+C$2+$C4+$D$4'],
    ['SUM(A1:A3)*LOG10(B1)', 2, 0, 'SUM(A3:A5)*LOG10(B3)'],
    ['"A1"&\'Phụ lục\'!B2&Sheet1!C3', 1, 0, '"A1"&\'Phụ lục\'!B3&Sheet1!C4'],
    ['SUM(A:A)+SUM(1:1)+SUM($B:$B)', 1, 1, 'SUM(B:B)+SUM(2:2)+SUM($B:$B)'],
    ['Table1[[#This Row],[A1]]+A1', 1, 0, 'Table1[[#This Row],[A1]]+A2'],
    ['[1]DanhMuc!$B$5+B5', 1, 0, '[1]DanhMuc!$B$5+B6'],
    ['A1', -1, 0, '#REF!'],
    ['TRUE+1E5+ABC', 1, 1, 'TRUE+1E5+ABC'],
  ])('%s moved by (%d, %d)', (formula, dRow, dCol, expected) => {
    expect(shiftFormula(formula, dRow, dCol)).toBe(expected);
  });
});

describe('XML helpers', () => {
  test('the scanner lists one level, past comments, CDATA and ">" inside attribute values', () => {
    const xml = '<a><!-- <b/> --><b x=">"/><c><d/></c><![CDATA[<e/>]]><f></f></a>';
    const [root] = childElements(xml);
    expect(childElements(xml, root.contentStart, root.contentEnd).map((e) => xml.slice(e.start, e.end))).toEqual(['<b x=">"/>', '<c><d/></c>', '<f></f>']);
  });

  test('escaping round-trips; illegal characters go; text is NFC; _xHHHH_ is protected', () => {
    expect(unescapeXml(escapeAttr('a&b<c>"d"\te\n'))).toBe('a&b<c>"d"\te\n');
    expect(cleanText('a\u0000b\u001fc\uFFFEd\uDC00e😀f\u0009\n\r')).toBe('abcde😀f\t\n\r');
    expect(cleanText('Phu\u0323 lu\u0323c')).toBe('Phụ lục');
    expect(xstring('_x000D_ and _x_')).toBe('_x005F_x000D_ and _x_');
  });
});

describe('validation areas', () => {
  test('a rectangle minus the cells of another', () => {
    expect(subtract(r('A1:E9'), r('C3:D4')).map(sqrefArea)).toEqual(['A1:E2', 'A5:E9', 'A3:B4', 'E3:E4']);
    expect(subtract(r('A1:A9'), r('A1:A9'))).toEqual([]);
    expect(subtract(r('A1:A9'), r('C1:C9')).map(sqrefArea)).toEqual(['A1:A9']);
    expect(sqrefArea(r('B:B'))).toBe('B1:B1048576');
  });
});

describe('removing a sheet from workbook.xml', () => {
  const xml =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView activeTab="2" firstSheet="2"/></bookViews>' +
    '<sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/><sheet name="CCHC_State" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="Báo cáo" sheetId="3" r:id="rId3"/></sheets>' +
    '<definedNames><definedName name="CCHC_AsOf" localSheetId="0">\'Phụ lục\'!$M$4</definedName><definedName name="X" localSheetId="1">1</definedName>' +
    '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Báo cáo\'!$1:$3</definedName><definedName name="Global">1</definedName></definedNames></workbook>';

  test('its entry and its names go; later sheets’ names and the views count one less', () => {
    const book = new WorkbookXml(xml);
    book.removeSheet(1);
    expect(book.sheets().map((s) => [s.name, s.index])).toEqual([
      ['Phụ lục', 0],
      ['Báo cáo', 1],
    ]);
    expect(book.definedNames().map((d) => [d.name, d.localSheetId])).toEqual([
      ['CCHC_AsOf', '0'],
      ['_xlnm.Print_Titles', '1'],
      ['Global', undefined],
    ]);
    expect(book.xml).toContain('<workbookView activeTab="1" firstSheet="1"/>');
  });
});

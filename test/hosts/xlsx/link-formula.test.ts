/**
 * Links of a report written to a file are HYPERLINK formulas (LibreOffice clips hyperlinked
 * cells to one line): Excel's limits on a text constant (255 characters) and a formula (8,192)
 * are kept, line breaks and quotes survive, and what cannot be a formula stays a plain link.
 */
import { linkFormula } from '../../../src/hosts/xlsx/link-formula';

const ROW = { sheet: 'Phụ lục', row: 14, col: 2 };

test('the text and the place it jumps to; quotes doubled, a number stays a number', () => {
  expect(linkFormula('Rà soát "văn bản"', ROW)).toBe('HYPERLINK("#\'Phụ lục\'!C15","Rà soát ""văn bản""")');
  expect(linkFormula(43, ROW)).toBe('HYPERLINK("#\'Phụ lục\'!C15",43)');
  expect(linkFormula('x', { sheet: "Kế hoạch của 'Sở'", row: 0, col: 0 })).toBe('HYPERLINK("#\'Kế hoạch của \'\'Sở\'\'\'!A1","x")');
});

test('a text over 255 characters is joined from constants of at most 255; a line break is CHAR(10)', () => {
  const long = 'á'.repeat(600);
  const formula = linkFormula(`${long}\nPhòng Tổ chức cán bộ`, ROW)!;
  const constants = [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]).slice(1);
  expect(constants.map((c) => c.length)).toEqual([255, 255, 90, 'Phòng Tổ chức cán bộ'.length]);
  expect(formula).toContain('"&CHAR(10)&"Phòng Tổ chức cán bộ")');
  expect(constants.slice(0, 3).join('')).toBe(long);
});

test('a formula that would pass 8,192 characters is not made', () => {
  expect(linkFormula('a'.repeat(8000), ROW)).not.toBeNull();
  expect(linkFormula('a'.repeat(8200), ROW)).toBeNull();
});

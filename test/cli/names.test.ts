/**
 * Sheet names compared as Excel compares them (any case, NFC): `report --out` on an input that
 * already has a sheet named like the report but for case replaces it, as the report's replace
 * rule says, instead of failing.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { PLAN_2024, APPENDIX_SHEET } from '../report/plan-fixture';
import { runCli, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-names-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test.each([
  ['lower case', 'bc quý i-2024'],
  ['upper case, decomposed (NFD)', 'BC QUÝ I-2024'.normalize('NFD')],
])('report --out replaces a sheet named like the report but for %s', async (_label, name) => {
  const input = path.join(dir, `case-${name.length}-${_label.length}.xlsx`);
  await writeXlsx({ sheets: [PLAN_2024, { name, rows: [['bản nháp cũ']] }] }, input);
  const result = await runCli(['report', path.basename(input), '--period', 'Q1', '--out', 'out.xlsx'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  expect(result.stdout).toMatch(/thay trang cùng tên/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, 'out.xlsx'));
  // One sheet for the report, under the report's own name, where the old one stood (the
  // add-in's very hidden state sheet is not one the user sees).
  expect(book.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name)).toEqual([APPENDIX_SHEET, 'BC Quý I-2024']);
  expect(JSON.stringify(book.getWorksheet('BC Quý I-2024')!.getSheetValues())).not.toContain('bản nháp cũ');
});

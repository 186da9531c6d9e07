/**
 * End to end with a real spreadsheet program: `cchc-plan validate --out` writes a copy, and
 * LibreOffice (headless) opens it, prints it to PDF and exports every sheet "as shown" to CSV.
 * The tracking columns and the issues must be in what LibreOffice prints, the due dates must be
 * real dates, and the user's own cells must read exactly as they did in the original.
 *
 * Needs soffice (Debian: libreoffice-calc) and pdftotext (poppler-utils); .ci/run installs them.
 */
import path from 'path';
import { run } from '../../src/cli/main';
import { validateJsonSchema, type ValidateJson } from '../../src/contract/validate-json';
import { buildWorkbook } from '../../src/testing/plans/xlsx';
import { APPENDIX_SHEET, planWorkbook } from '../hosts/xlsx/fixtures/plan-tnmt';
import { snapshotRange } from '../hosts/xlsx/helpers';
import { pdfText, readCsv, startOffice, type Office } from './harness/libreoffice';

const USER_COLUMNS = 9; // A–I
const USER_RANGE = 'A1:I32';

let dir: string;
let office: Office;
let json: ValidateJson;
const input = () => path.join(dir, 'ke-hoach.xlsx');
const output = () => path.join(dir, 'ke-hoach-da-kiem-tra.xlsx');

beforeAll(async () => {
  office = await startOffice('cchc-e2e-lo-');
  dir = office.dir;
  // The user's workbook, with a note on a cell as real ones have.
  const workbook = buildWorkbook(planWorkbook());
  workbook.getWorksheet(APPENDIX_SHEET)!.getCell('C10').note = 'Phối hợp với Sở Tư pháp';
  await workbook.xlsx.writeFile(input());
  let stdout = '';
  let stderr = '';
  const code = await run(['validate', input(), '--out', output(), '--as-of', '2024-07-15', '--json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    today: () => '2024-07-15',
  });
  expect(stderr).toBe('');
  expect(code).toBe(1);
  json = validateJsonSchema.parse(JSON.parse(stdout));
});

afterAll(async () => {
  await office.close();
});

test('LibreOffice prints the tracking columns and the issues of the checked copy', async () => {
  const [pdf] = await office.toPdf([output()]);
  const text = (await pdfText(pdf, false)).replace(/\s+/g, ' ');
  for (const header of ['Tình trạng', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Hạn chót', 'Kiểm tra']) expect(text).toContain(header);
  const row12 = json.rows.find((r) => r.row === 12);
  const leadMissing = row12?.kind === 'task' ? row12.issues.find((i) => i.code === 'lead-missing') : undefined;
  expect(leadMissing).toBeDefined();
  expect(text).toContain(leadMissing!.message);
  // The user's own words are printed too (a cell's text may wrap onto a second line, between
  // other cells' text).
  expect(text).toContain('Văn phòng Đăng ký đất');
});

test('the user cells read the same in LibreOffice before and after; due dates are real dates', async () => {
  await office.exportCsv(input(), path.join(dir, 'before'));
  await office.exportCsv(output(), path.join(dir, 'after'));
  const before = await readCsv(path.join(dir, 'before', `ke-hoach-${APPENDIX_SHEET}.csv`));
  const after = await readCsv(path.join(dir, 'after', `ke-hoach-da-kiem-tra-${APPENDIX_SHEET}.csv`));
  expect(before.length).toBeGreaterThan(30);
  expect(after.length).toBe(before.length);
  for (let r = 0; r < before.length; r++) {
    expect({ row: r + 1, cells: after[r].slice(0, USER_COLUMNS) }).toEqual({ row: r + 1, cells: before[r].slice(0, USER_COLUMNS) });
  }
  // The other sheet is untouched as well.
  expect(await readCsv(path.join(dir, 'after', 'ke-hoach-da-kiem-tra-Hướng dẫn.csv'))).toEqual(await readCsv(path.join(dir, 'before', 'ke-hoach-Hướng dẫn.csv')));
  // "Hạn chót" holds a real date LibreOffice formats as a day, for the task due 30/06/2024.
  const dueColumn = json.table.tracking.dueDate.charCodeAt(0) - 65;
  const task16 = json.rows.find((r) => r.row === 16);
  expect(task16?.kind === 'task' && task16.deadline.due).toBe('2024-06-30');
  expect(after[15][dueColumn]).toBe('30/06/2024');
  // Format for format, as exceljs reads the files: fonts, fills, borders, number formats, notes.
  expect(await snapshotRange(output(), APPENDIX_SHEET, USER_RANGE)).toEqual(await snapshotRange(input(), APPENDIX_SHEET, USER_RANGE));
});

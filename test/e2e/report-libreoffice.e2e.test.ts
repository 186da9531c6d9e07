/**
 * The report end to end: the real `cchc-plan report --out` process writes a workbook, LibreOffice
 * (headless) opens it, recalculates the formulas and prints it to PDF, and the PDF's text
 * (pdftotext) holds the title, the period line and the tables with the right totals.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { snapshotRange } from '../hosts/xlsx/helpers';
import { APPENDIX_SHEET, PLAN_2024 } from '../report/plan-fixture';
import { cchcPlan as runCli } from './harness/cli-process';
import { pdfText as printed, startOffice, type Office } from './harness/libreoffice';

let office: Office;
let dir: string;

beforeAll(async () => {
  office = await startOffice('cchc-report-e2e-');
  dir = office.dir;
  await writeXlsx({ sheets: [PLAN_2024] }, path.join(dir, 'plan.xlsx'));
});

afterAll(async () => {
  await office.close();
});

/** The command line as a user runs it, in a time zone far from Vietnam's. */
const cchcPlan = (args: string[]) => runCli(args, dir, { TZ: 'Pacific/Kiritimati' });

async function pdfText(xlsx: string): Promise<string> {
  const [pdf] = await office.toPdf([path.join(dir, xlsx)]);
  return printed(pdf);
}

/** The sheets a user sees, in tab order (the add-in's very hidden state sheet left out). */
async function sheetNames(xlsx: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, xlsx));
  return wb.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name);
}

/** Numbers on the first line of `text` that contains `label` after `from`. */
function numbersOnLine(text: string, label: string, from = 0): string[] {
  const line = text.slice(from).split('\n').find((l) => l.includes(label));
  if (!line) throw new Error(`no line with "${label}"`);
  return line.slice(line.indexOf(label) + label.length).trim().split(/\s+/);
}

test('report --out renders in LibreOffice with the title, the period and tables whose formulas add up', async () => {
  const result = await cchcPlan(['report', 'plan.xlsx', '--period', 'Q1', '--out', 'q1.xlsx']);
  // The plan has error-severity issues (no lead on one row, an impossible deadline): exit 1.
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('BC Quý I-2024');

  const text = await pdfText('q1.xlsx');
  expect(text).toContain('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính quý I năm 2024');
  expect(text).toContain('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)');
  expect(text).toMatch(/Hạn gửi báo cáo:\s+ngày\s+20\/03\/2024/);
  expect(text).toContain('I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH');
  expect(text).toContain('II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ');
  expect(text).toContain('III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH');
  expect(text).toContain('V. DÒNG CẦN HOÀN THIỆN DỮ LIỆU');
  expect(text).toContain('CẢI CÁCH TÀI CHÍNH CÔNG');

  // Totals row of the by-area table, as LibreOffice computed the SUM/IF formulas: by hand,
  // 2 on time, 1 late, 5 in progress, 1 overdue, 3 not due, 3 no fixed date; 15 tasks, 3 done, 20%.
  const start = text.indexOf('I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH');
  expect(numbersOnLine(text, 'Tổng cộng', start)).toEqual(['2', '1', '5', '1', '3', '3', '15', '3', expect.stringMatching(/^20[.,]0%$/)]);
  // Section I: 1 on time, 1 late, 1 in progress → 3 tasks, 2 done, 66.7%.
  expect(numbersOnLine(text, 'CẢI CÁCH THỂ CHẾ', start)).toEqual(['1', '1', '1', '0', '0', '0', '3', '2', expect.stringMatching(/^66[.,]7%$/)]);
  // The by-lead table counts the two two-unit tasks twice: 17.
  const leadStart = text.indexOf('II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ');
  expect(numbersOnLine(text, 'Tổng cộng', leadStart).slice(6, 8)).toEqual(['17', '3']);
  // The overdue list: row 14, due 29/02/2024, 14 days late.
  expect(text).toMatch(/29\/02\/2024.*14\s+Dòng 14/);
});

test('built twice for Q1 → one report sheet; then H1 → a second; the appendix untouched throughout', async () => {
  expect((await cchcPlan(['report', 'plan.xlsx', '--period', 'Q1', '--out', 'once.xlsx'])).code).toBe(1);
  expect((await cchcPlan(['report', 'once.xlsx', '--period', 'Q1', '--out', 'twice.xlsx'])).code).toBe(1);
  expect((await cchcPlan(['report', 'twice.xlsx', '--period', 'H1', '--out', 'h1.xlsx'])).code).toBe(1);
  expect(await sheetNames('twice.xlsx')).toEqual([APPENDIX_SHEET, 'BC Quý I-2024']);
  expect(await sheetNames('h1.xlsx')).toEqual([APPENDIX_SHEET, 'BC Quý I-2024', 'BC 6 tháng-2024']);
  // Value and format of every cell of the user's table, row heights, widths and merges.
  const before = await snapshotRange(path.join(dir, 'plan.xlsx'), APPENDIX_SHEET, 'A1:H27');
  expect(await snapshotRange(path.join(dir, 'h1.xlsx'), APPENDIX_SHEET, 'A1:H27')).toEqual(before);

  const text = await pdfText('h1.xlsx');
  // Two reports, not three: the Q1 sheet was replaced, not duplicated.
  expect(text.split('I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH').length - 1).toBe(2);
  expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024');
  expect(text).toContain('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/06/2024)');
  // The appendix prints too, its own words intact.
  expect(text).toContain('Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi');
});

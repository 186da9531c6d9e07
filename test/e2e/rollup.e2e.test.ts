/**
 * The roll-up end to end: the real `cchc-plan rollup` process reads a folder of unit workbooks
 * (one in TCVN3, one damaged) in its worker threads and writes the consolidated workbook;
 * LibreOffice (headless) opens it, recalculates its formulas and prints it to PDF, and the PDF's
 * text holds each unit's line and the district's total with the numbers of the JSON.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { rollupJsonSchema } from '../../src/contract/rollup-json';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, COMMUNE_EXTRA, LEGACY_DISTRICT } from '../rollup/units-fixture';
import { cchcPlan as runCli } from './harness/cli-process';
import { pdfText as printed, startOffice, type Office } from './harness/libreoffice';

let office: Office;
let dir: string;

beforeAll(async () => {
  office = await startOffice('cchc-rollup-e2e-');
  dir = office.dir;
  await fs.mkdir(path.join(dir, 'don-vi'));
  await writeXlsx({ sheets: [PLAN_2024] }, path.join(dir, 'don-vi', 'so-nong-nghiep.xlsx'));
  await writeXlsx({ sheets: [COMMUNE] }, path.join(dir, 'don-vi', 'an-binh.xlsx'));
  await writeXlsx({ sheets: [COMMUNE_EXTRA] }, path.join(dir, 'don-vi', 'an-binh-bo-sung.xlsx'));
  await writeXlsx({ sheets: [LEGACY_DISTRICT] }, path.join(dir, 'don-vi', 'song-may.xlsx'));
  await fs.writeFile(path.join(dir, 'don-vi', 'hong.xlsx'), 'PK\u0003\u0004 cut short');
});

afterAll(async () => {
  await office.close();
});

const cchcPlan = (args: string[]) => runCli(args, dir);

async function pdfText(xlsx: string): Promise<string> {
  const [pdf] = await office.toPdf([path.join(dir, xlsx)]);
  return printed(pdf);
}

/** The whole numbers and percentages of a printed line, in order. */
function figures(line: string): string[] {
  return line.split(/\s+/).filter((t) => /^\d+$|^\d+[.,]\d%$/.test(t));
}

test('the consolidated workbook prints each unit’s line and the total as the JSON says', async () => {
  const result = await cchcPlan(['rollup', 'don-vi', '--period', 'Q1', '--out', 'tong-hop.xlsx', '--json']);
  // The damaged file is skipped and said on stderr: exit 1.
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/hong\.xlsx/);
  const json = rollupJsonSchema.parse(JSON.parse(result.stdout));
  expect(json.units).toHaveLength(4);
  expect(json.total.total).toBe(28);

  const text = await pdfText('tong-hop.xlsx');
  expect(text).toContain('BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024');
  expect(text).toContain('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)');
  expect(text).toContain('Số đơn vị: 4. Số tệp được tính: 4/5.');

  // The summary sheet prints first: its lines run from its heading to the total.
  const start = text.indexOf('I. KẾT QUẢ THEO ĐƠN VỊ');
  const end = text.indexOf('Tổng cộng', start);
  expect(start).toBeGreaterThan(0);
  const summary = text.slice(start, end).split('\n');
  const pct = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`);
  for (const u of json.units) {
    // The line of the unit's numbers starts with its rank in the list.
    const line = summary.find((l) => new RegExp(`^\\s*${u.line}\\s`).test(l));
    expect(line).toBeDefined();
    const expected = [u.doneOnTime, u.doneLate, u.inProgress, u.overdue, u.notDue, u.notFixed, u.total, u.done].map(String);
    // LibreOffice recomputed total, done and rate from the class counts.
    expect(figures(line!).slice(1, 10)).toEqual([...expected, pct(u.rate)]);
    // The unit's name is printed, wrapped or not.
    for (const word of u.unit.split(' ').slice(0, 3)) expect(text.slice(start, end)).toContain(word);
  }
  const totals = text.slice(end).split('\n')[0];
  const t = json.total;
  expect(figures(totals).slice(0, 9)).toEqual([t.doneOnTime, t.doneLate, t.inProgress, t.overdue, t.notDue, t.notFixed, t.total, t.done].map(String).concat(pct(t.rate)));

  // The other sheets print too: the overdue list names the TCVN3 district in Unicode, the
  // files list the damaged file.
  expect(text).toContain('III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH CỦA CÁC ĐƠN VỊ');
  expect(text).toContain('Ban hành kế hoạch kiểm tra công tác cải cách');
  expect(text).toContain('V. DANH SÁCH TỆP ĐÃ TIẾP NHẬN');
  expect(text).toMatch(/hong\.xlsx/);
});

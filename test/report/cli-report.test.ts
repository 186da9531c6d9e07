/**
 * `cchc-plan report` run in-process on real .xlsx files written from the report fixture.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { reportJsonSchema, reportLineJsonSchema } from '../../src/contract/report-json';
import { run } from '../../src/cli/main';
import { syntheticPlan } from '../../src/testing/plans';
import { writeXlsx, writeXlsxStream } from '../../src/testing/plans/xlsx';
import { expectOneSentence, jsonLines, runCli, tempDir } from '../cli/helpers';
import { snapshotRange } from '../hosts/xlsx/helpers';
import { ALIASES, APPENDIX_SHEET, PLAN_2024 } from './plan-fixture';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-report-');
  await writeXlsx({ sheets: [PLAN_2024] }, path.join(dir, 'plan.xlsx'));
  // The same plan with the alias list stored in the workbook's settings, as the task pane saves it.
  await writeXlsx(
    {
      sheets: [
        PLAN_2024,
        { name: 'CCHC_State', rows: [[JSON.stringify({ version: 1, settings: { unitAliases: ALIASES, agency: 'Sở NN&PTNT tỉnh' } })]], visibility: 'veryHidden' },
      ],
    },
    path.join(dir, 'plan-aliases.xlsx'),
  );
  // A plan that already holds an old "BC Quý I-2024" sheet and an unrelated one.
  await writeXlsx(
    {
      sheets: [
        PLAN_2024,
        { name: 'BC Quý I-2024', rows: [['bản nháp cũ'], ['số liệu tạm']] },
        { name: 'Ghi chép', rows: [['Họp giao ban ngày 05/03'], [42]] },
      ],
    },
    path.join(dir, 'plan-old-report.xlsx'),
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function reportJson(args: string[]) {
  const result = await runCli(['report', ...args, '--json'], { cwd: dir, today: '2024-11-22' });
  const lines = jsonLines(result.stdout);
  expect(lines).toHaveLength(1);
  return { code: result.code, json: reportJsonSchema.parse(lines[0]), stderr: result.stderr };
}

/** The sheets a user sees, in tab order (the add-in's very hidden state sheet left out). */
function tabs(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name);
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

function sheetText(ws: ExcelJS.Worksheet): string {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
  return out.join('\n');
}

describe('report --json', () => {
  test('year from the plan, D = the period cut-off, counts as worked out by hand', async () => {
    const { code, json } = await reportJson(['plan.xlsx', '--period', 'Q1']);
    expect(json).toMatchObject({ file: 'plan.xlsx', sheet: APPENDIX_SHEET, period: 'Q1', year: 2024, from: '2023-12-15', to: '2024-03-14', due: '2024-03-20', asOf: '2024-03-14', sheetName: 'BC Quý I-2024' });
    // plan-fixture.ts: 2 on time, 1 late, 5 in progress, 1 overdue, 3 not due, 3 no fixed date.
    expect(json.total).toMatchObject({ total: 15, doneOnTime: 2, doneLate: 1, done: 3, inProgress: 5, overdue: 1, notDue: 3, notFixed: 3 });
    expect(json.overdue).toEqual([expect.objectContaining({ row: 14, stt: '5', due: '2024-02-29', daysLate: 14 })]);
    // The plan has error-severity issues (a missing lead, an unparsed deadline): exit 1, as validate.
    expect(code).toBe(1);
  });

  test('--year and --as-of are honoured; a lower-case period is accepted', async () => {
    const { json } = await reportJson(['plan.xlsx', '--period', 'h1', '--year', '2024', '--as-of', '2024-07-01']);
    expect(json).toMatchObject({ period: 'H1', from: '2023-12-15', to: '2024-06-14', asOf: '2024-07-01' });
    // On 01/07: T3 (31/03), T5 (29/02), T6 (30/06) overdue; T11 done 28/06 on time.
    expect(json.overdue.map((o) => [o.row, o.daysLate])).toEqual([
      [14, 123],
      [11, 92],
      [15, 1],
    ]);
  });

  test('the alias list and agency stored in the workbook are used', async () => {
    const { json } = await reportJson(['plan-aliases.xlsx', '--period', 'Q1']);
    const vp = json.byLead.find((u) => u.lead === 'Văn phòng Sở');
    expect(vp?.total).toBe(7); // T2 T3 T4 ("Văn phòng") T5 T7 T11 T12
    expect(json.byLead.some((u) => u.lead === 'Văn phòng')).toBe(false);
    expect(json.agency).toBe('Sở NN&PTNT tỉnh');
    // Without settings the agency comes from the plan's title rows.
    expect((await reportJson(['plan.xlsx', '--period', 'Q1'])).json.agency).toBe('Sở Nông nghiệp và Phát triển nông thôn');
  });

  test('several files: a missing one fails alone, with a failure line', async () => {
    const result = await runCli(['report', 'missing.xlsx', 'plan.xlsx', '--period', 'Y', '--json'], { cwd: dir });
    const lines = jsonLines(result.stdout).map((l) => reportLineJsonSchema.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: 'missing.xlsx', error: { code: 'open-failed' } });
    expect(lines[1]).toMatchObject({ file: 'plan.xlsx', period: 'Y', sheetName: 'BC Năm-2024' });
    expect(result.code).toBe(2);
  });
});

test('a large report is printed in pieces that join into its one JSON line', async () => {
  // 3,000 rows: the year's report lists every task, ~1 MB of JSON.
  await writeXlsxStream(syntheticPlan(3000).sheet, path.join(dir, 'large.xlsx'));
  const writes: string[] = [];
  const code = await run(['report', 'large.xlsx', '--period', 'Y', '--year', '2024', '--json'], {
    stdout: (t) => void writes.push(t),
    stderr: () => undefined,
    progressStream: undefined,
    cwd: dir,
    today: () => '2024-11-22',
  });
  expect(code).not.toBe(2);
  const text = writes.join('');
  expect(text.endsWith('\n')).toBe(true);
  expect(jsonLines(text)).toHaveLength(1);
  const json = reportJsonSchema.parse(jsonLines(text)[0]);
  expect(json.total.total).toBeGreaterThan(1000);
  // No piece holds the whole line: it never had to exist as one string.
  expect(writes.length).toBeGreaterThan(4);
  expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(text.length / 4);
});

describe('bad arguments: exit 2 and one sentence', () => {
  test.each([
    [['plan.xlsx'], /--period/],
    [['plan.xlsx', '--period', 'Q5'], /Q5/],
    [['plan.xlsx', '--period', 'Q1', '--year', '24'], /--year/],
    [['plan.xlsx', '--period', 'Q1', '--as-of', '2024-02-30'], /--as-of/],
  ])('%j', async (args, pattern) => {
    const result = await runCli(['report', ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe('');
  });

  test('English sentence with --lang en', async () => {
    const result = await runCli(['report', 'plan.xlsx', '--period', 'Q7', '--lang', 'en'], { cwd: dir });
    expect(result.stderr).toMatch(/not a reporting period/);
  });
});

describe('report --out', () => {
  test('writes the report sheet beside the appendix, which keeps its values and formats', async () => {
    const result = await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--out', 'q1.xlsx'], { cwd: dir, today: '2024-03-18' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('BC Quý I-2024');
    expect(result.stdout).toMatch(/biểu đồ/i);
    const wb = await readBook('q1.xlsx');
    expect(tabs(wb)).toEqual([APPENDIX_SHEET, 'BC Quý I-2024']);
    const text = sheetText(wb.getWorksheet('BC Quý I-2024')!);
    for (const part of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính quý I năm 2024', '(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)', 'Nơi nhận:']) {
      expect(text).toContain(part);
    }
    expect(text).toContain('lập ngày 18/03/2024');
    // The user's table (A1:H27) is exactly as it was.
    expect(await snapshotRange(path.join(dir, 'q1.xlsx'), APPENDIX_SHEET, 'A1:H27')).toEqual(await snapshotRange(path.join(dir, 'plan.xlsx'), APPENDIX_SHEET, 'A1:H27'));
  });

  test('totals are formulas in the written sheet; links point at the appendix', async () => {
    await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--out', 'q1-links.xlsx'], { cwd: dir });
    const ws = (await readBook('q1-links.xlsx')).getWorksheet('BC Quý I-2024')!;
    let totalsRow = 0;
    ws.eachRow((row, n) => {
      if (!totalsRow && row.getCell(2).text === 'Tổng cộng') totalsRow = n;
    });
    expect((ws.getCell(`I${totalsRow}`).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(I\d+:I\d+\)$/);
    expect((ws.getCell(`K${totalsRow}`).value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(/);
    let link: string | undefined;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.text === 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi') link = (cell.value as ExcelJS.CellFormulaValue).formula;
      }),
    );
    // A HYPERLINK formula whose text is cached (LibreOffice clips hyperlinked cells to a line).
    expect(link).toBe(`HYPERLINK("#'${APPENDIX_SHEET}'!B14","Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi")`);
  });

  test('built again for the same period: one sheet; another period: a second sheet', async () => {
    await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--out', 'first.xlsx'], { cwd: dir });
    await runCli(['report', 'first.xlsx', '--period', 'Q1', '--out', 'second.xlsx'], { cwd: dir });
    await runCli(['report', 'second.xlsx', '--period', 'H1', '--out', 'third.xlsx'], { cwd: dir });
    expect(tabs(await readBook('second.xlsx'))).toEqual([APPENDIX_SHEET, 'BC Quý I-2024']);
    expect(tabs(await readBook('third.xlsx'))).toEqual([APPENDIX_SHEET, 'BC Quý I-2024', 'BC 6 tháng-2024']);
    expect(await snapshotRange(path.join(dir, 'third.xlsx'), APPENDIX_SHEET, 'A1:H27')).toEqual(await snapshotRange(path.join(dir, 'plan.xlsx'), APPENDIX_SHEET, 'A1:H27'));
  });

  test('an existing sheet of the report\'s name is replaced in the copy, others kept, and the output says so', async () => {
    const result = await runCli(['report', 'plan-old-report.xlsx', '--period', 'Q1', '--out', 'replaced.xlsx'], { cwd: dir });
    expect(result.stdout).toMatch(/thay trang cùng tên/);
    const wb = await readBook('replaced.xlsx');
    expect(tabs(wb)).toEqual([APPENDIX_SHEET, 'BC Quý I-2024', 'Ghi chép']);
    expect(sheetText(wb.getWorksheet('BC Quý I-2024')!)).not.toContain('bản nháp cũ');
    expect(wb.getWorksheet('Ghi chép')!.getCell('A1').value).toBe('Họp giao ban ngày 05/03');
    // The input still has its draft.
    expect(sheetText((await readBook('plan-old-report.xlsx')).getWorksheet('BC Quý I-2024')!)).toContain('bản nháp cũ');
  });

  test('a report sheet is never taken for the appendix', async () => {
    await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--out', 'for-sheet.xlsx'], { cwd: dir });
    const result = await runCli(['report', 'for-sheet.xlsx', '--sheet', 'BC Quý I-2024', '--period', 'Q2', '--out', 'nope.xlsx'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(/trang báo cáo/);
    await expect(fs.stat(path.join(dir, 'nope.xlsx'))).rejects.toThrow();
  });

  test('an appendix sheet named like the report is not replaced by it: refused, nothing written', async () => {
    await writeXlsx({ sheets: [{ ...PLAN_2024, name: 'BC Quý I-2024' }] }, path.join(dir, 'clash.xlsx'));
    const result = await runCli(['report', 'clash.xlsx', '--period', 'Q1', '--out', 'clash-out.xlsx'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(/đổi tên trang phụ lục/);
    await expect(fs.stat(path.join(dir, 'clash-out.xlsx'))).rejects.toThrow();
    // Without --out nothing is written, so the numbers are still given.
    expect((await runCli(['report', 'clash.xlsx', '--period', 'Q1', '--json'], { cwd: dir })).code).toBe(1);
  });

  test('help says there is no chart outside Excel and that a same-name sheet is replaced', async () => {
    const result = await runCli(['report', '--help'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no chart/);
    expect(result.stdout).toMatch(/replaced in the copy without asking/);
  });
});

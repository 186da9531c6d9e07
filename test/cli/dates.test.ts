/**
 * Dates on the command line, as an official writes and reads them (issue 11): dd/mm/yyyy
 * accepted wherever a date is asked, beside YYYY-MM-DD; an impossible day refused in one
 * sentence; dates shown to people dd/mm/yyyy in both languages (ISO only inside JSON); one hint,
 * not dozens of "overdue by 1,000 days", when a past plan is checked as of today.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { parseDayArgument } from '../../src/cli/args';
import { validateJsonSchema } from '../../src/contract/validate-json';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { planWorkbook } from '../hosts/xlsx/fixtures/plan-tnmt';
import { expectOneSentence, jsonLines, runCli, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-cli-dates-');
  await writeXlsx(planWorkbook(), path.join(dir, 'plan.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const ISO_IN_TEXT = /\b\d{4}-\d{2}-\d{2}\b/;

describe('a date argument', () => {
  test.each([
    ['15/10/2024', '2024-10-15'],
    ['5/1/2024', '2024-01-05'],
    ['05.01.2024', '2024-01-05'],
    ['15-10-2024', '2024-10-15'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2024-10-15', '2024-10-15'],
  ])('%j is %s', (typed, iso) => {
    expect(parseDayArgument(typed)).toBe(iso);
  });

  test.each(['31/02/2024', '29/02/2023', '10/15/2024', '00/01/2024', '2024-02-30', '15/10/24', 'yesterday', ''])('%j is not a day', (typed) => {
    expect(parseDayArgument(typed)).toBeNull();
  });

  test('validate --as-of 15/10/2024 is the same check as --as-of 2024-10-15', async () => {
    const dayFirst = await runCli(['validate', 'plan.xlsx', '--as-of', '15/10/2024', '--json'], { cwd: dir });
    const iso = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-10-15', '--json'], { cwd: dir });
    expect(dayFirst.stdout).toBe(iso.stdout);
    expect(dayFirst.code).toBe(iso.code);
    // JSON keeps ISO dates.
    expect(validateJsonSchema.parse(jsonLines(dayFirst.stdout)[0]).asOf).toBe('2024-10-15');
  });

  test('report --as-of takes dd/mm/yyyy too', async () => {
    const dayFirst = await runCli(['report', 'plan.xlsx', '--period', 'Q3', '--as-of', '30/09/2024', '--json'], { cwd: dir });
    const iso = await runCli(['report', 'plan.xlsx', '--period', 'Q3', '--as-of', '2024-09-30', '--json'], { cwd: dir });
    expect(dayFirst.stderr).toBe('');
    expect(dayFirst.stdout).toBe(iso.stdout);
  });

  test.each([
    ['vi', 'validate', /^--as-of “31\/02\/2024” không phải một ngày có thật; hãy viết ngày\/tháng\/năm như 22\/11\/2024 \(hoặc 2024-11-22\)\.$/],
    ['en', 'report', /^--as-of “31\/02\/2024” is not a real date; write day\/month\/year as 22\/11\/2024 \(or 2024-11-22\)\.$/],
  ])('an impossible day (%s, %s) is refused in one sentence, exit 2', async (lang, command, sentence) => {
    const argv = [command, 'plan.xlsx', '--as-of', '31/02/2024', '--lang', lang, ...(command === 'report' ? ['--period', 'Q1'] : [])];
    const result = await runCli(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneSentence(result.stderr);
    expect(result.stderr.trim()).toMatch(sentence);
  });
});

describe('dates shown to people', () => {
  test.each(['vi', 'en'])('validate and report in %s show dd/mm/yyyy only', async (lang) => {
    const validate = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-10-15', '--lang', lang], { cwd: dir });
    const report = await runCli(['report', 'plan.xlsx', '--period', 'Q3', '--lang', lang], { cwd: dir });
    for (const out of [validate.stdout, report.stdout]) {
      expect(out).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
      expect(out).not.toMatch(ISO_IN_TEXT);
    }
    expect(validate.stdout).toContain('15/10/2024');
  });

  test('English names the header rows as English does', async () => {
    const { stdout } = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-10-15', '--lang', 'en'], { cwd: dir });
    expect(stdout.split('\n')[1]).toBe('Plan for 2024, as of 15/10/2024. Table: header on rows 6–7, tasks on rows 9–30, columns A–I.');
  });
});

describe('a past plan checked as of today', () => {
  const TODAY = '2026-12-01';

  test('says once, before the issues, that the plan is for its year and suggests --as-of', async () => {
    const { stdout, code } = await runCli(['validate', 'plan.xlsx'], { cwd: dir, today: TODAY });
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    const hint =
      'Lưu ý: đây là kế hoạch năm 2024 nhưng được tính đến hôm nay (01/12/2026), nên mọi nhiệm vụ chưa xong đều “quá hạn”; để xem tình hình tại một ngày trong năm 2024, thêm --as-of, ví dụ --as-of 31/12/2024.';
    expect(lines.filter((l) => l === hint)).toHaveLength(1);
    expect(lines.indexOf(hint)).toBeLessThan(lines.findIndex((l) => /^\s+Lỗi: /.test(l)));
    // And the suggestion works as written.
    const suggested = await runCli(['validate', 'plan.xlsx', '--as-of', '31/12/2024'], { cwd: dir, today: TODAY });
    expect(suggested.stdout).not.toContain('Lưu ý: đây là kế hoạch năm');
  });

  test('in English, and on stderr with --json (stdout stays JSON lines)', async () => {
    const en = await runCli(['validate', 'plan.xlsx', '--lang', 'en'], { cwd: dir, today: TODAY });
    expect(en.stdout).toContain('Note: this is a 2024 plan judged as of today (01/12/2026), so every unfinished task is “overdue”; to see it as of a day in 2024, add --as-of, e.g. --as-of 31/12/2024.');
    const json = await runCli(['validate', 'plan.xlsx', '--json'], { cwd: dir, today: TODAY });
    expect(jsonLines(json.stdout)).toHaveLength(1);
    expect(json.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Lưu ý: đây là kế hoạch năm 2024/)]);
  });

  test('no hint within the plan year, nor when --as-of was chosen', async () => {
    expect((await runCli(['validate', 'plan.xlsx'], { cwd: dir, today: '2024-12-31' })).stdout).not.toContain('Lưu ý: đây là kế hoạch năm');
    expect((await runCli(['validate', 'plan.xlsx', '--as-of', '2025-03-01'], { cwd: dir, today: TODAY })).stdout).not.toContain('Lưu ý: đây là kế hoạch năm');
  });
});

describe('what the copy lines say', () => {
  test('validate --out: the copy named in natural Vietnamese', async () => {
    const { stdout } = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-10-15', '--out', 'da-kiem-tra.xlsx'], { cwd: dir });
    expect(stdout).toMatch(/^Đã lưu bản sao có kết quả kiểm tra: da-kiem-tra\.xlsx \(cột theo dõi [A-Z]+–[A-Z]+; tệp gốc không thay đổi\)\.$/m);
    expect(stdout).not.toContain('Đã ghi bản đã kiểm tra');
  });

  test('report without --out never points at a report sheet it did not write', async () => {
    const shown = await runCli(['report', 'plan.xlsx', '--period', 'Y', '--as-of', '31/12/2024'], { cwd: dir });
    expect(shown.stdout).not.toContain('trang báo cáo');
    const written = await runCli(['report', 'plan.xlsx', '--period', 'Y', '--as-of', '31/12/2024', '--out', 'bao-cao.xlsx'], { cwd: dir });
    expect(written.stdout).toContain('hoặc trang báo cáo.');
    expect(written.stdout).toMatch(/Đã ghi trang “BC Năm-2024” vào bao-cao\.xlsx/);
  });

  test('report without --out: a list longer than the terminal shows says where the rest is', async () => {
    const root = path.join(__dirname, '..', '..');
    // Judged after the year's end, every task of the sample not done is overdue: more than ten.
    const { stdout } = await runCli(['report', path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx'), '--period', 'Y', '--as-of', '15/01/2025'], { cwd: root });
    expect(stdout).toMatch(/^ {2}… và \d+ nhiệm vụ khác \(--json liệt kê đủ; --out ghi trang báo cáo có đủ danh sách\)\.$/m);
    expect(stdout).not.toContain('(xem trang báo cáo)');
  });
});

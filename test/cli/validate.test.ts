import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { ZipArchive } from '../../src/hosts/xlsx/zip/archive';
import path from 'path';
import { analyzeSheet } from '../../src/engine/analyze';
import { engineWording } from '../../src/i18n/engine';
import { validateJsonSchema, validateLineJsonSchema, toValidateJson, type ValidateJson } from '../../src/contract/validate-json';
import { toGrid, type PlanWorkbook } from '../../src/testing/plans';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import * as plans from '../fixtures/plans';
import { APPENDIX_SHEET, planWorkbook } from '../hosts/xlsx/fixtures/plan-tnmt';
import { sheetXml, snapshotRange } from '../hosts/xlsx/helpers';
import { openWorkbook, readWorkbook } from '../../src/hosts/xlsx/read';
import { serialToISO } from '../../src/engine/dates';
import { columnIndex } from '../../src/engine/a1';
import { expectOneSentence, jsonLines, runCli, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-cli-');
  await writeXlsx(planWorkbook(), path.join(dir, 'plan.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function validateJson(args: string[]): Promise<{ code: number; json: ValidateJson; stderr: string }> {
  const result = await runCli(['validate', ...args, '--json'], { cwd: dir });
  const lines = jsonLines(result.stdout);
  expect(lines).toHaveLength(1);
  return { code: result.code, json: validateJsonSchema.parse(lines[0]), stderr: result.stderr };
}

function taskAt(json: ValidateJson, row: number) {
  const found = json.rows.find((r) => r.row === row);
  if (!found || found.kind !== 'task') throw new Error(`row ${row} is not a task: ${JSON.stringify(found)}`);
  return found;
}

describe('validate --json on a plan workbook', () => {
  test('the output follows the contract: Excel rows, letters, kinds, ISO dates, status null without a status column', async () => {
    const { code, json } = await validateJson(['plan.xlsx', '--as-of', '2024-07-15']);
    expect(json.file).toBe('plan.xlsx');
    expect(json.sheet).toBe(APPENDIX_SHEET);
    expect(json.asOf).toBe('2024-07-15');
    expect(json.planYear).toBe(2024);
    expect(json.table.headerRows).toEqual([6, 7]);
    expect(json.table.firstRow).toBe(9);
    expect(json.table.columns).toEqual({
      stt: 'A', objective: 'B', task: 'C', activity: null, output: 'D', lead: 'E', support: 'F', deadline: 'G', budget: 'H',
      note: 'I', monitor: null, status: null, doneDate: null, result: null, start: null,
    });
    // Rows above the table are not listed; the numbering row and section rows are.
    expect(Math.min(...json.rows.map((r) => r.row))).toBeGreaterThanOrEqual(6);
    expect(json.rows.find((r) => r.row === 8)?.kind).toBe('numbering');
    expect(json.rows.find((r) => r.row === 9)).toMatchObject({ kind: 'section', section: 'I', title: 'CẢI CÁCH THỂ CHẾ' });
    // The merged STT is inherited by the second task of the group.
    expect(taskAt(json, 11)).toMatchObject({ stt: '1', section: 'I', lead: 'Thanh tra Sở' });
    // No lead, and a lead cell holding #REF!: both error issues, the second naming the error.
    expect(taskAt(json, 12).lead).toBeNull();
    expect(taskAt(json, 12).issues).toContainEqual(expect.objectContaining({ code: 'lead-missing', severity: 'error' }));
    const refIssue = taskAt(json, 23).issues.find((i) => i.code === 'lead-missing');
    expect(refIssue?.message).toContain('#REF!');
    // The continuation row belongs to the task above it.
    expect(json.rows.find((r) => r.row === 17)).toEqual({ row: 17, kind: 'continuation', hidden: false, of: 16 });
    // A real Excel date and a formula's cached date are deadlines on those days.
    expect(taskAt(json, 16).deadline).toMatchObject({ kind: 'date', due: '2024-06-30' });
    expect(taskAt(json, 22).deadline).toMatchObject({ kind: 'date', due: '2024-03-31' });
    expect(taskAt(json, 22).issues.map((i) => i.code)).toContain('overdue');
    expect(json.rows.find((r) => r.row === 20)?.hidden).toBe(true);
    const tasks = json.rows.filter((r) => r.kind === 'task');
    expect(tasks.every((t) => t.kind === 'task' && t.status === null)).toBe(true);
    // Summary and exit status agree with the rows.
    const issues = tasks.flatMap((t) => (t.kind === 'task' ? t.issues : []));
    expect(json.summary.tasks).toBe(tasks.length);
    expect(json.summary.errors).toBe(issues.filter((i) => i.severity === 'error').length);
    expect(json.summary.warnings).toBe(issues.filter((i) => i.severity === 'warning').length);
    expect(code).toBe(1);
  });

  test('the same engine gives the same result from the file as from the grid (every fixture plan)', async () => {
    const fixtures = Object.entries(plans).filter(([, f]) => (f as PlanWorkbook).sheets?.length) as [string, PlanWorkbook][];
    expect(fixtures.length).toBeGreaterThan(3);
    let checked = 0;
    for (const [name, fixture] of fixtures) {
      const file = `${name}.xlsx`;
      await writeXlsx(fixture, path.join(dir, file));
      const sheet = fixture.sheets[0];
      const direct = analyzeSheet(toGrid(sheet, !!fixture.date1904), { asOf: '2024-07-15', wording: engineWording('vi') });
      const cli = await runCli(['validate', file, '--sheet', sheet.name, '--json', '--as-of', '2024-07-15'], { cwd: dir });
      if (!direct.ok) {
        expect(cli.code).toBe(2);
        expect(cli.stderr.trim()).toBe(direct.failure.message);
        continue;
      }
      expect(jsonLines(cli.stdout)[0]).toEqual(toValidateJson(direct.analysis, file));
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
  });

  test('--plan-year, --lang en and --sheet (any case) are honoured', async () => {
    const vi = await validateJson(['plan.xlsx', '--as-of', '2024-07-15']);
    const en = await validateJson(['plan.xlsx', '--as-of', '2024-07-15', '--lang', 'en', '--plan-year', '2025', '--sheet', 'PHỤ LỤC']);
    expect(en.json.sheet).toBe(APPENDIX_SHEET);
    expect(en.json.planYear).toBe(2025);
    const viMessage = taskAt(vi.json, 12).issues.find((i) => i.code === 'lead-missing')!.message;
    const enMessage = taskAt(en.json, 12).issues.find((i) => i.code === 'lead-missing')!.message;
    expect(enMessage).not.toBe(viMessage);
    expect(enMessage).toMatch(/lead/i);
  });

  test('the appendix is found when the active sheet is the prose sheet', async () => {
    await writeXlsx({ ...planWorkbook(), activeSheet: 'Hướng dẫn' }, path.join(dir, 'prose-active.xlsx'));
    const { json } = await validateJson(['prose-active.xlsx', '--as-of', '2024-07-15']);
    expect(json.sheet).toBe(APPENDIX_SHEET);
  });

  test('an unknown --sheet is refused with the sheets there are', async () => {
    const result = await runCli(['validate', 'plan.xlsx', '--sheet', 'Phụ lục 2'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toContain('“Hướng dẫn”');
    expect(result.stdout).toBe('');
  });
});

describe('validate, human output', () => {
  test('a summary, then every issue under its row, in the chosen language', async () => {
    const json = (await validateJson(['plan.xlsx', '--as-of', '2024-07-15'])).json;
    const human = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-07-15'], { cwd: dir });
    expect(human.code).toBe(1);
    expect(human.stderr).toBe('');
    const lines = human.stdout.split('\n');
    expect(lines[0]).toContain('plan.xlsx');
    expect(lines[0]).toContain(APPENDIX_SHEET);
    expect(human.stdout).toContain(`${json.summary.tasks} nhiệm vụ: ${json.summary.errors} lỗi`);
    expect(human.stdout).toContain('15/07/2024');
    for (const row of json.rows) {
      if (row.kind !== 'task' || row.issues.length === 0) continue;
      const at = lines.findIndex((l) => l.startsWith(`Dòng ${row.row} `));
      expect(at).toBeGreaterThan(0);
      for (const issue of row.issues) expect(lines.slice(at + 1, at + 1 + row.issues.length).join('\n')).toContain(issue.message);
    }
    const english = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-07-15', '--lang', 'en'], { cwd: dir });
    expect(english.stdout).toContain(`${json.summary.tasks} tasks: ${json.summary.errors} errors`);
    expect(english.stdout).toContain('Row 12');
  });
});

describe('validate --out', () => {
  test('writes a checked copy with the tracking block; the input and the user cells are untouched; a second run reuses the block', async () => {
    const input = path.join(dir, 'plan.xlsx');
    const before = await fs.readFile(input);
    const statBefore = await fs.stat(input);
    const first = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-07-15', '--out', 'plan-checked.xlsx'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('plan-checked.xlsx');
    expect(await fs.readFile(input)).toEqual(before);
    expect((await fs.stat(input)).mtimeMs).toBe(statBefore.mtimeMs);

    const output = path.join(dir, 'plan-checked.xlsx');
    expect(await snapshotRange(output, APPENDIX_SHEET, 'A1:I32')).toEqual(await snapshotRange(input, APPENDIX_SHEET, 'A1:I32'));
    const firstJson = (await validateJson(['plan.xlsx', '--as-of', '2024-07-15'])).json;
    const again = await runCli(['validate', 'plan-checked.xlsx', '--as-of', '2024-07-15', '--json', '--out', 'plan-checked-2.xlsx'], { cwd: dir });
    const againJson = validateJsonSchema.parse(jsonLines(again.stdout)[0]);
    expect(againJson.table.tracking).toEqual({ ...firstJson.table.tracking, reused: true });
    expect(againJson.summary).toEqual(firstJson.summary);
    const rulesOnce = (await sheetXml(output, APPENDIX_SHEET)).conditionalFormatting as unknown[];
    const rulesTwice = (await sheetXml(path.join(dir, 'plan-checked-2.xlsx'), APPENDIX_SHEET)).conditionalFormatting as unknown[];
    expect(rulesOnce.length).toBeGreaterThan(0);
    expect(rulesTwice).toEqual(rulesOnce);
  });

  test('a 1904-system workbook: the copy keeps the system and "Hạn chót" holds the right days', async () => {
    await writeXlsx(planWorkbook({ date1904: true }), path.join(dir, 'plan-1904.xlsx'));
    const result = await runCli(['validate', 'plan-1904.xlsx', '--json', '--as-of', '2024-07-15', '--out', 'plan-1904-checked.xlsx'], { cwd: dir });
    const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
    expect(taskAt(json, 16).deadline.due).toBe('2024-06-30');
    const copy = readWorkbook(await openWorkbook(path.join(dir, 'plan-1904-checked.xlsx')));
    expect(copy.date1904).toBe(true);
    const grid = copy.sheets.find((s) => s.name === APPENDIX_SHEET)!.grid;
    const dueCol = columnIndex(json.table.tracking.dueDate);
    expect(serialToISO(grid.values[15][dueCol] as number, true)).toBe('2024-06-30');
    expect(serialToISO(grid.values[21][dueCol] as number, true)).toBe('2024-03-31');
  });

  test('the copy keeps the input\'s charts and pivot tables byte for byte, with nothing to warn about', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'plan.xlsx')));
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    const pivot = '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
    zip.file('xl/charts/chart1.xml', chart);
    zip.file('xl/pivotTables/pivotTable1.xml', pivot);
    await fs.writeFile(path.join(dir, 'plan-chart.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const json = await runCli(['validate', 'plan-chart.xlsx', '--json', '--lang', 'en', '--as-of', '2024-07-15', '--out', 'plan-chart-checked.xlsx'], { cwd: dir });
    expect(json.stderr.trim()).toBe('');
    const input = new ZipArchive(await fs.readFile(path.join(dir, 'plan-chart.xlsx')));
    const copy = new ZipArchive(await fs.readFile(path.join(dir, 'plan-chart-checked.xlsx')));
    for (const part of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml']) {
      expect(copy.raw(copy.find(part)!).equals(input.raw(input.find(part)!))).toBe(true);
    }
    expect(copy.text(copy.find('xl/charts/chart1.xml')!, 1000)).toBe(chart);
  });

  test('--out naming the input itself is refused and the input is not touched', async () => {
    const input = path.join(dir, 'plan.xlsx');
    const before = await fs.readFile(input);
    const result = await runCli(['validate', 'plan.xlsx', '--out', './plan.xlsx'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(await fs.readFile(input)).toEqual(before);
  });
});

describe('several files', () => {
  test('one JSON object per line, in order; a failing file does not stop the others; the worst exit status wins', async () => {
    const result = await runCli(['validate', 'plan.xlsx', 'missing.xlsx', 'prose-active.xlsx', '--json', '--as-of', '2024-07-15'], { cwd: dir });
    const lines = jsonLines(result.stdout).map((l) => validateLineJsonSchema.parse(l));
    expect(lines.map((l) => l.file)).toEqual(['plan.xlsx', 'missing.xlsx', 'prose-active.xlsx']);
    expect('error' in lines[1] && lines[1].error.code).toBe('open-failed');
    expect('sheet' in lines[2] && lines[2].sheet).toBe(APPENDIX_SHEET);
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
  });

  test('--out must then be a folder; each copy keeps its input name', async () => {
    const outDir = path.join(dir, 'checked');
    await fs.mkdir(outDir);
    const refused = await runCli(['validate', 'plan.xlsx', 'prose-active.xlsx', '--out', 'one.xlsx'], { cwd: dir });
    expect(refused.code).toBe(2);
    expectOneSentence(refused.stderr);
    await expect(fs.access(path.join(dir, 'one.xlsx'))).rejects.toThrow();

    const result = await runCli(['validate', 'plan.xlsx', 'prose-active.xlsx', '--out', 'checked', '--as-of', '2024-07-15'], { cwd: dir });
    expect(result.code).toBe(1);
    expect((await fs.readdir(outDir)).sort()).toEqual(['plan.xlsx', 'prose-active.xlsx']);
  });
});

describe('a clean plan', () => {
  test('exit status 0 when no task has an error-severity issue', async () => {
    const clean: PlanWorkbook = {
      sheets: [
        {
          name: 'Phụ lục',
          rows: [
            ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
            [],
            ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời gian hoàn thành'],
            ['I', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
            [1, 'Rà soát, đơn giản hóa thủ tục hành chính nội bộ', 'Phương án đơn giản hóa', 'Văn phòng Sở', 'Các phòng chuyên môn', 'Quý IV/2024'],
            [2, 'Khảo sát mức độ hài lòng của người dân', 'Báo cáo kết quả khảo sát', 'Văn phòng Sở', 'Trung tâm Phục vụ hành chính công', 'Trước ngày 30/11/2024'],
          ],
        },
      ],
    };
    await writeXlsx(clean, path.join(dir, 'clean.xlsx'));
    const result = await runCli(['validate', 'clean.xlsx', '--as-of', '2024-07-15', '--json'], { cwd: dir });
    const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
    expect(json.summary.tasks).toBe(2);
    expect(json.summary.errors).toBe(0);
    expect(result.code).toBe(0);
  });
});

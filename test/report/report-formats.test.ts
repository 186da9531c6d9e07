/**
 * One report, three forms: `report --json`, the report sheet of `report --out` (its totals and
 * rates computed from its formulas) and the Word file of `report --format docx` (read from
 * word/document.xml) hold the same tables and numbers, for every period report.md names (Q1,
 * H1, Q3, Y), on the report fixture and on the bundled sample. The Word body's drafts say the
 * same counts.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { SheetCell, SheetModel } from '../../src/engine/model';
import { reportJsonSchema, type ReportJson } from '../../src/contract/report-json';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { jsonLines, runCli, tempDir } from '../cli/helpers';
import { readDocx, type DocxText } from './docx-text';
import { SheetEvaluator } from './formula-eval';
import { PLAN_2024 } from './plan-fixture';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-formats-');
  await writeXlsx({ sheets: [PLAN_2024] }, path.join(dir, 'plan.xlsx'));
  await fs.copyFile(SAMPLE, path.join(dir, 'sample.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The written report sheet as a model the evaluator computes: a HYPERLINK cell is its text. */
async function writtenSheet(file: string): Promise<SheetModel> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, file));
  const ws = book.worksheets.find((w) => w.name.startsWith('BC '))!;
  const cells: SheetCell[] = [];
  ws.eachRow((row, r) =>
    row.eachCell((c, col) => {
      const v = c.value as ExcelJS.CellValue;
      const at = { row: r - 1, col: col - 1 };
      if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
        if (/^HYPERLINK\(/.test(v.formula)) cells.push({ ...at, value: v.result as string | number });
        else cells.push({ ...at, formula: `=${v.formula}` });
      } else if (typeof v === 'string' || typeof v === 'number') cells.push({ ...at, value: v });
    }),
  );
  return { name: ws.name, cells, merges: [], columnWidths: {}, print: { orientation: 'landscape', paper: 'A4', repeatRows: null, fitToWidth: true }, chart: null };
}

type Line = (string | number)[];

/** A statistics table of the sheet: [name, six classes, total, done, rate] from the row under
 * the header whose B cell is `nameHeading`, to the totals row included. */
function sheetStats(sheet: SheetModel, nameHeading: string): Line[] {
  const ev = new SheetEvaluator(sheet);
  const at = (r: number, c: number) => sheet.cells.find((x) => x.row === r && x.col === c);
  const header = sheet.cells.find((c) => c.col === 1 && c.value === nameHeading)!.row;
  const out: Line[] = [];
  for (let r = header + 1; ; r++) {
    const name = String(at(r, 1)?.value);
    const numbers = 'CDEFGHIJ'.split('').map((c) => ev.value(`${c}${r + 1}`) as number);
    const rate = ev.value(`K${r + 1}`);
    out.push([name, ...numbers, typeof rate === 'number' ? Math.round(rate * 1000) / 10 : '']);
    if (name === 'Tổng cộng') return out;
  }
}

/** A list of the sheet under its heading: [task (B), the number in I] per row. */
function sheetList(sheet: SheetModel, headingStart: string): Line[] {
  const heading = sheet.cells.find((c) => c.col === 0 && String(c.value).startsWith(headingStart))!.row;
  const out: Line[] = [];
  for (let r = heading + 2; ; r++) {
    // An empty list is one merged line saying so.
    if (sheet.cells.some((c) => c.row === r && c.col === 0 && c.value === 'Không có nhiệm vụ nào.')) return out;
    const task = sheet.cells.find((c) => c.row === r && c.col === 1);
    if (!task || task.value === undefined) return out;
    out.push([String(task.value), sheet.cells.find((c) => c.row === r && c.col === 8)?.value as number]);
  }
}

/** A Word list: [task, the number in column `days`] per row; an empty list is one row that says
 * so across the table. */
function docxList(table: string[][], days: number): Line[] {
  const rows = table.slice(1);
  if (rows.length === 1 && rows[0].length === 1) {
    expect(rows[0][0]).toBe('Không có nhiệm vụ nào.');
    return [];
  }
  return rows.map((r) => [r[1], Number(r[days])]);
}

const percent = (text: string) => (text === '' ? '' : Number(text.replace('%', '').replace(',', '.')));

function docxStats(table: string[][]): Line[] {
  return table.slice(1).map((row) => [row[1], ...row.slice(2, 10).map(Number), percent(row[10])]);
}

function jsonStats(lines: ReportJson['bySection'] | ReportJson['byLead'], total: ReportJson['total'], name: (l: (ReportJson['bySection'] | ReportJson['byLead'])[number]) => string): Line[] {
  const line = (n: string, c: ReportJson['total']): Line => [n, c.doneOnTime, c.doneLate, c.inProgress, c.overdue, c.notDue, c.notFixed, c.total, c.done, c.rate === null ? '' : Math.round(c.rate * 1000) / 10];
  return [...lines.map((l) => line(name(l), l)), line('Tổng cộng', total)];
}

interface Forms {
  json: ReportJson;
  sheet: SheetModel;
  docx: DocxText;
}

const built = new Map<string, Promise<Forms>>();

function forms(plan: string, period: string): Promise<Forms> {
  const key = `${plan}-${period}`;
  if (!built.has(key)) {
    built.set(
      key,
      (async () => {
        const xlsx = await runCli(['report', plan, '--period', period, '--json', '--out', `${key}.xlsx`], { cwd: dir, today: '2024-12-18' });
        const word = await runCli(['report', plan, '--period', period, '--format', 'docx', '--out', `${key}.docx`], { cwd: dir, today: '2024-12-18' });
        expect(word.stderr).toBe('');
        expect(word.stdout).toContain(`${key}.docx`);
        const json = reportJsonSchema.parse(jsonLines(xlsx.stdout)[0]);
        return { json, sheet: await writtenSheet(`${key}.xlsx`), docx: await readDocx(await fs.readFile(path.join(dir, `${key}.docx`))) };
      })(),
    );
  }
  return built.get(key)!;
}

describe.each(['plan.xlsx', 'sample.xlsx'])('%s', (plan) => {
  describe.each(['Q1', 'H1', 'Q3', 'Y'])('period %s', (period) => {
    test('by reform area and by lead unit: the same lines and numbers in the JSON, the sheet and the Word file', async () => {
      const { json, sheet, docx } = await forms(plan, period);
      // Tables: the header block, five tables of the report, the signer block.
      expect(docx.tables).toHaveLength(7);
      const areas = jsonStats(json.bySection, json.total, (l) => ('title' in l ? l.title : ''));
      expect(sheetStats(sheet, 'Lĩnh vực cải cách')).toEqual(areas);
      expect(docxStats(docx.tables[1])).toEqual(areas);
      const leadTotal = json.byLead.reduce(
        (s, l) => ({ ...s, total: s.total + l.total, doneOnTime: s.doneOnTime + l.doneOnTime, doneLate: s.doneLate + l.doneLate, done: s.done + l.done, inProgress: s.inProgress + l.inProgress, overdue: s.overdue + l.overdue, notDue: s.notDue + l.notDue, notFixed: s.notFixed + l.notFixed }),
        { total: 0, doneOnTime: 0, doneLate: 0, done: 0, inProgress: 0, overdue: 0, notDue: 0, notFixed: 0, rate: null as number | null },
      );
      leadTotal.rate = leadTotal.total === 0 ? null : leadTotal.done / leadTotal.total;
      const units = jsonStats(json.byLead, leadTotal, (l) => ('lead' in l ? (l.lead ?? '(Chưa xác định đơn vị chủ trì)') : ''));
      expect(sheetStats(sheet, 'Đơn vị chủ trì')).toEqual(units);
      expect(docxStats(docx.tables[2])).toEqual(units);
    });

    test('overdue, due next and incomplete-data lists: the same tasks, days and rows', async () => {
      const { json, sheet, docx } = await forms(plan, period);
      const overdue = json.overdue.map((t): Line => [t.task, t.daysLate]);
      expect(sheetList(sheet, 'III. ')).toEqual(overdue);
      expect(docxList(docx.tables[3], 5)).toEqual(overdue);
      const upcoming = json.upcoming.map((t): Line => [t.task, t.daysLeft]);
      expect(sheetList(sheet, 'IV. ')).toEqual(upcoming);
      expect(docxList(docx.tables[5], 5)).toEqual(upcoming);
      const quality = json.dataQuality.map((t) => t.task);
      expect(sheetList(sheet, 'V. ').map((l) => l[0])).toEqual(quality);
      expect(docxList(docx.tables[4], 0).map((l) => l[0])).toEqual(quality);
    });

    test('the Word body drafts each area from the same counts, and lists every task due next', async () => {
      const { json, docx } = await forms(plan, period);
      const text = docx.body.join('\n');
      for (const s of json.bySection) expect(text).toContain(`: ${s.done}/${s.total} nhiệm vụ hoàn thành`);
      for (const t of json.overdue) expect(text).toContain(`“${t.task.replace(/\s+/g, ' ').trim()}”`);
      for (const t of json.upcoming) expect(text).toContain(`- ${t.task} (`);
      expect(text).toContain(`đã hoàn thành ${json.total.done}/${json.total.total} nhiệm vụ`);
      for (const heading of ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH', 'III. ĐÁNH GIÁ CHUNG', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI', 'V. ĐỀ XUẤT, KIẾN NGHỊ']) {
        expect(docx.body).toContain(heading);
      }
    });
  });
});

test('the Word file has the decree\'s parts: agencies and national title, number, place and date, type, summary, recipients and signer', async () => {
  const { docx } = await forms('sample.xlsx', 'Q3');
  const [header] = docx.tables;
  expect(header[0][0].split('\n')).toEqual(['UBND TỈNH BÌNH AN', 'SỞ CÔNG THƯƠNG', '', 'Số: …/BC-SCT']);
  expect(header[0][1].split('\n').filter((l) => l !== '')).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '…………, ngày … tháng … năm 2024']);
  expect(docx.body.slice(0, 3)).toEqual(['BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2024', '(Số liệu tính từ ngày 15/06/2024 đến ngày 14/09/2024)']);
  const signer = docx.tables[6][0];
  expect(signer[0].split('\n')).toEqual(['Nơi nhận:', '- …;', '- Lưu: VT.']);
  expect(signer[1].split('\n').filter((l) => l !== '')).toEqual(['…………', '…………']);
  // Times New Roman, the motto underlined, the page numbered from page two.
  expect(docx.xml).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
  expect(docx.xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>)[\s\S])*Độc lập - Tự do - Hạnh phúc/);
  expect(docx.xml).toContain('<w:titlePg/>');
  // A table row never breaks over two pages (a task's name stays whole), the heading row repeats.
  expect(docx.xml).toContain('<w:cantSplit/>');
  expect(docx.xml).toContain('<w:tblHeader/>');
  expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  expect(docx.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
});

test('no issue code and no class key in the Word file, in Vietnamese or English', async () => {
  for (const lang of ['vi', 'en']) {
    const result = await runCli(['report', 'sample.xlsx', '--period', 'Q3', '--format', 'docx', '--out', `codes-${lang}.docx`, '--lang', lang], { cwd: dir });
    expect(result.stderr).toBe('');
    const text = (await readDocx(await fs.readFile(path.join(dir, `codes-${lang}.docx`)))).all.join('\n');
    for (const code of ['lead-missing', 'deadline-missing', 'deadline-unparsed', 'deadline-not-fixed', 'deadline-before-plan', 'output-missing', 'output-unquantified', 'milestone-missed', 'due-soon']) expect(text).not.toContain(code);
    for (const key of ['doneOnTime', 'doneLate', 'inProgress', 'notDue', 'notFixed']) expect(text).not.toContain(key);
  }
});

test('--format docx without --out, or an unknown format: one sentence, exit 2, nothing written', async () => {
  const missing = await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--format', 'docx'], { cwd: dir });
  expect([missing.code, missing.stderr]).toEqual([2, '--format docx ghi báo cáo ra tệp Word: hãy đặt tên tệp bằng --out (ví dụ --out BC-Quy-III-2024.docx).\n']);
  const odd = await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--format', 'pdf', '--out', 'x.pdf', '--lang', 'en'], { cwd: dir });
  expect([odd.code, odd.stderr]).toEqual([2, '--format “pdf” is not a report format; choose xlsx or docx.\n']);
  await expect(fs.stat(path.join(dir, 'x.pdf'))).rejects.toThrow();
});

test('--out a folder: the Word report takes the input\'s name with .docx; the input is not written', async () => {
  await fs.mkdir(path.join(dir, 'word'));
  const before = await fs.readFile(path.join(dir, 'plan.xlsx'));
  const result = await runCli(['report', 'plan.xlsx', '--period', 'Q1', '--format', 'docx', '--out', 'word'], { cwd: dir });
  expect(result.code).toBe(1);
  expect((await fs.readdir(path.join(dir, 'word'))).sort()).toEqual(['plan.docx']);
  expect(await fs.readFile(path.join(dir, 'plan.xlsx'))).toEqual(before);
});

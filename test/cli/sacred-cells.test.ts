/**
 * The user's cells are sacred: a stored column correction applies only while the header it was
 * made on is still there; "Hạn chót" and "Kiểm tra" are written only into columns whose header
 * names them; the tracking block never goes into a hidden column, over the user's drop-down, or
 * past XFD (then one sentence, exit 2, one JSON object).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { jsonLines, runCli, tempDir } from './helpers';

const SHEET = 'Phụ lục';
const HEADER = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian hoàn thành', 'Ghi chú'];
const BODY = [
  [1, 'Rà soát, đơn giản hoá thủ tục hành chính cấp tỉnh', 'Báo cáo rà soát', 'Văn phòng Sở', 'Quý II/2024', 'ưu tiên'],
  [2, 'Cập nhật dữ liệu lên cổng dịch vụ công', 'Dữ liệu được cập nhật', 'Phòng Tư pháp', 'Tháng 6/2024', ''],
  [3, 'Tập huấn nghiệp vụ một cửa', 'Lớp tập huấn', 'Phòng Tổ chức', 'Quý III/2024', 'đợt 2'],
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-sacred-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function plan(name: string, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void = () => undefined, header = HEADER): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(header);
  for (const r of BODY) ws.addRow(r);
  edit(ws, wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function withState(wb: ExcelJS.Workbook, corrections: unknown): void {
  const state = wb.addWorksheet('CCHC_State', { state: 'veryHidden' });
  state.getCell('A1').value = JSON.stringify({ version: 1, corrections: { [SHEET]: corrections } });
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb.getWorksheet(SHEET)!;
}

const headerRow = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));
const columnTexts = (ws: ExcelJS.Worksheet, col: string) => [2, 3, 4].map((r) => ws.getCell(`${col}${r}`).value);

describe('stored corrections', () => {
  test('a correction made on another header (a column was inserted since) is dropped with one sentence; the user\'s cells stay', async () => {
    // Made when column B was "Ghi chú" ("Kiểm tra" there); the user has since inserted the task column.
    await plan('stale.xlsx', (_ws, wb) => withState(wb, { B: { role: 'check', header: 'Ghi chú' } }));
    const result = await runCli(['validate', 'stale.xlsx', '--as-of', '2024-07-15', '--out', 'stale-out.xlsx'], { cwd: dir });
    expect(result.code).toBeLessThan(2);
    expect(result.stdout).toMatch(/điều chỉnh vai trò cột lưu trong “stale.xlsx” cho cột B \(“Ghi chú”\) không được dùng/);
    const ws = await sheetOf('stale-out.xlsx');
    expect(columnTexts(ws, 'B')).toEqual(BODY.map((r) => r[1]));
    expect(headerRow(ws).slice(0, 6)).toEqual(HEADER);
    expect(headerRow(ws).slice(6, 11)).toEqual(['Tình trạng', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Hạn chót', 'Kiểm tra']);
  });

  test('a correction still on its header is applied, and said nothing about', async () => {
    await plan('kept.xlsx', (_ws, wb) => withState(wb, { F: { role: 'status', header: 'ghi  CHÚ' } }));
    const result = await runCli(['validate', 'kept.xlsx', '--as-of', '2024-07-15', '--json'], { cwd: dir });
    const [json] = jsonLines(result.stdout) as { table: { columns: Record<string, string> } }[];
    expect(json.table.columns.status).toBe('F');
    expect(result.stderr).toBe('');
  });

  test('an old correction without its header that gives a user column "Kiểm tra" never writes over that column', async () => {
    await plan('legacy.xlsx', (_ws, wb) => withState(wb, { B: 'check', F: 'dueDate' }));
    const result = await runCli(['validate', 'legacy.xlsx', '--as-of', '2024-07-15', '--out', 'legacy-out.xlsx'], { cwd: dir });
    expect(result.code).toBeLessThan(2);
    const ws = await sheetOf('legacy-out.xlsx');
    expect(columnTexts(ws, 'B')).toEqual(BODY.map((r) => r[1]));
    expect(columnTexts(ws, 'F')).toEqual(BODY.map((r) => r[5]));
    expect(headerRow(ws)).toContain('Kiểm tra');
    expect(headerRow(ws).indexOf('Kiểm tra')).toBeGreaterThan(5);
    // Run again on the copy: the block made the first time is reused, not made twice.
    await runCli(['validate', 'legacy-out.xlsx', '--as-of', '2024-07-15', '--out', 'legacy-again.xlsx'], { cwd: dir });
    expect(headerRow(await sheetOf('legacy-again.xlsx'))).toEqual(headerRow(ws));
  });
});

describe('where the tracking block goes', () => {
  test('never into a hidden column (its width kept)', async () => {
    await plan('hidden.xlsx', (ws) => {
      ws.getColumn(7).hidden = true;
      ws.getColumn(7).width = 3;
    });
    await runCli(['validate', 'hidden.xlsx', '--as-of', '2024-07-15', '--out', 'hidden-out.xlsx'], { cwd: dir });
    const ws = await sheetOf('hidden-out.xlsx');
    expect(ws.getCell('G1').value).toBeNull();
    expect(ws.getColumn(7).hidden).toBe(true);
    expect(ws.getColumn(7).width).toBe(3);
    expect(ws.getCell('H1').value).toBe('Tình trạng');
  });

  test('never over the user\'s own drop-down on an empty column', async () => {
    await plan('validated.xlsx', (ws) => {
      for (const r of [2, 3, 4]) ws.getCell(`G${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
    });
    await runCli(['validate', 'validated.xlsx', '--as-of', '2024-07-15', '--out', 'validated-out.xlsx'], { cwd: dir });
    const ws = await sheetOf('validated-out.xlsx');
    expect(ws.getCell('G1').value).toBeNull();
    expect(ws.getCell('G3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(ws.getCell('H1').value).toBe('Tình trạng');
  });

  test('past XFD: one sentence, exit 2, one JSON object, nothing written', async () => {
    // The table fills the last six columns of the sheet: no room right of it.
    const file = path.join(dir, 'xfd.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(SHEET);
    [HEADER, ...BODY].forEach((row, r) => row.forEach((v, c) => (sheet.getCell(r + 1, 16_384 - HEADER.length + 1 + c).value = v)));
    await book.xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet(SHEET)!.getCell('XFD1').value).toBe('Ghi chú');
    const result = await runCli(['validate', 'xfd.xlsx', '--as-of', '2024-07-15', '--out', 'xfd-out.xlsx', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)).toHaveLength(1);
    const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/XFD/);
    await expect(fs.stat(path.join(dir, 'xfd-out.xlsx'))).rejects.toThrow();
    // Without --out the check itself is given.
    expect((await runCli(['validate', 'xfd.xlsx', '--as-of', '2024-07-15', '--json'], { cwd: dir })).code).toBeLessThan(2);
  });
});

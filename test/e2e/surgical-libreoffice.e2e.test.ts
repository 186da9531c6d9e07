/**
 * The surgical copy in a real spreadsheet program: LibreOffice (headless) opens the copy of a
 * workbook holding a chart, a pivot table, an external link, a dynamic array, every kind of
 * conditional format, validations, an image, a comment, custom XML (and, as .xlsm, a macro
 * part), and exports every sheet as shown to CSV. Every cell of the user's reads as in the
 * input, the tracking block and the report are there, the report's formulas are computed.
 *
 * Needs soffice (Debian: libreoffice-calc); .ci/run installs it.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { parseA1Range } from '../../src/engine/a1';
import { analyzeSheet } from '../../src/engine/analyze';
import type { Analysis, ChangeSet } from '../../src/engine/model';
import { readWorkbook } from '../../src/hosts/xlsx/read';
import { surgicalCopy } from '../../src/hosts/xlsx/surgical';
import { engineWording } from '../../src/i18n/engine';
import { buildReport } from '../../src/report';
import { APPENDIX_SHEET } from '../hosts/xlsx/fixtures/plan-tnmt';
import { richWorkbook } from '../hosts/xlsx/fixtures/rich-workbook';
import { loadWorkbook } from '../hosts/xlsx/surgical-helpers';
import { readCsv, startOffice, type Office } from './harness/libreoffice';

const AS_OF = '2024-03-10';
const REPORT = 'BC Quý I-2024';
/** Text with every character class a writer can get wrong. */
const TRICKY = 'Mã _x0041_ & <b> "trích" \u0007 Phu\u0323 lu\u0323c';

let dir: string;
let office: Office;

async function analyse(input: Buffer): Promise<Analysis> {
  const sheet = readWorkbook(await loadWorkbook(input)).sheets.find((s) => s.name === APPENDIX_SHEET)!;
  const result = analyzeSheet(sheet.grid, { asOf: AS_OF, wording: engineWording('vi') });
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis;
}

beforeAll(async () => {
  office = await startOffice('cchc-e2e-surgical-');
  dir = office.dir;
});

afterAll(async () => {
  await office.close();
});

describe.each([
  { ext: 'xlsx', macro: false },
  { ext: 'xlsm', macro: true },
])('a rich .$ext workbook, report copy', ({ ext, macro }) => {
  test('LibreOffice reads every user cell as in the input, the tracking block, the report and its computed totals', async () => {
    const input = await richWorkbook({ macro, oldReport: true });
    const analysis = await analyse(input);
    const built = buildReport(analysis, { period: 'Q1', year: analysis.planYear, asOf: AS_OF, lang: 'vi', madeOn: AS_OF });
    const extra: ChangeSet = { sheet: 'Hướng dẫn', writes: [{ range: parseA1Range('A5'), values: [[TRICKY]] }], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [] };
    const { bytes } = surgicalCopy(input, [built.changes, extra]);
    await fs.writeFile(path.join(dir, `in-${ext}.${ext}`), input);
    await fs.writeFile(path.join(dir, `out-${ext}.${ext}`), bytes);
    await office.exportCsv(path.join(dir, `in-${ext}.${ext}`), path.join(dir, `before-${ext}`));
    await office.exportCsv(path.join(dir, `out-${ext}.${ext}`), path.join(dir, `after-${ext}`));
    const sheet = async (side: 'in' | 'out', name: string) => readCsv(path.join(dir, `${side === 'in' ? 'before' : 'after'}-${ext}`, `${side}-${ext}-${name}.csv`));

    // The appendix: every column but the tracking block's, row by row, as LibreOffice shows it.
    const before = await sheet('in', APPENDIX_SHEET);
    const after = await sheet('out', APPENDIX_SHEET);
    const tracking = Object.values(analysis.tracking.columns);
    const { helper, asOfCell } = analysis.tracking;
    // The tool's columns: the five tracking columns, the hidden helper column and the as-of
    // cell's label and value (over "Kết quả thực hiện" and "Hạn chót", or right of the helper).
    const ours = [...tracking, helper!, asOfCell!.col - 1, asOfCell!.col];
    const user = (line: string[]) => line.filter((_, c) => !ours.includes(c));
    expect(after.length).toBe(before.length);
    for (let r = 0; r < before.length; r++) expect({ row: r + 1, cells: user(after[r]) }).toEqual({ row: r + 1, cells: user(before[r]) });
    const headerRow = analysis.table.headerRows[analysis.table.headerRows.length - 1];
    expect([...tracking, helper!].map((c) => after[headerRow][c])).toEqual(['Tình trạng', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Hạn chót', 'Kiểm tra', 'Mã tình trạng']);
    // "Tính đến ngày" and =TODAY(), computed by LibreOffice as a day (the copy was made live),
    // and the helper column computed through the sheet's CCHC_Done name: 0 or 1, never #NAME?.
    expect(after[asOfCell!.row][asOfCell!.col - 1]).toBe('Tính đến ngày');
    const shown = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(after[asOfCell!.row][asOfCell!.col]);
    expect(shown).not.toBeNull();
    expect(`${shown![3]}-${shown![2]}-${shown![1]}` >= AS_OF).toBe(true);
    expect(new Set(analysis.tasks.map((t) => after[t.row][helper!]))).toEqual(new Set(['0']));
    const leadMissing = analysis.tasks.find((t) => t.issues.some((i) => i.code === 'lead-missing'))!;
    expect(after[leadMissing.row][analysis.tracking.columns.check]).toContain(leadMissing.issues.find((i) => i.code === 'lead-missing')!.message);

    // The other sheets: as they were (the guide gains the one cell written to it).
    for (const name of ['Biểu đồ', 'Tổng hợp']) expect(await sheet('out', name)).toEqual(await sheet('in', name));
    const guide = await sheet('out', 'Hướng dẫn');
    expect(guide[4][0]).toBe('Mã _x0041_ & <b> "trích"  Phụ lục');

    // The report replaced the old one and LibreOffice computed its formulas.
    const report = await sheet('out', REPORT);
    const total = report.find((line) => line.some((v) => v === 'Tổng cộng'))!;
    expect(total.filter((v) => /^\d+$/.test(v)).map(Number)).toContain(analysis.summary.tasks);
    await expect(fs.access(path.join(dir, `after-${ext}`, `out-${ext}-bc quý i-2024.csv`))).rejects.toThrow();
  });
});

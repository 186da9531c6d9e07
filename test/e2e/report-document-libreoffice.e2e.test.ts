/**
 * The report as the document staff send, rendered by LibreOffice: the real command line writes
 * the report sheet (`report --out`) and the Word report (`report --format docx`) of the bundled
 * sample for Q3 and for the year; `soffice --headless --convert-to pdf` prints both, and the PDF
 * text (pdftotext) holds the national title, the period line, the totals of both count tables
 * as LibreOffice computed them (the sheet's are formulas) and every overdue task's full name —
 * wrapped over several lines, never clipped. Every page is saved as PNG in test-output/screenshots.
 *
 * Needs soffice with Calc and Writer (libreoffice-calc, libreoffice-writer), pdftotext and
 * pdftoppm (poppler-utils), and Liberation Serif (metric-compatible with Times New Roman;
 * fonts-liberation); .ci/run installs them.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { reportJsonSchema, type ReportJson } from '../../src/contract/report-json';
import { run } from '../../src/cli/main';
import { pdfScreenshots, pdfText, startOffice, type Office } from './harness/libreoffice';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');

let office: Office;
let dir: string;
const at = (name: string) => path.join(dir, name);

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    progressStream: undefined,
    cwd: dir,
    today: () => '2024-09-18',
  });
  return { code, stdout, stderr };
}

/** The file printed to PDF by LibreOffice, in a folder of its own (a sheet and a Word file of the
 * same name would otherwise print to one PDF). */
async function toPdf(file: string): Promise<string> {
  const [pdf] = await office.toPdf([at(file)], at(`pdf-${path.extname(file).slice(1)}-${path.basename(file, path.extname(file))}`));
  return pdf;
}

/** Every page as PNG: test-output/screenshots/<name>-<page>.png. */
async function screenshots(pdf: string, name: string): Promise<string[]> {
  await fs.mkdir(SHOTS, { recursive: true });
  for (const old of await fs.readdir(SHOTS)) if (old.startsWith(`${name}-`)) await fs.rm(path.join(SHOTS, old));
  await pdfScreenshots(pdf, path.join(SHOTS, name), 70);
  return (await fs.readdir(SHOTS)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** The words after `label` on the first line (from `from`) that holds it. */
function numbersAfter(layoutText: string, label: string, from: number): string[] {
  const line = layoutText.slice(from).split('\n').find((l) => l.includes(label));
  if (!line) throw new Error(`no line with "${label}"`);
  return line.slice(line.indexOf(label) + label.length).trim().split(/\s+/);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The words of `name`, in order, in `flow` (pdftotext's reading order): a wrapped cell's lines may
 * come interleaved with the lines of the cell beside it, so other words may sit between them —
 * but not many, and none of the name's may be missing (a clipped cell loses its tail).
 */
function holdsWhole(flow: string, name: string): boolean {
  const words = flow.split(' ');
  const wanted = oneLine(name).split(' ');
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== wanted[0]) continue;
    let k = 1;
    for (let j = i + 1; k < wanted.length && j < words.length && j - i <= wanted.length * 3; j++) if (words[j] === wanted[k]) k++;
    if (k === wanted.length) return true;
  }
  return false;
}
const rate = (r: number | null) => (r === null ? '' : (Math.round(r * 1000) / 10).toFixed(1));

let reports: Record<string, ReportJson>;

beforeAll(async () => {
  office = await startOffice('cchc-report-doc-e2e-');
  dir = office.dir;
  await fs.copyFile(SAMPLE, at('ke-hoach.xlsx'));
  reports = {};
  for (const period of ['Q3', 'Y']) {
    const sheet = await cli(['report', 'ke-hoach.xlsx', '--period', period, '--json', '--out', `bc-${period}.xlsx`]);
    expect(sheet.code).toBe(1);
    reports[period] = reportJsonSchema.parse(JSON.parse(sheet.stdout.split('\n')[0]));
    const word = await cli(['report', 'ke-hoach.xlsx', '--period', period, '--format', 'docx', '--out', `bc-${period}.docx`]);
    expect(word.stderr).toBe('');
  }
});

afterAll(async () => {
  await office.close();
});

const PERIOD_LINE = { Q3: '(Số liệu tính từ ngày 15/06/2024 đến ngày 14/09/2024)', Y: '(Số liệu tính từ ngày 15/12/2023 đến ngày 14/12/2024)' } as const;
const SUMMARY = { Q3: 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2024', Y: 'Kết quả thực hiện công tác cải cách hành chính năm 2024' } as const;

describe.each(['Q3', 'Y'] as const)('the sample\'s %s report', (period) => {
  test.each(['xlsx', 'docx'])('as .%s printed by LibreOffice: national title, period line, both tables\' totals, every overdue task in full', async (ext) => {
    const json = reports[period];
    const pdf = await toPdf(`bc-${period}.${ext}`);
    const layout = await pdfText(pdf, true);
    const flow = oneLine(await pdfText(pdf, false));
    // The sheet's PDF starts with the appendix (LibreOffice prints every sheet): read from the report on.
    const start = layout.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', ext === 'xlsx' ? layout.indexOf('Số: …/BC-SCT') - 400 : 0);
    expect(start).toBeGreaterThanOrEqual(0);
    for (const part of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND TỈNH BÌNH AN', 'SỞ CÔNG THƯƠNG', 'Số: …/BC-SCT', 'BÁO CÁO', SUMMARY[period], PERIOD_LINE[period], 'Nơi nhận:']) {
      expect([part, flow.includes(part)]).toEqual([part, true]);
    }

    // Totals rows of the two count tables, as printed: the six classes, total, done, rate.
    const areaAt = layout.indexOf(ext === 'xlsx' ? 'I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH' : 'Bảng 1. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH', start);
    const leadAt = layout.indexOf(ext === 'xlsx' ? 'II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ' : 'Bảng 2. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ', start);
    expect([areaAt, leadAt].every((i) => i > 0)).toBe(true);
    const t = json.total;
    const sep = ext === 'xlsx' ? '.' : ',';
    expect(numbersAfter(layout, 'Tổng cộng', areaAt)).toEqual([t.doneOnTime, t.doneLate, t.inProgress, t.overdue, t.notDue, t.notFixed, t.total, t.done].map(String).concat(`${rate(t.rate).replace('.', sep)}%`));
    const unitTotal = json.byLead.reduce((n, u) => n + u.total, 0);
    const unitDone = json.byLead.reduce((n, u) => n + u.done, 0);
    expect(numbersAfter(layout, 'Tổng cộng', leadAt).slice(6, 8)).toEqual([String(unitTotal), String(unitDone)]);

    // Every overdue task's whole name, however many lines it wraps over.
    expect(json.overdue.length).toBeGreaterThan(0);
    const report = flow.slice(flow.indexOf('Số: …/BC-SCT'));
    for (const task of json.overdue) expect([task.task, holdsWhole(report, task.task)]).toEqual([task.task, true]);
    // The check can fail: a name with a word the page does not have is not found.
    expect(holdsWhole(report, `${json.overdue[0].task} khôngcótừnày`)).toBe(false);

    const shots = await screenshots(pdf, `report-${period}-${ext}`);
    expect(shots.length).toBeGreaterThan(0);
  });
});

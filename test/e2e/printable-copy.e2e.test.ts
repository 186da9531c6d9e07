/**
 * The checked copy prints like the original (docs/printing.md), as LibreOffice prints it: the
 * bundled sample and its copy (`validate --out`) go to PDF; the copy takes the original's pages
 * plus the tracking block's share (its own strip of pages to the right of the table's), the table
 * word for word as the original prints it, at its text size — so too for three other layouts
 * (portrait, A3, two pages wide) — and every "Kiểm tra" text is whole — its last line above the next row. The
 * copy's first page and first block page are saved as PNG in test-output/screenshots.
 *
 * Needs soffice (libreoffice-calc), pdftotext and pdftoppm (poppler-utils), and the Carlito font
 * (fonts-crosextra-carlito), metric-compatible with Calibri, so that LibreOffice lays columns out
 * as Excel does; .ci/run installs them.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { exec, pdfPages, pdfWords, startOffice, type Office, type Word } from './harness/libreoffice';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const SHEET = 'Phụ lục';

let office: Office;
let dir: string;
const at = (name: string) => path.join(dir, name);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Index in `list` (from `from`) where the words of `text` start, consecutively; -1 if nowhere. */
function findWords(list: Word[], text: string, from = 0): number {
  const wanted = text.normalize('NFC').split(/\s+/).filter(Boolean);
  for (let i = from; i + wanted.length <= list.length; i++) {
    if (wanted.every((w, k) => list[i + k].text === w)) return i;
  }
  return -1;
}

beforeAll(async () => {
  office = await startOffice('cchc-e2e-print-');
  dir = office.dir;
  await fs.copyFile(SAMPLE, at('original.xlsx'));
  const code = await run(['validate', at('original.xlsx'), '--as-of', '15/10/2024', '--out', at('copy.xlsx')], { stdout: () => undefined, stderr: () => undefined, cwd: dir, today: () => '2024-10-15' });
  expect(code).toBe(1);
  await office.toPdf([at('original.xlsx'), at('copy.xlsx')]);
});

afterAll(async () => {
  await office.close();
});

test('the copy prints on the original’s pages plus the block’s share, at the original’s scale', async () => {
  const [original, copy] = [await pdfPages(at('original.pdf')), await pdfPages(at('copy.pdf'))];
  const [before, after] = [await pdfWords(at('original.pdf')), await pdfWords(at('copy.pdf'))];
  // The block's pages are those that print its header.
  const blockPages = new Set(after.filter((w) => w.text === 'Hạn' && after.some((v) => v.page === w.page && v.text === 'chót')).map((w) => w.page));
  expect(blockPages.size).toBeGreaterThan(0);
  // Printed down, then over: the table's pages first, as many as the original's, then the
  // block's, as many.
  const tablePages = Math.min(...blockPages) - 1;
  expect(tablePages).toBe(original);
  expect(blockPages.size).toBe(tablePages);
  expect(copy).toBe(tablePages + blockPages.size);
  // At the original's scale: the table's pages print the same words at the same size.
  for (let page = 1; page <= original; page++) expect(pageText(after, page)).toEqual(pageText(before, page));
  const height = (list: Word[]) => median(list.filter((w) => w.page === 1).map((w) => w.y1 - w.y0));
  expect(height(after) / height(before)).toBeCloseTo(1, 2);
});

/** The words of a page, in reading order, with their heights (rounded to 0.1 pt). */
function pageText(list: Word[], page: number): string[] {
  return list
    .filter((w) => w.page === page)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
    .map((w) => `${w.text}@${(w.y1 - w.y0).toFixed(1)}`);
}

/** The sample with other column widths and another page setup: what other agencies print. */
/** Page settings as exceljs writes them; its types lack A3 (OOXML paper size 8). */
type Setup = Partial<Omit<ExcelJS.PageSetup, 'paperSize'>> & { paperSize?: number };

async function variant(name: string, widths: number[], setup: Setup): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const ws = book.getWorksheet(SHEET)!;
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  Object.assign(ws.pageSetup, setup);
  await book.xlsx.writeFile(at(`${name}.xlsx`));
  const code = await run(['validate', at(`${name}.xlsx`), '--as-of', '15/10/2024', '--out', at(`${name}-copy.xlsx`)], { stdout: () => undefined, stderr: () => undefined, cwd: dir, today: () => '2024-10-15' });
  expect(code).toBe(1);
}

test('other layouts: the copy’s table prints on the original’s pages at the original’s scale', async () => {
  const layouts: [string, number[], Setup][] = [
    ['portrait', [5, 22, 40, 24, 20, 22, 18, 14, 12, 14, 16], { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }],
    ['a3', [7, 34, 60, 36, 30, 34, 26, 20, 18, 18, 20], { orientation: 'landscape', paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }],
    ['two-wide', [8, 40, 70, 44, 36, 40, 30, 24, 20, 20, 22], { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 2, fitToHeight: 0 }],
  ];
  for (const [name, widths, setup] of layouts) await variant(name, widths, setup);
  await office.toPdf(layouts.flatMap(([name]) => [at(`${name}.xlsx`), at(`${name}-copy.xlsx`)]));
  for (const [name] of layouts) {
    const [before, after] = [await pdfWords(at(`${name}.pdf`)), await pdfWords(at(`${name}-copy.pdf`))];
    // The copy's first page is the original's, word for word at the same size — up to where a
    // row grown for its "Kiểm tra" text (docs/printing.md) moves the rest to the next page.
    const [first, copied] = [pageText(before, 1), pageText(after, 1)];
    expect({ name, words: copied.length >= 0.8 * first.length }).toEqual({ name, words: true });
    expect({ name, text: copied }).toEqual({ name, text: first.slice(0, copied.length) });
    expect({ name, pages: (await pdfPages(at(`${name}-copy.pdf`))) > (await pdfPages(at(`${name}.pdf`))) }).toEqual({ name, pages: true });
  }
});

test('every “Kiểm tra” text is printed whole, above the next row', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(at('copy.xlsx'));
  const ws = book.getWorksheet(SHEET)!;
  const all = await pdfWords(at('copy.pdf'));
  // The block's header row: "Hạn chót" and "Kiểm tra" on one line of a page.
  const sameLine = (a: Word, text: string) => all.some((v) => v.page === a.page && v.text === text && Math.abs(v.y0 - a.y0) < 1);
  const header = all.find((w) => w.text === 'Kiểm' && sameLine(w, 'tra') && sameLine(w, 'Hạn') && sameLine(w, 'chót'))!;
  expect(header).toBeDefined();
  // "Kiểm tra" is the block's last column: its words are those right of "Hạn chót", whose dates
  // all end where the column does (right-aligned numbers); dates inside texts end anywhere.
  const ends = new Map<number, number>();
  for (const w of all) if (w.page >= header.page && /^\d\d\/\d\d\/\d{4}$/.test(w.text)) ends.set(Math.round(w.x1), (ends.get(Math.round(w.x1)) ?? 0) + 1);
  const dueRight = [...ends].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const order = (a: Word, b: Word) => a.page - b.page || a.y0 - b.y0 || a.x0 - b.x0;
  // Below the block's header on each page (the header rows repeat). A hidden column's clipped
  // "###" is in the PDF too, but is no word of a text.
  const headerBottom = new Map<number, number>();
  for (const w of all) if (w.text === 'Kiểm' && sameLine(w, 'tra') && sameLine(w, 'Hạn')) headerBottom.set(w.page, w.y1);
  const below = (w: Word) => headerBottom.has(w.page) && w.y0 > headerBottom.get(w.page)!;
  const check = all.filter((w) => w.x0 > dueRight + 0.3 && below(w) && w.text !== '###').sort(order);
  const rest = all.filter((w) => w.x1 < dueRight - 80 && below(w)).sort(order);
  let from = 0;
  let checked = 0;
  for (let row = 11; row <= ws.rowCount; row++) {
    const text = String(ws.getCell(row, 14).value ?? '').trim();
    if (text === '') continue;
    const start = findWords(check, text, from);
    expect({ row, found: start >= 0 }).toEqual({ row, found: true });
    const count = text.split(/\s+/).filter(Boolean).length;
    const own = check.slice(start, start + count);
    from = start + count;
    // The next row with text in "Nhiệm vụ" (C) starts below the last line of this text.
    let next = row + 1;
    while (next <= ws.rowCount && String(ws.getCell(next, 3).value ?? '').trim() === '') next++;
    if (next <= ws.rowCount) {
      const first = String(ws.getCell(next, 3).value).trim().split(/\s+/).slice(0, 3).join(' ');
      const candidates = rest.filter((w) => w.page === own[0].page && w.y0 > own[0].y0 + 2);
      const i = findWords(candidates, first);
      if (i >= 0) expect({ row, runsIntoNextRow: Math.max(...own.map((w) => w.y1)) > candidates[i].y0 + 0.5 }).toEqual({ row, runsIntoNextRow: false });
    }
    checked++;
  }
  expect(checked).toBeGreaterThan(3);
});

test('screenshots of the copy’s first page and of its first block page', async () => {
  await fs.mkdir(SHOTS, { recursive: true });
  const original = await pdfPages(at('original.pdf'));
  await exec('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', at('copy.pdf'), path.join(SHOTS, 'printable-copy-page1')]);
  await exec('pdftoppm', ['-png', '-r', '80', '-f', String(original + 1), '-l', String(original + 1), '-singlefile', at('copy.pdf'), path.join(SHOTS, 'printable-copy-block-page')]);
  for (const name of ['printable-copy-page1.png', 'printable-copy-block-page.png']) expect((await fs.stat(path.join(SHOTS, name))).size).toBeGreaterThan(10_000);
});

/**
 * The checked copy prints like the original (docs/printing.md), on real files: the user's page
 * setup is kept and extended over the tracking block, and the block looks like the table it
 * extends. LibreOffice's rendering of it is test/e2e/printable-copy.e2e.test.ts.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../src/testing/plans/xlsx';
import { openXlsxWorkbook } from '../../src/hosts/xlsx/port';
import { printNames as readPrintNames } from '../../src/engine/print';
import { congThuongPlan } from '../fixtures/plans';
import { sheetXml, workbookXml } from '../hosts/xlsx/helpers';
import { runCli, tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
const SHEET = 'Phụ lục';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir('cchc-print-');
  expect((await runCli(['validate', SAMPLE, '--as-of', '15/10/2024', '--out', at('copy.xlsx')])).code).toBe(1);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Xml = Record<string, Record<string, string>>;

function printNames(book: Record<string, unknown>): Record<string, string> {
  const defined = (book.definedNames as { definedName?: { '@_name': string; '#text': string }[] } | undefined)?.definedName ?? [];
  return Object.fromEntries(defined.filter((d) => d['@_name'].startsWith('_xlnm.')).map((d) => [d['@_name'], d['#text'].replace(/&apos;/g, "'")]));
}

test('the sample’s page setup is read: A4 landscape, fitted one page wide, header rows repeated', async () => {
  const read = await (await openXlsxWorkbook(SAMPLE)).readSheet({ forWriting: false });
  if (!read.ok) throw new Error('not read');
  const page = read.sheet.grid.page!;
  expect(page).toMatchObject({ orientation: 'landscape', paperSize: 9, margins: { left: 0.7, right: 0.7 }, zoom: { fitWidth: 1, fitHeight: 0 }, printArea: null, titleRows: { first: 7, last: 9 }, titleColumns: null });
  // Calibri 11's digits are 7 pixels: 6 characters are 42 pixels, 31.5 points; the default is 64 pixels.
  expect(page.columnWidths[0]).toBe(31.5);
  expect(page.defaultColumnWidth).toBe(48);
});

test('the copy keeps paper, orientation and margins, and takes the block on pages of its own at the original’s scale', async () => {
  const [before, after] = [(await sheetXml(SAMPLE, SHEET)) as Xml, (await sheetXml(at('copy.xlsx'), SHEET)) as Xml];
  const { ['@_fitToWidth']: fitBefore, ...setupBefore } = before.pageSetup;
  const { ['@_fitToWidth']: fitAfter, ...setupAfter } = after.pageSetup;
  expect(setupAfter).toEqual(setupBefore);
  expect([fitBefore, fitAfter]).toEqual(['1', '2']);
  expect(after.pageSetup['@_fitToHeight']).toBe('0');
  expect(after.pageMargins).toEqual(before.pageMargins);
  expect(after.sheetPr).toEqual(before.sheetPr);
  expect(printNames(await workbookXml(SAMPLE))).toEqual({ '_xlnm.Print_Titles': "'Phụ lục'!$8:$10" });
  // The header rows the user repeats stay; STT … "Nhiệm vụ" repeat on the block's pages.
  expect(printNames(await workbookXml(at('copy.xlsx')))).toEqual({ '_xlnm.Print_Titles': "'Phụ lục'!$A:$C,'Phụ lục'!$8:$10" });
});

test('the block is styled like the table: its font, thin borders, top alignment, wrapped text; headers fit', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(at('copy.xlsx'));
  const ws = book.getWorksheet(SHEET)!;
  const tableBody = ws.getCell('I12');
  for (const ref of ['J12', 'K12', 'L12', 'M12', 'N12', 'J58', 'N20']) {
    const cell = ws.getCell(ref);
    expect(cell.font).toMatchObject({ name: tableBody.font.name, size: tableBody.font.size });
    expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(cell.alignment).toMatchObject({ vertical: 'top', wrapText: true });
  }
  expect(tableBody.font.name).toBe('Times New Roman');
  const header = ws.getCell('K9');
  expect(header.value).toBe('Ngày hoàn thành');
  expect(header.font).toMatchObject({ name: 'Times New Roman', size: ws.getCell('I9').font.size, bold: true });
  // The numbering row under the header is bordered too: the grid has no gap.
  expect(ws.getCell('J10').border).toMatchObject({ top: { style: 'thin' } });
  expect(ws.getColumn('K').width).toBeGreaterThanOrEqual(Math.ceil('Ngày hoàn thành'.length * 1.3));
  // “Kiểm tra” takes the room its page leaves (all of it: the sample is fitted one page wide,
  // docs/printing.md), within Excel's 255 characters.
  expect(ws.getColumn('N').width).toBeGreaterThan(80);
  expect(ws.getColumn('N').width).toBeLessThanOrEqual(255);
});

test('a print area over the table grows to the block; header rows repeat where none did', async () => {
  const book = buildWorkbook(congThuongPlan);
  const ws = book.getWorksheet(SHEET)!;
  ws.pageSetup = { ...ws.pageSetup, printArea: 'A1:I23', orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as ExcelJS.PageSetup;
  await book.xlsx.writeFile(at('area.xlsx'));
  expect((await runCli(['validate', at('area.xlsx'), '--as-of', '01/07/2024', '--out', at('area-copy.xlsx')])).code).toBeLessThan(2);
  expect(printNames(await workbookXml(at('area-copy.xlsx')))).toMatchObject({ '_xlnm.Print_Area': "'Phụ lục'!$A$1:$N$23", '_xlnm.Print_Titles': expect.stringContaining("'Phụ lục'!$5:$5") });
  const xml = (await sheetXml(at('area-copy.xlsx'), SHEET)) as Xml;
  expect(xml.pageSetup['@_orientation']).toBe('portrait');

  // Taken back, the print area and titles are the user's again.
  expect((await runCli(['clean', at('area-copy.xlsx'), '--out', at('area-clean.xlsx')])).code).toBe(0);
  const parsed = async (file: string) => {
    const names = printNames(await workbookXml(file));
    return readPrintNames(names['_xlnm.Print_Area'] ?? null, names['_xlnm.Print_Titles'] ?? null);
  };
  expect(await parsed(at('area-clean.xlsx'))).toEqual(await parsed(at('area.xlsx')));
  const cleaned = (await sheetXml(at('area-clean.xlsx'), SHEET)) as Xml;
  const original = (await sheetXml(at('area.xlsx'), SHEET)) as Xml;
  expect([cleaned.pageSetup['@_fitToWidth'], cleaned.pageSetup['@_fitToHeight']]).toEqual([original.pageSetup['@_fitToWidth'], original.pageSetup['@_fitToHeight']]);
});

test('taking the block back gives the sample its own page setup again', async () => {
  expect((await runCli(['clean', at('copy.xlsx'), '--out', at('clean.xlsx')])).code).toBe(0);
  const [original, cleaned] = [(await sheetXml(SAMPLE, SHEET)) as Xml, (await sheetXml(at('clean.xlsx'), SHEET)) as Xml];
  expect(cleaned.pageSetup).toEqual(original.pageSetup);
  expect(cleaned.sheetPr).toEqual(original.sheetPr);
  expect(printNames(await workbookXml(at('clean.xlsx')))).toEqual(printNames(await workbookXml(SAMPLE)));
});

test('rows the user sized too low for their “Kiểm tra” text grow; the others keep their height', async () => {
  // The sample printed on A4 portrait: a narrower "Kiểm tra" than on landscape, where its texts
  // fit the rows as they are.
  const portrait = new ExcelJS.Workbook();
  await portrait.xlsx.readFile(SAMPLE);
  const sheet = portrait.getWorksheet(SHEET)!;
  [5, 22, 40, 24, 20, 22, 18, 14, 12, 14, 16].forEach((w, c) => (sheet.getColumn(c + 1).width = w));
  Object.assign(sheet.pageSetup, { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  await portrait.xlsx.writeFile(at('portrait.xlsx'));
  expect((await runCli(['validate', at('portrait.xlsx'), '--as-of', '15/10/2024', '--out', at('portrait-copy.xlsx')])).code).toBe(1);
  const [original, copy] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await original.xlsx.readFile(at('portrait.xlsx'));
  await copy.xlsx.readFile(at('portrait-copy.xlsx'));
  const [before, after] = [original.getWorksheet(SHEET)!, copy.getWorksheet(SHEET)!];
  let grown = 0;
  for (let row = 11; row <= 58; row++) {
    const text = String(after.getCell(row, 14).value ?? '');
    const [h0, h1] = [before.getRow(row).height, after.getRow(row).height];
    if (text === '') expect(h1).toBe(h0);
    else expect(h1).toBeGreaterThanOrEqual(h0);
    if (h1 > h0) grown++;
  }
  expect(grown).toBeGreaterThan(0);
});

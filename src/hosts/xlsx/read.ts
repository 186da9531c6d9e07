/**
 * Reading a .xlsx with exceljs (the `convert` command, tests): open the file (open-file.ts tells
 * apart the ways a file can fail to be a workbook), then turn each worksheet into the engine's Grid in one pass over its stored cells,
 * and read the workbook state the add-in keeps in its very hidden sheet.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, Grid } from '../../engine/model';
import { parseWorkbookState, STATE_SHEET_NAME, type WorkbookState } from '../../engine/settings';
import { cellValue, type ExceljsCellLike } from './cell-value';
import { applyExceljsPatches } from './exceljs-patches';
import { textFontName, type FontedCellLike } from './fonts';
import { mayBeLegacy } from '../../engine/legacy/detect';
import { assertZipContainer, WorkbookOpenError, type OpenFailureCode } from './open-file';

applyExceljsPatches();

export { WorkbookOpenError, readWorkbookBytes } from './open-file';
export type { OpenFailureCode } from './open-file';

/** Open a workbook; every failure is a WorkbookOpenError with a code the caller can word. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  await assertZipContainer(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    // A zip that starts right but cannot be read is truncated or damaged; a zip that is read but
    // has no workbook part is some other kind of document.
    const message = String((e as Error)?.message ?? e);
    const code: OpenFailureCode = /central directory|end of data|corrupted zip|unexpected signature|invalid|crc32|inflat|unexpected end/i.test(message)
      ? 'damaged'
      : 'not-workbook';
    throw new WorkbookOpenError(code, file, message);
  }
  if (workbook.worksheets.length === 0) {
    // exceljs "reads" any zip; a real workbook has at least one sheet.
    throw new WorkbookOpenError('not-workbook', file, 'no worksheet in the file');
  }
  return workbook;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetRead {
  name: string;
  visibility: SheetVisibility;
  grid: Grid;
}

export interface WorkbookRead {
  /** Every sheet except the add-in's state sheet, in tab order. */
  sheets: SheetRead[];
  /** Index in `sheets` of the sheet that was active when the workbook was saved, or -1. */
  activeIndex: number;
  date1904: boolean;
  state: WorkbookState;
  /** Why the stored state could not be used (defaults were taken instead), or null. */
  stateProblem: string | null;
}

interface RowLike {
  number: number;
  hidden: boolean;
  eachCell(opt: { includeEmpty: boolean }, cb: (cell: ExceljsCellLike, col: number) => void): void;
}

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The Grid of one worksheet: one pass over the stored rows (exceljs keeps them as a sparse array). */
export function readGrid(worksheet: ExcelJS.Worksheet, date1904: boolean): Grid {
  const values: CellValue[][] = [];
  const hiddenRows: number[] = [];
  let fonts: (string | null)[][] | undefined;
  // exceljs's public eachRow skips rows without values, but a hidden empty row still matters.
  const rows = (worksheet as unknown as { _rows: (RowLike | undefined)[] })._rows ?? [];
  for (const row of rows) {
    if (!row) continue;
    const r = row.number - 1;
    if (row.hidden) hiddenRows.push(r);
    let line: CellValue[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellValue(cell, date1904);
      if (v === null) return;
      if (!line) line = [];
      line[col - 1] = v;
      const font = typeof v === 'string' && mayBeLegacy(v) ? textFontName(cell as FontedCellLike) : null;
      if (font) ((fonts ??= [])[r] ??= [])[col - 1] = font;
    });
    if (line) {
      // Fill the holes eachCell left so every row is a dense array.
      for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
      values[r] = line;
    }
  }
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const merges: CellRange[] = [];
  const mergeMap = (worksheet as unknown as { _merges: Record<string, RangeLike | undefined> })._merges ?? {};
  for (const m of Object.values(mergeMap)) {
    if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return { sheetName: worksheet.name, values, origin: { row: 0, col: 0 }, merges, hiddenRows, date1904, ...(fonts ? { fonts } : {}) };
}

/** Whether the sheet is protected (exceljs keeps it in a field it does not type). */
export function isSheetProtected(worksheet: ExcelJS.Worksheet): boolean {
  const protection = (worksheet as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!protection && protection.sheet === true;
}

export function isDate1904(workbook: ExcelJS.Workbook): boolean {
  return !!workbook.properties?.date1904;
}

/** The stored workbook state (settings + column corrections), or the defaults. */
export function readWorkbookState(workbook: ExcelJS.Workbook): { state: WorkbookState; problem: string | null } {
  const sheet = workbook.getWorksheet(STATE_SHEET_NAME);
  if (!sheet) return parseWorkbookState(null);
  const v = cellValue(sheet.getCell('A1') as unknown as ExceljsCellLike, false);
  return parseWorkbookState(typeof v === 'string' ? v : null);
}

/** Sheets in tab order with the add-in's state sheet left out; grids are built on demand. */
export function listSheets(workbook: ExcelJS.Workbook): { sheets: ExcelJS.Worksheet[]; activeIndex: number } {
  const all = workbook.worksheets;
  const activeTab = workbook.views?.[0]?.activeTab ?? 0;
  const active = all[activeTab] ?? all[0];
  const sheets = all.filter((ws) => ws.name !== STATE_SHEET_NAME);
  return { sheets, activeIndex: active ? sheets.indexOf(active) : -1 };
}

export function readWorkbook(workbook: ExcelJS.Workbook): WorkbookRead {
  const date1904 = isDate1904(workbook);
  const { sheets, activeIndex } = listSheets(workbook);
  const { state, problem } = readWorkbookState(workbook);
  return {
    sheets: sheets.map((ws) => ({ name: ws.name, visibility: (ws.state ?? 'visible') as SheetVisibility, grid: readGrid(ws, date1904) })),
    activeIndex,
    date1904,
    state,
    stateProblem: problem,
  };
}

/** Parts of a package that exceljs does not carry into a file it writes, by the name the zip
 * stores for them (names are stored uncompressed, so the bytes can be searched directly). Only
 * `convert` still writes through exceljs; checked copies go through the surgical writer. */
const UNCARRIED_PARTS: { marker: string; kind: UncarriedPart }[] = [
  { marker: 'xl/charts/chart', kind: 'chart' },
  { marker: 'xl/pivotTables/', kind: 'pivot-table' },
  { marker: 'xl/slicers/', kind: 'slicer' },
  { marker: 'xl/ctrlProps/', kind: 'form-control' },
  { marker: 'xl/vbaProject.bin', kind: 'macro' },
];
export type UncarriedPart = 'chart' | 'pivot-table' | 'slicer' | 'form-control' | 'macro';

/** What the file holds that a copy written by exceljs would lose (the input itself is kept). */
export async function uncarriedParts(file: string): Promise<UncarriedPart[]> {
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return [];
  return UNCARRIED_PARTS.filter((p) => bytes.includes(p.marker)).map((p) => p.kind);
}

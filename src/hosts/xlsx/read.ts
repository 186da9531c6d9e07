/**
 * Reading a .xlsx with exceljs: open the file (telling apart the ways a file can fail to be a
 * workbook), then turn each worksheet into the engine's Grid in one pass over its stored cells,
 * and read the workbook state the add-in keeps in its very hidden sheet.
 */
import { constants as fsConstants, promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, Grid } from '../../engine/model';
import { parseWorkbookState, STATE_SHEET_NAME, type WorkbookState } from '../../engine/settings';
import { cellValue, type ExceljsCellLike } from './cell-value';
import { applyExceljsPatches } from './exceljs-patches';
import { textFontName, type FontedCellLike } from './fonts';
import { mayBeLegacy } from '../../engine/legacy/detect';

applyExceljsPatches();

export type OpenFailureCode =
  | 'missing'
  | 'not-a-file'
  /** A device, FIFO or socket: never opened for reading (a FIFO would wait for a writer). */
  | 'not-regular'
  | 'unreadable'
  | 'not-workbook'
  | 'old-xls'
  | 'encrypted'
  | 'damaged'
  /** A part of the zip expands past what the tool accepts (a zip bomb, or far too big a sheet). */
  | 'too-large';

/** Why a file could not be opened as a workbook; `detail` is the underlying error, for logs only. */
export class WorkbookOpenError extends Error {
  constructor(
    readonly code: OpenFailureCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${code}: ${file}: ${detail}`);
    this.name = 'WorkbookOpenError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE compound file: an old .xls, or an .xlsx encrypted with a password (Excel wraps it). */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_STREAM = Buffer.from('EncryptionInfo', 'utf16le');

async function sniff(file: string): Promise<{ head: Buffer; size: number }> {
  let handle: fs.FileHandle | undefined;
  try {
    // Judged before opening (opening a FIFO waits for a writer), and again on the open file with
    // O_NONBLOCK, so a FIFO swapped in meanwhile does not hang either.
    const before = await fs.stat(file);
    if (before.isDirectory()) throw new WorkbookOpenError('not-a-file', file, 'a directory');
    if (!before.isFile()) throw new WorkbookOpenError('not-regular', file, 'not a regular file');
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookOpenError('not-a-file', file, 'a directory');
    if (!stat.isFile()) throw new WorkbookOpenError('not-regular', file, 'not a regular file');
    const head = Buffer.alloc(Math.min(stat.size, 8));
    if (head.length > 0) await handle.read(head, 0, head.length, 0);
    return { head, size: stat.size };
  } catch (e) {
    if (e instanceof WorkbookOpenError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookOpenError('missing', file, String(e));
    if (code === 'EISDIR') throw new WorkbookOpenError('not-a-file', file, String(e));
    throw new WorkbookOpenError('unreadable', file, String(e));
  } finally {
    await handle?.close();
  }
}

/**
 * The file's bytes, once it is known to be a zip container and not an old .xls or an encrypted
 * workbook; every failure is a WorkbookOpenError with a code the caller can word.
 */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  const { head, size } = await sniff(file);
  if (head.length >= 8 && head.equals(CFB_MAGIC)) {
    const whole = await fs.readFile(file);
    throw new WorkbookOpenError(whole.includes(ENCRYPTION_STREAM) ? 'encrypted' : 'old-xls', file, 'OLE compound file');
  }
  const isZip = head.length >= 4 && (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC));
  if (!isZip) throw new WorkbookOpenError('not-workbook', file, size === 0 ? 'empty file' : 'not a zip container');
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new WorkbookOpenError('unreadable', file, String(e));
  }
}

/** Open a workbook; every failure is a WorkbookOpenError with a code the caller can word. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const { head, size } = await sniff(file);
  if (head.length >= 8 && head.equals(CFB_MAGIC)) {
    const whole = await fs.readFile(file);
    const encrypted = whole.includes(ENCRYPTION_STREAM);
    throw new WorkbookOpenError(encrypted ? 'encrypted' : 'old-xls', file, 'OLE compound file');
  }
  const isZip = head.length >= 4 && (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC));
  if (!isZip) throw new WorkbookOpenError('not-workbook', file, size === 0 ? 'empty file' : 'not a zip container');
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

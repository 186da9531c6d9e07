/**
 * The .xlsx host's WorkbookPort (src/usecases/ports.ts): a workbook file opened with exceljs.
 * readSheet() finds the appendix sheet; apply() makes the changes in memory and writes them to a
 * copy, atomically. exceljs stays behind this module: callers see plain data and the errors
 * below, never an exceljs type.
 */
import type ExcelJS from 'exceljs';
import { chooseAppendixSheet } from '../../engine/analyze';
import type { ChangeSet, Grid } from '../../engine/model';
import { fold } from '../../engine/text';
import type { ApplyReport, SheetReadResult, SheetSnapshot, WorkbookPort } from '../../usecases/ports';
import { ChangeSetError } from '../change-set-error';
import { applyChangeSet } from './apply';
import { isDate1904, isSheetProtected, listSheets, openWorkbook, readGrid, readWorkbookState, uncarriedParts, type UncarriedPart } from './read';
import { writeWorkbookAtomically, WorkbookWriteError, type WriteFailureCode } from './write';

export interface OpenOptions {
  /** The sheet to check, by name (exact, then ignoring case and accents); else it is found. */
  sheet?: string;
  /** Where apply() writes the checked copy; the opened file itself is never written. */
  copyTo?: string;
}

export interface OpenedWorkbook extends WorkbookPort {
  /** What a copy of this file written here would lose (charts, pivot tables…). */
  readonly notCopied: UncarriedPart[];
}

export type CopyFailureCode = WriteFailureCode | 'invalid-changes';

/** Why apply() wrote no copy; `detail` is the underlying error, for logs only. */
export class CopyError extends Error {
  constructor(
    readonly code: CopyFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'CopyError';
  }
}

function hasAnyValue(grid: Grid): boolean {
  for (const line of grid.values) {
    for (const v of line) if (v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

/**
 * Open a workbook file; every failure to open is a WorkbookOpenError (read.ts) with a code the
 * caller can word.
 */
export async function openXlsxWorkbook(file: string, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const workbook = await openWorkbook(file);
  const notCopied = await uncarriedParts(file);
  return {
    notCopied,
    readSheet: async () => readChosenSheet(workbook, options.sheet),
    apply: async (changes) => applyToCopy(workbook, changes, options.copyTo),
  };
}

/**
 * The sheet asked for, else the engine's choice among the visible sheets with the active sheet
 * preferred. When no sheet holds an appendix the active sheet is returned, so that the engine's
 * own failure ("no appendix table on sheet …") is what the user reads.
 */
function readChosenSheet(workbook: ExcelJS.Workbook, wanted: string | undefined): SheetReadResult {
  const date1904 = isDate1904(workbook);
  const { sheets, activeIndex } = listSheets(workbook);
  const sheetNames = sheets.map((s) => s.name);
  const chosen = (ws: ExcelJS.Worksheet, grid: Grid): SheetReadResult => ({ ok: true, sheet: snapshot(workbook, ws, grid, sheetNames) });

  if (wanted !== undefined) {
    const ws =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.normalize('NFC') === wanted.normalize('NFC')) ??
      sheets.find((s) => fold(s.name) === fold(wanted));
    if (!ws) return { ok: false, refusal: { code: 'no-such-sheet', wanted, sheetNames } };
    return chosen(ws, readGrid(ws, date1904));
  }

  const visible = sheets.filter((s) => (s.state ?? 'visible') === 'visible');
  const candidates = visible.length > 0 ? visible : sheets;
  const grids = candidates.map((ws) => readGrid(ws, date1904));
  if (!grids.some(hasAnyValue)) return { ok: false, refusal: { code: 'empty-workbook' } };
  const active = activeIndex >= 0 ? candidates.indexOf(sheets[activeIndex]) : -1;
  const found = chooseAppendixSheet(grids, active >= 0 ? active : undefined);
  const index = found >= 0 ? found : active >= 0 && hasAnyValue(grids[active]) ? active : grids.findIndex(hasAnyValue);
  return chosen(candidates[index], grids[index]);
}

function snapshot(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, grid: Grid, sheetNames: string[]): SheetSnapshot {
  const { state, problem } = readWorkbookState(workbook);
  return {
    sheetName: grid.sheetName,
    grid,
    state,
    stateProblem: problem,
    // exceljs does not read the workbook's structure lock; the copy is a new file either way.
    protection: { sheet: isSheetProtected(ws), structure: false },
    sheetNames,
  };
}

async function applyToCopy(workbook: ExcelJS.Workbook, changes: ChangeSet, copyTo: string | undefined): Promise<ApplyReport> {
  if (copyTo === undefined) throw new Error('apply() on a workbook opened without copyTo');
  let skipped: string[];
  try {
    skipped = applyChangeSet(workbook, changes).skipped;
  } catch (e) {
    if (e instanceof ChangeSetError) throw new CopyError('invalid-changes', e.message);
    throw e;
  }
  try {
    await writeWorkbookAtomically(workbook, copyTo);
  } catch (e) {
    if (e instanceof WorkbookWriteError) throw new CopyError(e.code, e.detail);
    throw e;
  }
  return { skipped };
}

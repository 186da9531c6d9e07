/**
 * The steps every command runs on one input file: open it, find the appendix sheet, analyse it
 * with the engine, and (with --out) write a checked copy. Each step turns its failure into one
 * sentence; nothing here throws for bad input. Shared by validate and report.
 */
import { promises as fs, constants as fsConstants } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { analyzeSheet, chooseAppendixSheet } from '../engine/analyze';
import type { Analysis, ChangeSet, Grid, ISODate, Lang } from '../engine/model';
import { fold } from '../engine/text';
import { ChangeSetError } from '../hosts/change-set-error';
import { applyChangeSet, findWorksheet } from '../hosts/xlsx/apply';
import { isDate1904, listSheets, openWorkbook, readGrid, readWorkbookState, uncarriedParts, WorkbookOpenError, type UncarriedPart } from '../hosts/xlsx/read';
import { writeWorkbookAtomically, WorkbookWriteError } from '../hosts/xlsx/write';
import { engineWording } from '../i18n/engine';
import type { Settings, WorkbookState } from '../engine/settings';
import { messages, openFailure, writeFailure } from './messages';

export type JobFailureCode =
  | 'open-failed'
  | 'empty-workbook'
  | 'no-such-sheet'
  | 'no-table'
  | 'ambiguous-table'
  | 'empty-sheet'
  | 'bad-settings'
  | 'out-conflict'
  | 'protected-sheet'
  | 'write-failed'
  | 'unexpected';

export interface JobFailure {
  ok: false;
  code: JobFailureCode;
  /** One sentence in the requested language. */
  message: string;
}

export interface OpenedPlan {
  ok: true;
  workbook: ExcelJS.Workbook;
  state: WorkbookState;
  stateProblem: string | null;
  /** The grid of the chosen sheet. */
  grid: Grid;
  /** Every other sheet's name, for messages. */
  sheetNames: string[];
  /** What a copy of this file written here would lose (charts, pivot tables…). */
  notCopied: UncarriedPart[];
}

export interface PlanOptions {
  /** --sheet, when given. */
  sheet?: string;
  lang: Lang;
}

function fail(code: JobFailureCode, message: string): JobFailure {
  return { ok: false, code, message };
}

function hasAnyValue(grid: Grid): boolean {
  for (const line of grid.values) {
    for (const v of line) if (v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

/**
 * Open the file and pick the sheet: --sheet by name (exact, then ignoring case and accents),
 * else the engine's choice among the visible sheets with the active sheet preferred. When no
 * sheet holds an appendix the active sheet is returned, so that the engine's own failure
 * message ("no appendix table on sheet …") is what the user reads. `filePath` is opened;
 * `file` (as the user typed it) is what messages name.
 */
export async function openPlan(filePath: string, file: string, options: PlanOptions): Promise<OpenedPlan | JobFailure> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await openWorkbook(filePath);
  } catch (e) {
    if (e instanceof WorkbookOpenError) return fail('open-failed', openFailure(e.code, file, options.lang));
    throw e;
  }
  const date1904 = isDate1904(workbook);
  const { sheets, activeIndex } = listSheets(workbook);
  const { state, problem } = readWorkbookState(workbook);
  const sheetNames = sheets.map((s) => s.name);
  const notCopied = await uncarriedParts(filePath);
  const opened = (grid: Grid): OpenedPlan => ({ ok: true, workbook, state, stateProblem: problem, grid, sheetNames, notCopied });

  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    const ws =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.normalize('NFC') === wanted.normalize('NFC')) ??
      sheets.find((s) => fold(s.name) === fold(wanted));
    if (!ws) return fail('no-such-sheet', messages.noSuchSheet(file, wanted, sheetNames, options.lang));
    return opened(readGrid(ws, date1904));
  }

  const visible = sheets.filter((s) => (s.state ?? 'visible') === 'visible');
  const candidates = visible.length > 0 ? visible : sheets;
  const grids = candidates.map((ws) => readGrid(ws, date1904));
  if (!grids.some(hasAnyValue)) return fail('empty-workbook', messages.emptyWorkbook(file, options.lang));
  const active = activeIndex >= 0 ? candidates.indexOf(sheets[activeIndex]) : -1;
  const chosen = chooseAppendixSheet(grids, active >= 0 ? active : undefined);
  if (chosen >= 0) return opened(grids[chosen]);
  const fallback = active >= 0 && hasAnyValue(grids[active]) ? active : grids.findIndex(hasAnyValue);
  return opened(grids[fallback]);
}

export interface AnalyseOptions {
  asOf: ISODate;
  lang: Lang;
  /** --plan-year, overriding the stored setting. */
  planYear?: number;
}

/** Run the engine on the chosen sheet with the workbook's stored settings and correction. */
export function analysePlan(plan: OpenedPlan, options: AnalyseOptions): { ok: true; analysis: Analysis } | JobFailure {
  const settings: Partial<Settings> = { ...plan.state.settings };
  if (options.planYear !== undefined) settings.planYear = options.planYear;
  const result = analyzeSheet(plan.grid, {
    asOf: options.asOf,
    wording: engineWording(options.lang),
    settings,
    correction: plan.state.corrections[plan.grid.sheetName],
  });
  if (!result.ok) return fail(result.failure.code, result.failure.message);
  return { ok: true, analysis: result.analysis };
}

/** A protected sheet cannot be written in Excel either: the copy would lock the user out of
 * the tracking columns. Null when the chosen sheet is not protected. */
export function protectedSheetFailure(plan: OpenedPlan, file: string, lang: Lang): JobFailure | null {
  const ws = findWorksheet(plan.workbook, plan.grid.sheetName);
  return ws && isProtected(ws) ? fail('protected-sheet', messages.protectedSheet(file, ws.name, lang)) : null;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!protection && protection.sheet === true;
}

/** Let the chosen sheet's grid go once the analysis is done: at 50,000 rows it is tens of MB
 * that the write does not need. `plan.grid` must not be used afterwards. */
export function dropGrid(plan: OpenedPlan): void {
  (plan as { grid: Grid | null }).grid = null;
}

/** Apply the change sets to the opened workbook and write it to `target` atomically. */
export async function writeCheckedCopy(
  plan: OpenedPlan,
  changes: ChangeSet[],
  target: OutTarget,
  lang: Lang,
): Promise<{ ok: true; skipped: string[]; notCopied: UncarriedPart[] } | JobFailure> {
  const skipped: string[] = [];
  for (const change of changes) {
    const ws = findWorksheet(plan.workbook, change.sheet);
    if (ws && isProtected(ws) && (change.writes.length > 0 || change.formats.length > 0)) {
      return fail('protected-sheet', messages.protectedSheet(target.shown, ws.name, lang));
    }
  }
  try {
    for (const change of changes) skipped.push(...applyChangeSet(plan.workbook, change).skipped);
  } catch (e) {
    if (e instanceof ChangeSetError) return fail('unexpected', messages.unexpected(target.shown, lang));
    throw e;
  }
  try {
    await writeWorkbookAtomically(plan.workbook, target.path);
  } catch (e) {
    if (e instanceof WorkbookWriteError) return fail('write-failed', writeFailure(e.code, target.shown, lang));
    throw e;
  }
  return { ok: true, skipped, notCopied: plan.notCopied };
}

// ---------------------------------------------------------------------------------------------
// Where the copies go
// ---------------------------------------------------------------------------------------------

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return !!sa && !!sb && sa.ino === sb.ino && sa.dev === sb.dev;
}

export interface OutTarget {
  /** Absolute path to write. */
  path: string;
  /** The path as the user would write it (relative to where they ran the command). */
  shown: string;
}

/**
 * The copy for each input. One input: --out is the file to write, or an existing folder to
 * write `<folder>/<input name>` in. Several inputs: --out must be an existing folder. A target
 * that is the input itself, or that another input already takes, is refused for that input
 * (the others go on); a missing or unwritable folder refuses every input up front.
 */
export async function planOutTargets(
  files: string[],
  out: string,
  cwd: string,
  lang: Lang,
): Promise<{ ok: true; targets: Map<number, OutTarget | JobFailure> } | JobFailure> {
  const outAbs = path.resolve(cwd, out);
  const asFolder = files.length > 1 || (await isDirectory(outAbs)) || /[\\/]$/.test(out);
  if (asFolder && !(await isDirectory(outAbs))) {
    const several = files.length > 1 && !/[\\/]$/.test(out);
    return fail('write-failed', several ? messages.outMustBeDirectory(out, lang) : messages.outDirectoryMissing(out, lang));
  }
  const folder = asFolder ? outAbs : path.dirname(outAbs);
  if (!(await isDirectory(folder))) return fail('write-failed', writeFailure('no-directory', out, lang));
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch {
    return fail('write-failed', writeFailure('not-writable', out, lang));
  }
  const targets = new Map<number, OutTarget | JobFailure>();
  const taken = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const input = path.resolve(cwd, files[i]);
    const targetAbs = asFolder ? path.join(outAbs, path.basename(input)) : outAbs;
    const shown = asFolder ? path.join(out, path.basename(input)) : out;
    if (await samePath(input, targetAbs)) {
      targets.set(i, fail('out-conflict', messages.sameAsInput(files[i], lang)));
    } else if (taken.has(targetAbs)) {
      targets.set(i, fail('out-conflict', messages.duplicateOut(files[i], shown, lang)));
    } else {
      taken.add(targetAbs);
      targets.set(i, { path: targetAbs, shown });
    }
  }
  return { ok: true, targets };
}

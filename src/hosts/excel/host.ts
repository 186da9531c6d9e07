/**
 * PlanHost over the Excel JavaScript API. `run` is Excel.run in the add-in and the fake's run in
 * tests and in the browser e2e; nothing here touches a global except, by default, Office's
 * requirement check. The checks and the report are the use cases of src/usecases, run over a
 * WorkbookPort made of one Excel.run's context:
 *
 *   readSheet(): the active sheet in 2 syncs (read.ts)
 *   apply():     the change set planned (plan.ts), then written in 1 sync per 4.5 MB (apply.ts)
 *
 *   check():   one Excel.run — read → analyse → write;  inspect(): read → analyse, no write
 *   readAsOf() / setAsOf(): the as-of cell, 2 syncs (as-of.ts)
 *   buildReport(): one Excel.run — read → analyse → report builder → confirm replacement → write
 *
 * Every Excel.run goes through run-guard.ts (one batch at a time for the pane and the ribbon, the
 * last error kept for the support information); the check's and the report's writes re-read key
 * cells to notice a co-author moving rows meanwhile (coauthor.ts).
 */
import { engineWording } from '../../i18n/engine';
import { analyzeSheet } from '../../engine/analyze';
import type { AnalyzeResult, Analysis, ChangeSet, Grid, Lang } from '../../engine/model';
import {
  STATE_SHEET_NAME,
  columnCorrectionSchema,
  parseWorkbookState,
  settingsSchema,
  type ColumnCorrection,
  type Settings,
  type WorkbookState,
} from '../../engine/settings';
import { runCheck, runClean, runReport, type Analyzer, type ApplyReport, sameSheetName, type ReadIntent, type Refusal, type SheetReadResult, type WorkbookPort } from '../../usecases';
import type { AsOfSetting, CheckOutcome, CheckRequest, CleanOutcome, CleanRequest, ConvertOutcome, ConvertRequest, PlanHost, ReportOutcome, ReportRequest, SheetsOutcome, SheetsRequest } from '../plan-host';
import { todayISO } from '../../engine/dates';
import { readAsOfCell, writeAsOfCell } from './as-of';
import { writeSheets } from './sheets';
import { convertWorkbook } from './convert';
import { WriteError, executePlan } from './apply';
import { hostMessages } from './messages';
import { DEFAULT_BUDGET_BYTES, MAX_CELL_TEXT } from './payload';
import { ChangeSetError } from '../change-set-error';
import { planChangeSet } from './plan';
import { resolveFontLike } from './font-like';
import { isCellEditError, isPayloadError, readActiveSheet, type SheetRead } from './read';
import { REQUIRED_EXCEL_API, officeIsSetSupported, type IsSetSupported } from './requirements';
import { guardRun, type ErrorLog, type ExcelRun, type LockOwner, type WorkbookLock } from './run-guard';
import { RowsMovedError, keyCellsOf, repairMovedRows, type WatchedOperation } from './coauthor';
import { buildReport as buildReportSheet } from '../../report';

export type { ExcelRun } from './run-guard';

export interface ExcelHostOptions {
  /** Defaults to Office.context.requirements.isSetSupported (true when Office.js is absent). */
  isSetSupported?: IsSetSupported;
  /** Bytes one sync may carry by our estimate (default 4.5 MB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** Rows read with the first sync. */
  sampleRows?: number;
  /** The engine; replaceable in tests. */
  analyze?: Analyzer;
  /** Called after every check/report with the syncs the operation took (bench, diagnostics). */
  onSyncs?: (info: { operation: string; readSyncs: number; writeSyncs: number }) => void;
  /** Shared by every host of the runtime (task pane and ribbon): one batch at a time. */
  lock?: WorkbookLock;
  /** Whose batches this host runs (the pane shows it is busy while the ribbon's run). */
  lockOwner?: LockOwner;
  /** Where the last Excel error is kept for the support information. */
  errors?: ErrorLog;
}

interface Phase {
  name: 'read' | 'write';
}

/** One clear sentence for an error from Excel (or from our own checks). */
export function describeError(e: unknown, lang: Lang, phase: Phase['name']): string {
  if (e instanceof ChangeSetError) return hostMessages.invalidChanges(e.message, lang);
  const write = e instanceof WriteError ? e : null;
  const cause = write ? write.cause : e;
  const code = (cause as { code?: string } | null)?.code ?? 'GeneralException';
  // A batch Excel refuses whole (too large, or the user is typing in a cell) wrote nothing itself.
  const refusedWhole = isPayloadError(cause) || isCellEditError(cause);
  const written = write ? write.groupsDone > 0 || !refusedWhole : false;
  const tail = phase === 'write' && written ? hostMessages.partlyWritten(lang) : hostMessages.nothingWritten(lang);
  if (code === 'AccessDenied') return `${hostMessages.protectedGeneric(lang)} ${tail}`;
  if (isPayloadError(cause)) return `${hostMessages.tooLarge(lang)} ${tail}`;
  if (isCellEditError(cause)) return `${hostMessages.cellEditMode(lang)} ${tail}`;
  const detail = cause instanceof Error ? cause.message : String(cause);
  // Cell-edit mode can also come back as a bare InvalidOperation: say what to try.
  const hint = code === 'InvalidOperation' ? ` ${hostMessages.cellEditHint(lang)}` : '';
  return `${hostMessages.excelError(code, detail, lang)}${hint} ${tail}`;
}

async function readState(ctx: Excel.RequestContext): Promise<{ state: WorkbookState; exists: boolean; name: string; structureProtected: boolean }> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  const protection = ctx.workbook.protection.load('protected');
  await ctx.sync();
  const structureProtected = protection.protected;
  const found = sheets.items.find((s) => sameSheetName(s.name, STATE_SHEET_NAME));
  if (!found) return { state: parseWorkbookState(null).state, exists: false, name: STATE_SHEET_NAME, structureProtected };
  const cell = ctx.workbook.worksheets.getItem(found.name).getRange('A1').load('values');
  await ctx.sync();
  const raw = cell.values?.[0]?.[0];
  return { state: parseWorkbookState(typeof raw === 'string' ? raw : null).state, exists: true, name: found.name, structureProtected };
}

/** The state JSON in A1 of the very hidden state sheet, created when missing; one sync. */
async function writeState(ctx: Excel.RequestContext, state: WorkbookState, where: { exists: boolean; name: string; structureProtected: boolean }, lang: Lang): Promise<void> {
  const json = JSON.stringify(state);
  if (json.length > MAX_CELL_TEXT) throw new Error(hostMessages.stateTooLarge(lang));
  // Adding (and hiding) the state sheet changes the workbook's structure: checked first, so that
  // nothing is half done.
  if (!where.exists && where.structureProtected) throw new Error(hostMessages.settingsNeedStructure(lang));
  let sheet: Excel.Worksheet;
  if (where.exists) {
    sheet = ctx.workbook.worksheets.getItem(where.name);
  } else {
    sheet = ctx.workbook.worksheets.add(STATE_SHEET_NAME);
    sheet.visibility = 'VeryHidden';
  }
  const a1 = sheet.getRange('A1');
  // Text format first: the JSON is stored as typed, never parsed by Excel.
  a1.numberFormat = [['@']];
  a1.values = [[json]];
  await ctx.sync();
}


interface ExcelPortOptions {
  budget: number;
  pieceBytes: number;
  sampleRows?: number;
  lang: Lang;
  /** Set to 'write' when the first write is sent, for describeError. */
  phase: Phase;
}

/** The analysis the write comes from, and how to analyse again and what to write then: the
 * write re-reads key cells of that analysis to notice a co-author moving rows meanwhile
 * (coauthor.ts). */
interface AnalyzedSheet {
  operation: WatchedOperation;
  analysis: Analysis;
  analyze: (grid: Grid) => AnalyzeResult;
  changesOf: (analysis: Analysis, read: SheetRead) => ChangeSet;
}

/** What became of a write during which a co-author moved the rows. */
type CoauthorOutcome = { ok: true; analysis: Analysis } | { ok: false; message: string };

/** What plan-block.ts needs from a read: the page as it prints, the state sheet, the used rows. */
function blockContext(read: SheetRead) {
  return {
    page: read.grid.page,
    stateSheet: read.sheets.find((s) => sameSheetName(s.name, STATE_SHEET_NAME))?.name ?? null,
    structureProtected: read.workbookProtected,
    usedRows: read.grid.origin.row + read.grid.values.length,
  };
}

/** WorkbookPort over one Excel.run's context: the active sheet, read once; the read's sheet
 * list and existing highlights are what the write is planned against. */
class ExcelWorkbookPort implements WorkbookPort {
  private read: SheetRead | null = null;
  readSyncs = 0;
  writeSyncs = 0;
  /** Set by the analyzer of the check or the report (watchAnalysis). */
  analyzed: AnalyzedSheet | null = null;
  /** Set when the rows moved during the write: repaired, or a sentence to show. */
  coauthor: CoauthorOutcome | null = null;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly options: ExcelPortOptions,
  ) {}

  async readSheet(intent: ReadIntent): Promise<SheetReadResult> {
    const { budget, sampleRows } = this.options;
    const read = await readActiveSheet(this.ctx, { withConditionalFormats: intent.forWriting, budgetBytes: budget, sampleRows });
    this.read = read;
    this.readSyncs = read.syncs;
    const sheetNames = read.sheets.map((s) => s.name).filter((n) => !sameSheetName(n, STATE_SHEET_NAME));
    return {
      ok: true,
      sheet: {
        sheetName: read.sheetName,
        grid: read.grid,
        state: read.state,
        stateProblem: read.stateProblem,
        protection: { sheet: read.sheetProtected, structure: read.workbookProtected },
        sheetNames,
      },
    };
  }

  async apply(requested: ChangeSet): Promise<ApplyReport> {
    const read = this.read;
    if (!read) throw new Error('apply() before readSheet()');
    const { lang, pieceBytes, budget, phase } = this.options;
    // The table's font, for the block that extends it: one sync before the write.
    const { changes, syncs: fontSyncs } = await resolveFontLike(this.ctx, read.sheetName, requested, read.fonts);
    const block = blockContext(read);
    // Planned (and refused if invalid) before anything is sent.
    const ops = planChangeSet(changes, { sheetName: read.sheetName, sheets: read.sheets, customFormats: read.customFormats, sheetNames: read.sheetNames, lang, pieceBytes, block });
    phase.name = 'write';
    const analyzed = this.analyzed;
    const keys = analyzed ? keyCellsOf(analyzed.analysis, read.grid) : [];
    try {
      const report = await executePlan(this.ctx, ops, budget, keys);
      this.writeSyncs = fontSyncs + report.syncs;
    } catch (e) {
      // A co-author moved the rows between our read and our write (coauthor.ts).
      if (!(e instanceof RowsMovedError) || !analyzed) throw e;
      this.coauthor = await repairMovedRows(
        { read, analysis: analyzed.analysis, changes },
        {
          lang,
          pieceBytes,
          operation: analyzed.operation,
          changesOf: analyzed.changesOf,
          reread: () => readActiveSheet(this.ctx, { withConditionalFormats: true, budgetBytes: budget, sampleRows: this.options.sampleRows }),
          analyze: analyzed.analyze,
          execute: async (more, moreKeys) => void (await executePlan(this.ctx, more, budget, moreKeys)),
          resolveFonts: async (next, again) => (await resolveFontLike(this.ctx, again.sheetName, next, again.fonts)).changes,
          block: blockContext,
        },
      );
    }
    return { skipped: [] };
  }

  /** The analyzer for the check or the report: the same engine, its analysis (and options) kept
   * for the write's co-author detection. `changesOf` is the write an analysis makes. */
  watchAnalysis(analyze: Analyzer, operation: WatchedOperation, changesOf: AnalyzedSheet['changesOf'] = (a) => a.changes): Analyzer {
    return (grid, options) => {
      const result = analyze(grid, options);
      this.analyzed = result.ok ? { operation, analysis: result.analysis, analyze: (again) => analyze(again, options), changesOf } : null;
      return result;
    };
  }
}

/** The sentence the pane shows for a use case's refusal. */
function refusalMessage(refusal: Refusal, lang: Lang): { message: string; cancelled?: true } {
  switch (refusal.code) {
    case 'protected-sheet':
      return { message: hostMessages.protectedSheet(refusal.sheet, lang) };
    case 'protected-workbook':
      return { message: `${hostMessages.protectedGeneric(lang)} ${hostMessages.nothingWritten(lang)}` };
    case 'report-sheet':
      return { message: engineWording(lang).failures.reportSheet({ sheet: refusal.sheet }) };
    case 'report-on-own-sheet':
      return { message: hostMessages.reportOnOwnSheet(refusal.sheet, lang) };
    case 'report-cancelled':
      return { message: hostMessages.reportCancelled(refusal.sheet, lang), cancelled: true };
    case 'no-such-sheet':
    case 'empty-workbook':
      // Only a file's host chooses among sheets; Excel's active sheet is always there.
      throw new Error(`unexpected refusal: ${refusal.code}`);
    default:
      return { message: refusal.message };
  }
}

interface CleanDeps {
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  supported(): boolean;
  analyze: Analyzer;
  port(ctx: Excel.RequestContext, lang: Lang, phase: Phase): ExcelWorkbookPort;
  onSyncs?: ExcelHostOptions['onSyncs'];
}

/** Taking it back (usecases/clean.ts) in one Excel.run: read, remove, and the stored state. */
async function cleanSheet(request: CleanRequest, deps: CleanDeps): Promise<CleanOutcome> {
  const { lang, scope, allowLoss } = request;
  if (!deps.supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, lang) };
  const phase: Phase = { name: 'read' };
  try {
    return await deps.run(async (ctx): Promise<CleanOutcome> => {
      const workbook = deps.port(ctx, lang, phase);
      const result = await runClean({ workbook, analyze: deps.analyze }, { scope, lang, allowLoss, today: todayISO() });
      if (!result.ok) return { ok: false, message: refusalMessage(result.refusal, lang).message };
      deps.onSyncs?.({ operation: 'clean', readSyncs: workbook.readSyncs, writeSyncs: workbook.writeSyncs });
      const { outcome, lost, removedColumns, keptColumns, unrecorded } = result;
      return { ok: true, outcome, lost, removedColumns, keptColumns, unrecorded };
    });
  } catch (e) {
    return { ok: false, message: describeError(e, lang, phase.name) };
  }
}

export function createExcelPlanHost(excelRun: ExcelRun, options: ExcelHostOptions = {}): PlanHost {
  const run = guardRun(excelRun, options);
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported();
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const analyze = options.analyze ?? analyzeSheet;
  const pieceBytes = Math.max(10_000, Math.floor(budget / 4));

  const supported = (): boolean => isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  const port = (ctx: Excel.RequestContext, lang: Lang, phase: Phase) => new ExcelWorkbookPort(ctx, { budget, pieceBytes, sampleRows: options.sampleRows, lang, phase });

  async function checkSheet(request: CheckRequest, write: boolean): Promise<CheckOutcome> {
    const lang = request.lang;
    if (!supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, lang) };
    const phase: Phase = { name: 'read' };
    try {
      return await run(async (ctx): Promise<CheckOutcome> => {
        const workbook = port(ctx, lang, phase);
        const engine = write ? workbook.watchAnalysis(analyze, 'check') : analyze;
        const result = await runCheck({ workbook, analyze: engine }, { asOf: request.asOf, fixAsOf: request.fixAsOf, lang, write });
        if (!result.ok) return { ok: false, message: refusalMessage(result.refusal, lang).message };
        if (workbook.coauthor) return workbook.coauthor;
        options.onSyncs?.({ operation: write ? 'check' : 'inspect', readSyncs: workbook.readSyncs, writeSyncs: workbook.writeSyncs });
        return { ok: true, analysis: result.analysis };
      });
    } catch (e) {
      return { ok: false, message: describeError(e, lang, phase.name) };
    }
  }

  return {
    inspect: (request: CheckRequest) => checkSheet(request, false),

    check: (request: CheckRequest) => checkSheet(request, true),

    readAsOf: () => run((ctx) => readAsOfCell(ctx)),

    setAsOf: (setting: AsOfSetting) => run((ctx) => writeAsOfCell(ctx, setting)),

    async select(sheet: string, address: string): Promise<void> {
      try {
        await run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        });
      } catch (e) {
        const code = (e as { code?: string } | null)?.code;
        if (code === 'ItemNotFound') throw new Error(`${hostMessages.noSuchSheet(sheet, 'vi')} / ${hostMessages.noSuchSheet(sheet, 'en')}`);
        throw e instanceof Error ? e : new Error(String(e));
      }
    },

    async loadState(): Promise<WorkbookState> {
      return run(async (ctx) => (await readState(ctx)).state);
    },

    async saveCorrection(sheet: string, correction: ColumnCorrection): Promise<void> {
      const parsed = columnCorrectionSchema.parse(correction);
      await run(async (ctx) => {
        const where = await readState(ctx);
        const state: WorkbookState = { ...where.state, corrections: { ...where.state.corrections, [sheet]: parsed } };
        if (Object.keys(parsed).length === 0) delete state.corrections[sheet];
        await writeState(ctx, state, where, where.state.settings.lang ?? 'vi');
      });
    },

    async saveSettings(settings: Settings): Promise<void> {
      const parsed = settingsSchema.parse(settings);
      await run(async (ctx) => {
        const where = await readState(ctx);
        await writeState(ctx, { ...where.state, settings: parsed }, where, parsed.lang ?? 'vi');
      });
    },

    async buildReport(request: ReportRequest): Promise<ReportOutcome> {
      const lang = request.lang;
      if (!supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, lang) };
      const phase: Phase = { name: 'read' };
      try {
        return await run(async (ctx): Promise<ReportOutcome> => {
          const workbook = port(ctx, lang, phase);
          const { period, year, asOf, agency, document, confirmReplace, onStep } = request;
          // Built again as the use case builds it, should a co-author move the rows (coauthor.ts).
          const rebuild = (analysis: Analysis, read: SheetRead) => buildReportSheet(analysis, { period, year, asOf: analysis.asOf, settings: read.state.settings, agency, document, lang }).changes;
          const engine = workbook.watchAnalysis(analyze, 'report', rebuild);
          const result = await runReport({ workbook, analyze: engine }, { period, year, asOf, agency, document, lang, write: true, confirmReplace, onStep });
          if (!result.ok) return { ok: false, ...refusalMessage(result.refusal, lang) };
          if (workbook.coauthor) return workbook.coauthor.ok ? { ok: true, sheetName: result.report.sheet.name, replaced: result.replaces } : workbook.coauthor;
          options.onSyncs?.({ operation: 'report', readSyncs: workbook.readSyncs, writeSyncs: workbook.writeSyncs });
          return { ok: true, sheetName: result.report.sheet.name, replaced: result.replaces };
        });
      } catch (e) {
        return { ok: false, message: describeError(e, lang, phase.name) };
      }
    },

    clean: (request: CleanRequest) => cleanSheet(request, { run, supported, analyze, port, onSyncs: options.onSyncs }),
    writeSheets: (request: SheetsRequest): Promise<SheetsOutcome> => writeSheets(run, request, { supported, budget, pieceBytes, onSyncs: options.onSyncs, describeError }),

    async convertToUnicode(request: ConvertRequest): Promise<ConvertOutcome> {
      const { lang } = request;
      if (!supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, lang) };
      try {
        const done = await run((ctx) => convertWorkbook(ctx, budget));
        options.onSyncs?.({ operation: 'convert', readSyncs: done.readSyncs, writeSyncs: done.writeSyncs });
        const cells = done.sheets.reduce((n, s) => n + s.cells, 0);
        return { ok: true, cells, sheets: done.sheets, protectedSheets: done.protectedSheets };
      } catch (e) {
        return { ok: false, message: describeError(e, lang, 'write') };
      }
    },
  };
}

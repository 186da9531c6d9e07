/**
 * PlanHost over the Excel JavaScript API. `run` is Excel.run in the add-in and the fake's run in
 * tests and in the browser e2e; nothing here touches a global except, by default, Office's
 * requirement check.
 *
 *   check():   one Excel.run — read (2 syncs) → analyzeSheet → checks → writes (1 sync per 4.5 MB)
 *   inspect(): read (2 syncs) → analyzeSheet; writes nothing
 *   buildReport(): read → analyze → report builder → confirm replacement → writes
 */
import { analyzeSheet as engineAnalyze, type AnalyzeOptions } from '../../engine/analyze';
import type { AnalyzeResult, Grid, Lang } from '../../engine/model';
import { buildReport as buildReportChanges, resolvePeriod } from '../../report';
import {
  STATE_SHEET_NAME,
  columnCorrectionSchema,
  parseWorkbookState,
  settingsSchema,
  type ColumnCorrection,
  type Settings,
  type WorkbookState,
} from '../../engine/settings';
import { engineWording } from '../../i18n/engine';
import type { CheckOutcome, CheckRequest, ConvertOutcome, ConvertRequest, PlanHost, ReportOutcome, ReportRequest } from '../plan-host';
import { convertWorkbook } from './convert';
import { WriteError, executePlan } from './apply';
import { hostMessages } from './messages';
import { DEFAULT_BUDGET_BYTES, MAX_CELL_TEXT } from './payload';
import { ChangeSetError } from '../change-set-error';
import { planChangeSet } from './plan';
import { isPayloadError, readActiveSheet, type SheetRead } from './read';
import { REQUIRED_EXCEL_API, officeIsSetSupported, type IsSetSupported } from './requirements';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Defaults to Office.context.requirements.isSetSupported (true when Office.js is absent). */
  isSetSupported?: IsSetSupported;
  /** Bytes one sync may carry by our estimate (default 4.5 MB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** Rows read with the first sync. */
  sampleRows?: number;
  /** The engine; replaceable in tests. */
  analyze?: (grid: Grid, options: AnalyzeOptions) => AnalyzeResult;
  /** Called after every check/report with the syncs the operation took (bench, diagnostics). */
  onSyncs?: (info: { operation: string; readSyncs: number; writeSyncs: number }) => void;
}

interface Phase {
  name: 'read' | 'write';
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** One clear sentence for an error from Excel (or from our own checks). */
export function describeError(e: unknown, lang: Lang, phase: Phase['name']): string {
  if (e instanceof ChangeSetError) return hostMessages.invalidChanges(e.message, lang);
  const write = e instanceof WriteError ? e : null;
  const cause = write ? write.cause : e;
  const code = (cause as { code?: string } | null)?.code ?? 'GeneralException';
  const written = write ? write.groupsDone > 0 || !isPayloadError(cause) : false;
  const tail = phase === 'write' && written ? hostMessages.partlyWritten(lang) : hostMessages.nothingWritten(lang);
  if (code === 'AccessDenied') return `${hostMessages.protectedGeneric(lang)} ${tail}`;
  if (isPayloadError(cause)) return `${hostMessages.tooLarge(lang)} ${tail}`;
  if (code === 'InvalidOperationInCellEditMode') return hostMessages.cellEditMode(lang);
  const detail = cause instanceof Error ? cause.message : String(cause);
  return `${hostMessages.excelError(code, detail, lang)} ${tail}`;
}

async function readState(ctx: Excel.RequestContext): Promise<{ state: WorkbookState; exists: boolean; name: string }> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const found = sheets.items.find((s) => sameName(s.name, STATE_SHEET_NAME));
  if (!found) return { state: parseWorkbookState(null).state, exists: false, name: STATE_SHEET_NAME };
  const cell = ctx.workbook.worksheets.getItem(found.name).getRange('A1').load('values');
  await ctx.sync();
  const raw = cell.values?.[0]?.[0];
  return { state: parseWorkbookState(typeof raw === 'string' ? raw : null).state, exists: true, name: found.name };
}

/** The state JSON in A1 of the very hidden state sheet, created when missing; one sync. */
async function writeState(ctx: Excel.RequestContext, state: WorkbookState, where: { exists: boolean; name: string }, lang: Lang): Promise<void> {
  const json = JSON.stringify(state);
  if (json.length > MAX_CELL_TEXT) throw new Error(hostMessages.stateTooLarge(lang));
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

export function createExcelPlanHost(run: ExcelRun, options: ExcelHostOptions = {}): PlanHost {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported();
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const analyze = options.analyze ?? engineAnalyze;
  const pieceBytes = Math.max(10_000, Math.floor(budget / 4));

  const supported = (): boolean => isSetSupported('ExcelApi', REQUIRED_EXCEL_API);

  async function readAndAnalyze(ctx: Excel.RequestContext, request: CheckRequest, withFormats: boolean) {
    const read = await readActiveSheet(ctx, { withConditionalFormats: withFormats, budgetBytes: budget, sampleRows: options.sampleRows });
    const result = analyze(read.grid, {
      asOf: request.asOf,
      wording: engineWording(request.lang),
      settings: read.state.settings,
      correction: read.state.corrections[read.sheetName],
    });
    return { read, result };
  }

  function refuseWrite(read: SheetRead, lang: Lang, addsSheets: boolean): string | null {
    if (read.sheetProtected) return hostMessages.protectedSheet(read.sheetName, lang);
    if (addsSheets && read.workbookProtected) return `${hostMessages.protectedGeneric(lang)} ${hostMessages.nothingWritten(lang)}`;
    return null;
  }

  return {
    async inspect(request: CheckRequest): Promise<CheckOutcome> {
      if (!supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, request.lang) };
      try {
        return await run(async (ctx) => {
          const { read, result } = await readAndAnalyze(ctx, request, false);
          options.onSyncs?.({ operation: 'inspect', readSyncs: read.syncs, writeSyncs: 0 });
          return result.ok ? { ok: true as const, analysis: result.analysis } : { ok: false as const, message: result.failure.message };
        });
      } catch (e) {
        return { ok: false, message: describeError(e, request.lang, 'read') };
      }
    },

    async check(request: CheckRequest): Promise<CheckOutcome> {
      if (!supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, request.lang) };
      const phase: Phase = { name: 'read' };
      try {
        return await run(async (ctx) => {
          const { read, result } = await readAndAnalyze(ctx, request, true);
          if (!result.ok) return { ok: false as const, message: result.failure.message };
          const analysis = result.analysis;
          const refusal = refuseWrite(read, request.lang, analysis.changes.sheets.length > 0);
          if (refusal) return { ok: false as const, message: refusal };
          const ops = planChangeSet(analysis.changes, {
            sheetName: read.sheetName,
            sheets: read.sheets,
            customFormats: read.customFormats,
            lang: request.lang,
            pieceBytes,
          });
          phase.name = 'write';
          const report = await executePlan(ctx, ops, budget);
          options.onSyncs?.({ operation: 'check', readSyncs: read.syncs, writeSyncs: report.syncs });
          return { ok: true as const, analysis };
        });
      } catch (e) {
        return { ok: false, message: describeError(e, request.lang, phase.name) };
      }
    },

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
          // The period's cut-off needs the stored period table: read first, then judge tasks as of D.
          const read = await readActiveSheet(ctx, { withConditionalFormats: true, budgetBytes: budget, sampleRows: options.sampleRows });
          const settings = read.state.settings;
          const asOf = request.asOf ?? resolvePeriod(request.period, request.year, settings.periods).to;
          const result = analyze(read.grid, { asOf, wording: engineWording(lang), settings, correction: read.state.corrections[read.sheetName] });
          if (!result.ok) return { ok: false, message: result.failure.message };
          const built = buildReportChanges(result.analysis, { period: request.period, year: request.year, asOf, settings, agency: request.agency, lang });
          const name = built.sheet.name;
          if (sameName(name, read.sheetName)) return { ok: false, message: hostMessages.reportOnOwnSheet(read.sheetName, lang) };
          const refusal = refuseWrite(read, lang, true);
          if (refusal) return { ok: false, message: refusal };
          const exists = read.sheets.some((s) => sameName(s.name, name));
          if (exists && !(await request.confirmReplace(name))) return { ok: false, cancelled: true, message: hostMessages.reportCancelled(name, lang) };
          const ops = planChangeSet(built.changes, { sheetName: read.sheetName, sheets: read.sheets, customFormats: read.customFormats, lang, pieceBytes });
          phase.name = 'write';
          const report = await executePlan(ctx, ops, budget);
          options.onSyncs?.({ operation: 'report', readSyncs: read.syncs, writeSyncs: report.syncs });
          return { ok: true, sheetName: name, replaced: exists };
        });
      } catch (e) {
        return { ok: false, message: describeError(e, lang, phase.name) };
      }
    },

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

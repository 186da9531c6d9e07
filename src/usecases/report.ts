/**
 * Building the periodic report, for every host: read the appendix sheet → refuse what cannot be
 * done → analyse it as of the report's day → build the report → write the tracking block, the
 * highlights and the report sheet.
 */
import { analyzeSheet, type AnalyzeOptions } from '../engine/analyze';
import { todayISO } from '../engine/dates';
import type { Analysis, ISODate, Lang } from '../engine/model';
import { isReportSheet } from '../engine/report-marker';
import { buildReport, resolvePeriod, type BuiltReport, type DocumentOverrides, type PeriodId } from '../report';
import type { PeriodDef } from '../engine/settings';
import type { ApplyReport } from './ports';
import { refused, sameSheetName, type Refused } from './refusals';
import { engineInputs, NOT_ASKED, noRoomWrite, pendingWrite, withTrackingRecord, type PendingWrite, type SheetFacts, type UseCaseDeps, type UseCaseStep } from './shared';

export interface ReportParams {
  period: PeriodId;
  /** The report year; defaults to the plan year. */
  year?: number;
  /** The day tasks are judged on; defaults to the period's "data to" day of the report year. */
  asOf?: ISODate;
  /** Fix the report's as-of day in the sheet's as-of cell (the command line's copy); otherwise
   * the cell holds =TODAY(). */
  fixAsOf?: boolean;
  /** Overrides the agency of the settings and of the plan's titles. */
  agency?: string;
  /** The document's facts typed for this report (governing agency, place, signer, …): they
   * override the settings and the plan's titles. */
  document?: DocumentOverrides;
  lang: Lang;
  /** Defaults to this machine's date: the day the report is made on, and what stands in for the
   * plan year when neither the request nor the plan gives one. */
  today?: ISODate;
  /** Write the tracking block, the highlights and the report sheet; false builds only. */
  write: boolean;
  /** Asked before a sheet of the report's name is replaced; without it, it is replaced. */
  confirmReplace?: (sheetName: string) => Promise<boolean>;
  onStep?: (step: UseCaseStep) => void;
}

export interface BuiltSheetReport {
  ok: true;
  /** The appendix analysed as of `asOf`. */
  analysis: Analysis;
  report: BuiltReport;
  year: number;
  asOf: ISODate;
  stateProblem: string | null;
  /** The workbook already has a sheet of the report's name (the write replaces it). */
  replaces: boolean;
}

export type PreparedReport = (BuiltSheetReport & { write: PendingWrite }) | Refused;

export type ReportResult = (BuiltSheetReport & { applied: ApplyReport | null }) | Refused;

/**
 * The report's day: the one asked for, else the period's "data to" day of the report year. The
 * report year defaults to the plan year, which only the engine finds: then the engine is given
 * the rule rather than the day, and today stands in for the plan year if the plan has none.
 */
export function reportDay(params: Pick<ReportParams, 'period' | 'year' | 'asOf' | 'today'>, periods: readonly PeriodDef[]): Pick<AnalyzeOptions, 'asOf' | 'asOfForPlanYear'> {
  if (params.asOf !== undefined) return { asOf: params.asOf };
  const cutOff = (year: number) => resolvePeriod(params.period, year, periods).to;
  if (params.year !== undefined) return { asOf: cutOff(params.year) };
  return { asOf: params.today ?? todayISO(), asOfForPlanYear: cutOff };
}

/** Read, refuse, analyse and build; the write, when asked for and allowed, is left pending. */
export async function prepareReport(deps: UseCaseDeps, params: ReportParams): Promise<PreparedReport> {
  const read = await deps.workbook.readSheet({ forWriting: params.write });
  if (!read.ok) return refused(read.refusal);
  const { grid, ...sheet } = read.sheet;
  // A report sheet has the lists of an appendix (STT, task, lead, due): never report on one.
  if (isReportSheet(grid)) return refused({ code: 'report-sheet', sheet: sheet.sheetName });
  params.onStep?.('analyse');
  const settings = sheet.state.settings;
  const analyze = deps.analyze ?? analyzeSheet;
  const result = analyze(grid, { ...reportDay(params, settings.periods), fixAsOf: params.fixAsOf, ...engineInputs(sheet, params.lang) });
  if (!result.ok) return refused(result.failure);
  const { analysis } = result;
  const year = params.year ?? analysis.planYear;
  const asOf = analysis.asOf;
  const report = buildReport(analysis, { period: params.period, year, asOf, settings, agency: params.agency, document: params.document, lang: params.lang, madeOn: params.today });
  const replaces = sheet.sheetNames.some((n) => sameSheetName(n, report.sheet.name));
  const built: BuiltSheetReport = { ok: true, analysis, report, year, asOf, stateProblem: sheet.stateProblem, replaces };
  const write = params.write ? await reportWrite(deps, params, sheet, built) : NOT_ASKED;
  return { ...built, write };
}

async function reportWrite(deps: UseCaseDeps, params: ReportParams, sheet: SheetFacts, built: BuiltSheetReport): Promise<PendingWrite> {
  const name = built.report.sheet.name;
  // Writing a sheet of the appendix's own name would replace the plan with its report.
  if (sameSheetName(name, sheet.sheetName)) return { state: 'refused', refusal: { code: 'report-on-own-sheet', sheet: sheet.sheetName } };
  const write = noRoomWrite(built.analysis, params.lang) ?? pendingWrite(deps.workbook, sheet, withTrackingRecord(built.report.changes, sheet, built.analysis), params.onStep);
  if (write.state !== 'ready' || !built.replaces || !params.confirmReplace) return write;
  return (await params.confirmReplace(name)) ? write : { state: 'refused', refusal: { code: 'report-cancelled', sheet: name } };
}

/** The whole report: prepareReport, then the write. */
export async function runReport(deps: UseCaseDeps, params: ReportParams): Promise<ReportResult> {
  const prepared = await prepareReport(deps, params);
  if (!prepared.ok) return prepared;
  const { write, ...built } = prepared;
  if (write.state === 'refused') return refused(write.refusal);
  const applied = write.state === 'ready' ? await write.apply() : null;
  return { ...built, applied };
}

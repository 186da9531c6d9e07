/**
 * Checking a plan, for every host: read the sheet → refuse what cannot be done → analyse → write
 * the tracking block and highlights. The task pane and the ribbon come here through the Office.js
 * host, the command line through the .xlsx host.
 */
import { analyzeSheet } from '../engine/analyze';
import type { Analysis, ISODate, Lang } from '../engine/model';
import type { ApplyReport } from './ports';
import { refused, writeRefusal, type Refused } from './refusals';
import { engineInputs, NOT_ASKED, noRoomWrite, pendingWrite, withTrackingRecord, type PendingWrite, type UseCaseDeps, type UseCaseStep } from './shared';

export interface CheckParams {
  /** The day "overdue" and "due soon" are judged on. */
  asOf: ISODate;
  lang: Lang;
  /** Overrides the plan year of the stored settings (the command line's --plan-year). */
  planYear?: number;
  /** Fix `asOf` in the sheet's as-of cell (a review as of a cut-off); otherwise it holds
   * =TODAY() and the highlights stay live. */
  fixAsOf?: boolean;
  /** Write the tracking block and highlights; false reads and analyses only. */
  write: boolean;
  onStep?: (step: UseCaseStep) => void;
}

export interface CheckedSheet {
  ok: true;
  analysis: Analysis;
  stateProblem: string | null;
}

export type PreparedCheck = (CheckedSheet & { write: PendingWrite }) | Refused;

export type CheckResult = (CheckedSheet & { applied: ApplyReport | null }) | Refused;

/** Read, refuse and analyse; the write, when asked for and allowed, is left pending. */
export async function prepareCheck(deps: UseCaseDeps, params: CheckParams): Promise<PreparedCheck> {
  const read = await deps.workbook.readSheet({ forWriting: params.write });
  if (!read.ok) return refused(read.refusal);
  const { grid, ...sheet } = read.sheet;
  // A sheet that cannot be written is refused before the work, not after it.
  const locked = params.write ? writeRefusal(sheet, null) : null;
  if (locked) return refused(locked);
  params.onStep?.('analyse');
  const analyze = deps.analyze ?? analyzeSheet;
  const result = analyze(grid, { asOf: params.asOf, fixAsOf: params.fixAsOf, ...engineInputs(sheet, params.lang, params.planYear) });
  if (!result.ok) return refused(result.failure);
  const { analysis } = result;
  const write = params.write ? (noRoomWrite(analysis, params.lang) ?? pendingWrite(deps.workbook, sheet, withTrackingRecord(analysis.changes, sheet, analysis), params.onStep)) : NOT_ASKED;
  return { ok: true, analysis, stateProblem: sheet.stateProblem, write };
}

/** The whole check: prepareCheck, then the write. */
export async function runCheck(deps: UseCaseDeps, params: CheckParams): Promise<CheckResult> {
  const prepared = await prepareCheck(deps, params);
  if (!prepared.ok) return prepared;
  const { write, ...checked } = prepared;
  if (write.state === 'refused') return refused(write.refusal);
  const applied = write.state === 'ready' ? await write.apply() : null;
  return { ...checked, applied };
}

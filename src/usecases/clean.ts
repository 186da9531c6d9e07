/**
 * Taking it back, for every host (validation.md, "Taking it back"): read the sheet → refuse
 * what cannot be done → find the table and the tool's additions → remove the highlights, or the
 * highlights and the tracking block. The task pane's "Gỡ tô màu" / "Gỡ cột theo dõi" and the
 * command line's `clean` run this.
 *
 * Removing the block loses the statuses, completion dates and results typed in it: unless
 * `allowLoss`, a block with such cells is not removed and the result says how many there are
 * (the pane asks, then runs again with allowLoss; the command line wants --yes).
 */
import { analyzeSheet } from '../engine/analyze';
import { cleanPlan, stateWithoutRecord, totalLost, type CleanScope, type LostCells } from '../engine/clean';
import { columnLetter } from '../engine/a1';
import type { ISODate, Lang } from '../engine/model';
import { SheetView } from '../engine/table/sheet-view';
import type { ApplyReport } from './ports';
import { refused, writeRefusal, type Refused } from './refusals';
import { engineInputs, pendingWrite, type UseCaseDeps, type UseCaseStep } from './shared';

export interface CleanParams {
  scope: CleanScope;
  lang: Lang;
  /** Remove the block even when statuses, dates or results are filled in (the user agreed). */
  allowLoss: boolean;
  /** What stands in for the plan year when the plan gives none (it decides nothing here). */
  today: ISODate;
  onStep?: (step: UseCaseStep) => void;
}

export interface CleanSummary {
  ok: true;
  scope: CleanScope;
  sheetName: string;
  lost: LostCells;
  /** Letters of the tracking columns removed, and of those kept (the user's own, or not on
   * record). */
  removedColumns: string[];
  keptColumns: string[];
  /** A tracking column of the tool's is there but the workbook does not record which columns
   * the tool created: none was removed. */
  unrecorded: boolean;
  /** Anything of the block was on the sheet. */
  blockFound: boolean;
  stateProblem: string | null;
}

export type CleanResult =
  | (CleanSummary & { outcome: 'applied'; applied: ApplyReport })
  /** Filled cells would be lost and allowLoss was not given: nothing was written. */
  | (CleanSummary & { outcome: 'needs-confirmation' })
  | Refused;

export async function runClean(deps: UseCaseDeps, params: CleanParams): Promise<CleanResult> {
  const read = await deps.workbook.readSheet({ forWriting: true });
  if (!read.ok) return refused(read.refusal);
  const { grid, ...sheet } = read.sheet;
  const locked = writeRefusal(sheet, null);
  if (locked) return refused(locked);
  params.onStep?.('analyse');
  const analyze = deps.analyze ?? analyzeSheet;
  const result = analyze(grid, { asOf: params.today, ...engineInputs(sheet, params.lang) });
  if (!result.ok) return refused(result.failure);
  const { table } = result.analysis;
  const record = sheet.stateProblem === null ? sheet.state.tracking[sheet.sheetName] : undefined;
  const plan = cleanPlan({ sheet: sheet.sheetName, view: new SheetView(grid), table, record, scope: params.scope });
  const summary: CleanSummary = {
    ok: true,
    scope: plan.scope,
    sheetName: sheet.sheetName,
    lost: plan.lost,
    removedColumns: plan.removedColumns.map(columnLetter),
    keptColumns: plan.keptColumns.map(columnLetter),
    unrecorded: plan.unrecorded,
    blockFound: plan.blockFound,
    stateProblem: sheet.stateProblem,
  };
  if (totalLost(plan.lost) > 0 && !params.allowLoss) return { ...summary, outcome: 'needs-confirmation' };
  const state = params.scope === 'block' && sheet.stateProblem === null ? stateWithoutRecord(sheet.state, sheet.sheetName) : null;
  const write = pendingWrite(deps.workbook, sheet, state ? { ...plan.changes, state } : plan.changes, params.onStep);
  if (write.state === 'refused') return refused(write.refusal);
  if (write.state !== 'ready') throw new Error('a clean always writes');
  return { ...summary, outcome: 'applied', applied: await write.apply() };
}

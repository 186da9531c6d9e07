/**
 * The pieces the use cases share: what they depend on, the engine's inputs taken from the
 * sheet's stored state, and the write left pending once everything is worked out.
 */
import type { AnalyzeOptions } from '../engine/analyze';
import { stateWithCreated } from '../engine/clean';
import { FAILURE_CATALOGUE } from '../engine/issues';
import type { Analysis, AnalyzeResult, ChangeSet, Grid, Lang } from '../engine/model';
import type { Settings } from '../engine/settings';
import type { ApplyReport, SheetSnapshot, WorkbookPort } from './ports';
import { writeRefusal, type Refusal } from './refusals';
import { engineWording } from '../i18n/engine';

export type Analyzer = (grid: Grid, options: AnalyzeOptions) => AnalyzeResult;

export interface UseCaseDeps {
  workbook: WorkbookPort;
  /** The engine (analyzeSheet unless given); replaceable in tests. */
  analyze?: Analyzer;
}

/** The steps after reading, for a progress display. */
export type UseCaseStep = 'analyse' | 'write';

/**
 * What became of the request to write. `apply` holds the change set and the port only, not the
 * analysis: a caller may print the results and let go of them before a long write.
 */
export type PendingWrite =
  | { state: 'not-asked' }
  | { state: 'refused'; refusal: Refusal }
  | { state: 'ready'; apply(): Promise<ApplyReport> };

export const NOT_ASKED: PendingWrite = { state: 'not-asked' };

/** The sheet without its cells: what is kept once the engine has read them. */
export type SheetFacts = Omit<SheetSnapshot, 'grid'>;

/** The engine's inputs from the stored state: settings (with an override of the plan year)
 * and the user's column correction for this sheet. */
export function engineInputs(sheet: SheetFacts, lang: Lang, planYear?: number): Omit<AnalyzeOptions, 'asOf'> {
  const settings: Partial<Settings> = planYear === undefined ? sheet.state.settings : { ...sheet.state.settings, planYear };
  return { wording: engineWording(lang), settings, correction: sheet.state.corrections[sheet.sheetName] };
}

/** The write refused when the engine found no room for the tracking block (past column XFD):
 * the check stands, nothing is written. */
export function noRoomWrite(analysis: Analysis, lang: Lang): PendingWrite | null {
  if (!analysis.tracking.noRoom) return null;
  const message = engineWording(lang).failures.noRoomForTracking({ sheet: analysis.sheetName });
  return { state: 'refused', refusal: { code: FAILURE_CATALOGUE.noRoomForTracking, message } };
}

/** The change set with the workbook's record of the tracking columns this run creates
 * (taking the block back removes only those); unchanged when the record already says so, or
 * when the stored state could not be read (it is not replaced by the defaults). */
export function withTrackingRecord(changes: ChangeSet, sheet: SheetFacts, analysis: Analysis): ChangeSet {
  if (sheet.stateProblem !== null || analysis.tracking.noRoom) return changes;
  const state = stateWithCreated(sheet.state, sheet.sheetName, analysis.tracking.created ?? [], changes.print?.before, changes.rowHeights, changes.takenWidths);
  return state ? { ...changes, state } : changes;
}

/** The write of `changes`, unless the sheet's or the workbook's protection forbids it. */
export function pendingWrite(workbook: WorkbookPort, sheet: SheetFacts, changes: ChangeSet, onStep?: (step: UseCaseStep) => void): PendingWrite {
  const refusal = writeRefusal(sheet, changes);
  if (refusal) return { state: 'refused', refusal };
  return readyWrite(workbook, changes, onStep);
}

// A function of its own so that the closure holds nothing but these three.
function readyWrite(workbook: WorkbookPort, changes: ChangeSet, onStep?: (step: UseCaseStep) => void): PendingWrite {
  return {
    state: 'ready',
    apply() {
      onStep?.('write');
      return workbook.apply(changes);
    },
  };
}

/**
 * What a use case asks of a workbook, whoever holds it: the Office.js host implements it over
 * Excel.run (src/hosts/excel/host.ts), the .xlsx host over exceljs (src/hosts/xlsx/port.ts).
 * Plain data in and out: no Office.js or exceljs type crosses this line.
 */
import type { ChangeSet, Grid } from '../engine/model';
import type { WorkbookState } from '../engine/settings';

/** The sheet a use case works on, read once, with what decides whether it may be written. */
export interface SheetSnapshot {
  sheetName: string;
  grid: Grid;
  state: WorkbookState;
  /** Why the stored state could not be used (the defaults were taken instead), or null. */
  stateProblem: string | null;
  protection: {
    /** The sheet is protected: its cells cannot be written. */
    sheet: boolean;
    /** The workbook's structure is protected: no sheet can be added or replaced. */
    structure: boolean;
  };
  /** Every sheet of the workbook in tab order, the add-in's state sheet left out. */
  sheetNames: string[];
}

/** Why a host found no sheet to work on. */
export type SheetUnavailable =
  | { code: 'no-such-sheet'; wanted: string; sheetNames: string[] }
  | { code: 'empty-workbook' };

export type SheetReadResult = { ok: true; sheet: SheetSnapshot } | { ok: false; refusal: SheetUnavailable };

export interface ReadIntent {
  /** The use case will write if it may: read what writing needs too (existing highlights). */
  forWriting: boolean;
}

export interface ApplyReport {
  /** Parts of the change set this host cannot make (a chart outside Excel), for a note. */
  skipped: string[];
}

export interface WorkbookPort {
  /** The sheet to work on: the active one inside Excel, the one asked for or found in a file. */
  readSheet(intent: ReadIntent): Promise<SheetReadResult>;
  /** Make the changes in the workbook. Throws the host's own errors; the host words them. */
  apply(changes: ChangeSet): Promise<ApplyReport>;
}

/**
 * What the task pane and the ribbon commands ask of a workbook host. The Office.js host
 * (src/hosts/excel) implements it over Excel.run; tests and the browser e2e run it over the fake
 * Excel (src/testing/fake-excel). The UI never calls Office.js itself.
 */
import type { Analysis, ISODate, Lang, LegacyEncoding, SheetModel } from '../engine/model';
import type { ColumnCorrection, Settings, WorkbookState } from '../engine/settings';
import type { DocumentOverrides } from '../report/document';
import type { RollupQuestion } from '../usecases/rollup-write';

export type PeriodId = 'Q1' | 'Q2' | 'H1' | 'Q3' | 'Q4' | 'Y';

export interface CheckRequest {
  /** The day "overdue" and "due soon" are judged on. */
  asOf: ISODate;
  lang: Lang;
  /** The check writes `asOf` into the sheet's as-of cell (a review as of a fixed day); without
   * it the cell holds =TODAY() and the highlights follow the calendar. */
  fixAsOf?: boolean;
}

/** What the sheet's as-of cell ("Tính đến ngày", named CCHC_AsOf) holds. */
export type AsOfSetting =
  /** =TODAY(): the highlights follow the calendar. */
  | { mode: 'live' }
  /** A day fixed for a review as of a cut-off. */
  | { mode: 'fixed'; day: ISODate };

export type CheckOutcome =
  | { ok: true; analysis: Analysis }
  /** Nothing was written. `message` is one clear sentence in the requested language. */
  | { ok: false; message: string };

export interface ReportRequest {
  period: PeriodId;
  year: number;
  /** Defaults to the period's "data to" day. */
  asOf?: ISODate;
  agency?: string;
  /** The document's facts typed in the pane (report/document.ts). */
  document?: DocumentOverrides;
  lang: Lang;
  /** Called when a report sheet of the same name exists; resolve true to replace it. */
  confirmReplace: (sheetName: string) => Promise<boolean>;
  /** Told when the work moves on: 'write' once the sheet is being written (after any question). */
  onStep?: (step: 'analyse' | 'write') => void;
}

export type ReportOutcome =
  | { ok: true; sheetName: string; replaced: boolean }
  | { ok: false; cancelled?: boolean; message: string };

export interface ConvertRequest {
  lang: Lang;
}

export type ConvertOutcome =
  /** `cells` were rewritten as Unicode in all (0 when none held legacy text), by sheet in tab
   * order; protected sheets were skipped. */
  | {
      ok: true;
      cells: number;
      sheets: { sheet: string; cells: number; byEncoding: Record<LegacyEncoding, number> }[];
      protectedSheets: string[];
    }
  | { ok: false; message: string };

/** Taking it back (validation.md): the highlights, or the highlights and the tracking block. */
export interface CleanRequest {
  scope: 'highlights' | 'block';
  lang: Lang;
  /** Remove the block even when statuses, dates or results are filled in (the user agreed). */
  allowLoss: boolean;
}

export type CleanOutcome =
  | {
      ok: true;
      /** 'needs-confirmation': filled cells would be lost and allowLoss was not given; nothing
       * was written. */
      outcome: 'applied' | 'needs-confirmation';
      lost: { statuses: number; doneDates: number; results: number };
      /** Letters of the tracking columns removed, and of those kept (the table's own). */
      removedColumns: string[];
      keptColumns: string[];
      /** The workbook does not record which columns the tool created: none was removed. */
      unrecorded: boolean;
    }
  | { ok: false; message: string };

export interface SheetsRequest {
  /** Whole sheets to create, in this order (the roll-up's). */
  sheets: SheetModel[];
  lang: Lang;
  /** The day of the roll-up, kept in the workbook's record of the sheets written. */
  madeOn: ISODate;
  /** Asked, before anything is written, about existing sheets that would be replaced (the
   * user's, or the earlier roll-up's edited since) and the earlier roll-up's edited sheets that
   * would be removed (usecases/rollup-write.ts). Not asked when there are none. */
  confirm: (question: RollupQuestion) => Promise<boolean>;
}

export type SheetsOutcome =
  | { ok: true; written: string[]; replaced: string[]; removed: string[] }
  | { ok: false; cancelled?: boolean; message: string };

export interface PlanHost {
  /** Read the active sheet and analyse it; write nothing. */
  inspect(request: CheckRequest): Promise<CheckOutcome>;
  /** Read, analyse and write the tracking block and highlights. */
  check(request: CheckRequest): Promise<CheckOutcome>;
  /** The active sheet's as-of cell; null when the sheet has none (never checked) or it holds no
   * date. A constant number of Excel syncs. */
  readAsOf(): Promise<AsOfSetting | null>;
  /** Put the setting into the active sheet's as-of cell (the highlights follow at once); false
   * when the sheet has none yet (the next check writes it). A constant number of syncs. */
  setAsOf(setting: AsOfSetting): Promise<boolean>;
  /** Select a cell (e.g. a task's row) on a sheet and bring it into view. */
  select(sheet: string, address: string): Promise<void>;
  loadState(): Promise<WorkbookState>;
  saveCorrection(sheet: string, correction: ColumnCorrection): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  buildReport(request: ReportRequest): Promise<ReportOutcome>;
  /** Take the tool's additions back from the active sheet (validation.md, "Taking it back").
   * A constant number of Excel syncs. */
  clean?(request: CleanRequest): Promise<CleanOutcome>;
  /** Rewrite the workbook's TCVN3 and VNI text as Unicode in Times New Roman: this changes the
   * user's own cells, so the pane asks first. Hosts without it offer no conversion. */
  convertToUnicode?(request: ConvertRequest): Promise<ConvertOutcome>;
  /** Write whole sheets (the roll-up's) into the workbook in a constant number of syncs. Hosts
   * without it offer no roll-up in the workbook. */
  writeSheets?(request: SheetsRequest): Promise<SheetsOutcome>;
}

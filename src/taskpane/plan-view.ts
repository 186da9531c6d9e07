/**
 * The shapes the pane's state hook hands to its views. Kept apart from the components so that
 * App, the hook and the tabs can share them without importing one another.
 */
import type { Analysis, ISODate } from '../engine/model';
import type { PeriodId } from '../hosts/plan-host';
import type { DocumentOverrides } from '../report/document';

export interface PlanView {
  analysis: Analysis | null;
  /** Why no table could be read (one sentence from the host), when it could not. */
  failure: string | null;
  /** The results were written to the sheet (a check), not only read (an inspect). */
  written: boolean;
  fromRibbon: boolean;
  asOf: ISODate;
}

/** What the report tab asks to build. */
export interface ReportChoice {
  period: PeriodId;
  year: number;
  asOf: ISODate;
  agency?: string;
  /** The document's fields as typed (report/document.ts); blank ones left out. */
  document?: DocumentOverrides;
}

/** The host operation under way; one at a time. 'ribbon': a ribbon command holds the workbook. */
export type BusyKind = 'reading' | 'checking' | 'saving' | 'report' | 'ribbon';

export interface Notice {
  intent: 'success' | 'info';
  text: string;
}

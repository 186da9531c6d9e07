/**
 * The issue catalogue (validation.md): every fact about an issue code except its words. The list
 * of codes, the data codes, the severities and the pane's order all derive from ISSUE_CATALOGUE;
 * the Vietnamese and English sentences live in src/i18n, keyed by each code's `messageKey`.
 * Also the reasons the engine gives up on a sheet, each with its failure code and the facts its
 * sentence names.
 */

export type Severity = 'error' | 'warning' | 'info';

/** 'data': the verdict depends on the row's own cells (lead, deadline, output) whatever the
 * date, so the "Kiểm tra" column can show it. 'progress': the verdict depends on the as-of date. */
export type IssueCategory = 'data' | 'progress';

export interface IssueSpec {
  severity: Severity;
  category: IssueCategory;
  /** Rank among the groups of one severity in the task pane, 1 first. */
  paneOrder: number;
  /** Key of the message template in src/i18n/issues.ts. */
  messageKey: string;
}

/** In validation.md's order, which is the order of ISSUE_CODES and of the JSON contract. */
export const ISSUE_CATALOGUE = {
  'lead-missing': { severity: 'error', category: 'data', paneOrder: 1, messageKey: 'leadMissing' },
  'deadline-missing': { severity: 'error', category: 'data', paneOrder: 2, messageKey: 'deadlineMissing' },
  'deadline-unparsed': { severity: 'error', category: 'data', paneOrder: 3, messageKey: 'deadlineUnparsed' },
  'deadline-not-fixed': { severity: 'warning', category: 'data', paneOrder: 4, messageKey: 'deadlineNotFixed' },
  'deadline-before-plan': { severity: 'warning', category: 'data', paneOrder: 5, messageKey: 'deadlineBeforePlan' },
  'output-missing': { severity: 'error', category: 'data', paneOrder: 6, messageKey: 'outputMissing' },
  'output-unquantified': { severity: 'warning', category: 'data', paneOrder: 7, messageKey: 'outputUnquantified' },
  overdue: { severity: 'error', category: 'progress', paneOrder: 8, messageKey: 'overdue' },
  'milestone-missed': { severity: 'warning', category: 'progress', paneOrder: 9, messageKey: 'milestoneMissed' },
  'due-soon': { severity: 'info', category: 'progress', paneOrder: 10, messageKey: 'dueSoon' },
} as const satisfies Record<string, IssueSpec>;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;
export type IssueMessageKey = (typeof ISSUE_CATALOGUE)[IssueCode]['messageKey'];

/** The codes in validation.md's order. */
export const ISSUE_CODES: readonly IssueCode[] = Object.keys(ISSUE_CATALOGUE) as IssueCode[];

/** Issues about the row's data (lead, deadline, output), as opposed to its progress. */
export const DATA_ISSUE_CODES: readonly IssueCode[] = ISSUE_CODES.filter((c) => ISSUE_CATALOGUE[c].category === 'data');

export const SEVERITY: Readonly<Record<IssueCode, Severity>> = Object.fromEntries(
  ISSUE_CODES.map((c) => [c, ISSUE_CATALOGUE[c].severity]),
) as Record<IssueCode, Severity>;

/** The codes in the order the task pane lists groups of the same severity. */
export const ISSUE_PANE_ORDER: readonly IssueCode[] = [...ISSUE_CODES].sort(
  (a, b) => ISSUE_CATALOGUE[a].paneOrder - ISSUE_CATALOGUE[b].paneOrder,
);

// ---------------------------------------------------------------------------------------------
// Why a sheet cannot be checked
// ---------------------------------------------------------------------------------------------

export const FAILURE_CODES = ['no-table', 'ambiguous-table', 'empty-sheet', 'bad-settings', 'no-room'] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** Each reason the engine gives up, with the facts its sentence names. Row numbers are Excel's
 * (1-based). */
export interface FailureFacts {
  emptySheet: { sheet: string };
  noTable: { sheet: string };
  /** The sheet is a report this product made, not an appendix. */
  reportSheet: { sheet: string };
  /** Two different task tables on one sheet. */
  ambiguousTable: { sheet: string; firstHeaderRow: number; secondHeaderRow: number };
  /** Two task tables side by side on one header row, by their columns ("A–E"). */
  sideBySideTables: { sheet: string; first: string; second: string };
  badSettings: { detail: string };
  /** The tracking block would pass column XFD, Excel's last: the sheet can be checked, not written. */
  noRoomForTracking: { sheet: string };
}
export type FailureReason = keyof FailureFacts;

/** The code each reason is reported under (the JSON contract and callers branch on codes). */
export const FAILURE_CATALOGUE: Readonly<Record<FailureReason, FailureCode>> = {
  emptySheet: 'empty-sheet',
  noTable: 'no-table',
  reportSheet: 'no-table',
  ambiguousTable: 'ambiguous-table',
  sideBySideTables: 'ambiguous-table',
  badSettings: 'bad-settings',
  noRoomForTracking: 'no-room',
};

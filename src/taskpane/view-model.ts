/**
 * What the task pane shows, derived from an Analysis: the recognised table in words, one row per
 * table column with its role, and the issues grouped by code. Pure functions (tested directly and
 * through the components).
 */
import { ISSUE_PANE_ORDER } from '../engine/issues';
import type { Analysis, ColumnRole, IssueCode, Severity, TaskRow } from '../engine/model';
import { a1Range, columnIndex, columnLetter } from '../engine/a1';
import { correctionRole, type ColumnCorrection } from '../engine/settings';

/** Groups are listed by severity, then in the catalogue's pane order. */
export const ISSUE_CODE_ORDER: readonly IssueCode[] = ISSUE_PANE_ORDER;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface IssueItem {
  /** Sheet row, 0-based. */
  row: number;
  stt: string | null;
  /** The task's words (task, else activity, else output), as plain text. */
  taskText: string;
  message: string;
  /** What to select in the sheet: the task's row across the table. */
  address: string;
}

export interface IssueGroup {
  code: IssueCode;
  severity: Severity;
  items: IssueItem[];
}

export function taskText(task: TaskRow): string {
  return task.cells.task?.text || task.cells.activity?.text || task.cells.output?.text || task.cells.objective?.text || '';
}

export function rowAddress(analysis: Analysis, row: number): string {
  return a1Range({ top: row, left: analysis.table.firstCol, bottom: row, right: analysis.table.lastCol });
}

export function tableRangeAddress(analysis: Analysis): string {
  const { table } = analysis;
  const top = table.headerRows.length > 0 ? Math.min(...table.headerRows) : table.firstRow;
  return a1Range({ top, left: table.firstCol, bottom: Math.max(table.lastRow, top), right: table.lastCol });
}

export function groupIssues(analysis: Analysis): IssueGroup[] {
  const groups = new Map<IssueCode, IssueGroup>();
  for (const task of analysis.tasks) {
    for (const issue of task.issues) {
      let group = groups.get(issue.code);
      if (!group) {
        group = { code: issue.code, severity: issue.severity, items: [] };
        groups.set(issue.code, group);
      }
      // A group's severity is its worst member's (codes have fixed severities, but be safe).
      if (SEVERITY_ORDER[issue.severity] < SEVERITY_ORDER[group.severity]) group.severity = issue.severity;
      group.items.push({
        row: task.row,
        stt: task.stt,
        taskText: taskText(task),
        message: issue.message,
        address: rowAddress(analysis, task.row),
      });
    }
  }
  const rank = (code: IssueCode) => {
    const i = ISSUE_CODE_ORDER.indexOf(code);
    return i < 0 ? ISSUE_CODE_ORDER.length : i;
  };
  const list = [...groups.values()];
  for (const g of list) g.items.sort((a, b) => a.row - b.row);
  return list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rank(a.code) - rank(b.code));
}

export interface ColumnView {
  col: number;
  letter: string;
  header: string;
  role: ColumnRole | null;
  corrected: boolean;
}

/** One entry per column of the recognised table, left to right. */
export function columnViews(analysis: Analysis): ColumnView[] {
  const { table } = analysis;
  const roleAt = new Map<number, ColumnRole>();
  for (const [role, col] of Object.entries(table.columns) as [ColumnRole, number | undefined][]) {
    if (col !== undefined && !roleAt.has(col)) roleAt.set(col, role);
  }
  const views: ColumnView[] = [];
  for (let col = table.firstCol; col <= table.lastCol; col++) {
    const role = roleAt.get(col) ?? null;
    views.push({
      col,
      letter: columnLetter(col),
      header: table.headers[col] ?? '',
      role,
      corrected: role !== null && table.corrected.includes(role),
    });
  }
  return views;
}

/**
 * The sheet's correction after the user gives column `letter` the role `role` (or "none"). A role
 * belongs to one column: when it moves, the column that had it — recognised or corrected — is
 * told explicitly that it has no role any more, so the engine cannot give it back. Each entry
 * remembers the column's header, so that it stops applying once another column stands there.
 */
export function applyCorrection(
  analysis: Analysis,
  saved: ColumnCorrection | undefined,
  letter: string,
  role: ColumnRole | 'none',
): ColumnCorrection {
  const headerOf = (l: string) => analysis.table.headers[columnIndex(l)] ?? '';
  const entry = (l: string, r: ColumnRole | 'none') => ({ role: r, header: headerOf(l) });
  const next: ColumnCorrection = { ...(saved ?? {}), [letter]: entry(letter, role) };
  if (role !== 'none') {
    const recognisedAt = analysis.table.columns[role];
    if (recognisedAt !== undefined && columnLetter(recognisedAt) !== letter) next[columnLetter(recognisedAt)] = entry(columnLetter(recognisedAt), 'none');
    for (const [other, otherEntry] of Object.entries(next)) {
      if (other !== letter && correctionRole(otherEntry) === role) next[other] = entry(other, 'none');
    }
  }
  return next;
}

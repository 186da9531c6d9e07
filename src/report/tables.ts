/**
 * The report's five tables as data: headings, columns and rows, in the report's language. The
 * sheet (sheet.ts) lays them out as cells with formulas, the Word file (docx/) as tables; both
 * read them from here, so their words and numbers are the same.
 */
import { formatDate } from '../i18n/dates';
import { ISSUE_TITLES } from '../i18n/issues';
import { TASK_CLASSES, type ClassCounts } from './classify';
import { reportLabels, type ReportLabels } from './labels';
import type { ReportModel, ReportTask } from './model';
import { periodWords } from './periods';

export interface StatsRow {
  stt: string;
  name: string;
  counts: ClassCounts;
  rate: number | null;
}

export interface StatsTable {
  heading: string;
  /** STT, the name's heading, the six classes, total, done, rate. */
  columns: string[];
  rows: StatsRow[];
  totalsLabel: string;
  totals: ClassCounts;
  totalsRate: number | null;
  /** A line under the table, or null. */
  note: string | null;
}

export type ListColumnKey = 'stt' | 'task' | 'lead' | 'due' | 'status' | 'days' | 'issues' | 'reasons' | 'row';

export interface ListColumn {
  key: ListColumnKey;
  heading: string;
  /** The cell's content for a task: text, or a whole number (days). */
  value: (t: ReportTask) => string | number;
  align: 'left' | 'center';
}

export interface ListTable {
  heading: string;
  columns: ListColumn[];
  tasks: ReportTask[];
  /** What the table says when it lists nothing. */
  none: string;
}

export interface ReportTables {
  bySection: StatsTable;
  byLead: StatsTable;
  overdue: ListTable;
  upcoming: ListTable;
  quality: ListTable;
}

export function sumCounts(list: readonly ClassCounts[]): ClassCounts {
  const s: ClassCounts = { total: 0, doneOnTime: 0, doneLate: 0, done: 0, inProgress: 0, overdue: 0, notDue: 0, notFixed: 0 };
  for (const c of list) for (const k of Object.keys(s) as (keyof ClassCounts)[]) s[k] += c[k];
  return s;
}

function rateOf(c: ClassCounts): number | null {
  return c.total === 0 ? null : c.done / c.total;
}

function statsColumns(L: ReportLabels, nameHeading: string): string[] {
  return [L.stt, nameHeading, ...TASK_CLASSES.map((cls) => L.classHeading[cls]), L.total, L.done, L.rate];
}

/** The status on D, and for a task finished after D both facts: under way on D, done later. */
export function statusText(t: ReportTask, L: ReportLabels): string {
  if (t.status === 'done' && t.statusAsOf !== 'done' && t.doneDate) return `${L.statusWord[t.statusAsOf]} (${L.doneOn(formatDate(t.doneDate))})`;
  return L.statusWord[t.statusAsOf];
}

export function reportTables(model: ReportModel): ReportTables {
  const L = reportLabels(model.lang);
  const lang = model.lang;

  const sectionRows: StatsRow[] = model.bySection.map((s) => ({ stt: s.section ?? '', name: s.section === null ? L.noSection : s.title, counts: s.counts, rate: s.rate }));
  const sectionTotals = sumCounts(sectionRows.map((r) => r.counts));
  const leadRows: StatsRow[] = model.byLead.map((u, i) => ({ stt: String(i + 1), name: u.lead ?? L.noLead, counts: u.counts, rate: u.rate }));
  const leadTotals = sumCounts(leadRows.map((r) => r.counts));

  const stt: ListColumn = { key: 'stt', heading: L.stt, value: (t) => t.stt ?? '', align: 'center' };
  const task: ListColumn = { key: 'task', heading: L.task, value: (t) => t.task, align: 'left' };
  const lead: ListColumn = { key: 'lead', heading: L.lead, value: (t) => t.lead ?? L.noLead, align: 'left' };
  // Text, not a date serial: a linked cell shows its value as text in every host.
  const due: ListColumn = { key: 'due', heading: L.due, value: (t) => (t.due ? formatDate(t.due) : t.deadlineText), align: 'center' };
  const status: ListColumn = { key: 'status', heading: L.status, value: (t) => statusText(t, L), align: 'left' };
  const row: ListColumn = { key: 'row', heading: L.appendixRow, value: (t) => L.rowRef(t.row), align: 'center' };

  const daysLeft = new Map(model.upcoming.map((u) => [u.row, u.daysLeft]));
  const quality = new Map(model.dataQuality.map((q) => [q.row, q]));

  return {
    bySection: {
      heading: L.sectionHeading,
      columns: statsColumns(L, L.sectionColumn),
      rows: sectionRows,
      totalsLabel: L.totalsRow,
      totals: sectionTotals,
      totalsRate: rateOf(sectionTotals),
      note: null,
    },
    byLead: {
      heading: L.leadHeading,
      columns: statsColumns(L, L.leadColumn),
      rows: leadRows,
      totalsLabel: L.totalsRow,
      totals: leadTotals,
      totalsRate: rateOf(leadTotals),
      note: L.leadNote,
    },
    overdue: {
      heading: L.overdueHeading,
      columns: [stt, task, lead, due, status, { key: 'days', heading: L.daysLate, value: (t) => t.daysLate ?? 0, align: 'center' }, row],
      tasks: model.overdue,
      none: L.none,
    },
    upcoming: {
      heading: L.upcomingHeading(periodWords(model.next.id, model.next.year, lang), formatDate(model.upcomingWindow.from), formatDate(model.upcomingWindow.to)),
      columns: [stt, task, lead, due, status, { key: 'days', heading: L.daysLeft, value: (t) => daysLeft.get(t.row) ?? 0, align: 'center' }, row],
      tasks: model.upcoming,
      none: L.none,
    },
    quality: {
      heading: L.qualityHeading,
      columns: [
        stt,
        task,
        lead,
        // Issue titles in the report's language, never their codes.
        { key: 'issues', heading: L.issues, value: (t) => (quality.get(t.row)?.codes ?? []).map((c) => ISSUE_TITLES[c][lang]).join('; '), align: 'left' },
        { key: 'reasons', heading: L.reasons, value: (t) => (quality.get(t.row)?.reasons ?? []).join('; '), align: 'left' },
        row,
      ],
      tasks: model.dataQuality,
      none: L.none,
    },
  };
}

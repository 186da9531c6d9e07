/**
 * The quarterly report as numbers (report.md): classes as of D, by reform area, by lead unit,
 * the overdue list, what falls due next, and the rows whose data is incomplete. The task pane
 * previews it, the JSON contract prints it, reportSheet lays it out.
 */
import { daysBetween, todayISO } from '../engine/dates';
import { DATA_ISSUE_CODES, type IssueCode } from '../engine/issues';
import type { Analysis, DeadlineKind, ISODate, Lang, SectionInfo, TaskRow, TaskStatus } from '../engine/model';
import { issueMessage } from '../i18n/issues';
import { DEFAULT_PERIODS, type Settings } from '../engine/settings';
import { addToCounts, classifyTask, completionRate, emptyCounts, type ClassCounts, type TaskClass } from './classify';
import { nextPeriod, reportSheetName, resolvePeriod, upcomingWindow, type PeriodId, type ReportPeriod } from './periods';
import { splitLeadUnits, UnitResolver } from './units';
import { resolveDocumentFields, type DocumentFields, type DocumentOverrides } from './document';

export interface ReportOptions {
  period: PeriodId;
  year: number;
  /** The day the tasks are judged on; defaults to the period's "data to" day. */
  asOf?: ISODate;
  /** The period table and the unit aliases are read from here; missing parts take defaults. */
  settings?: Partial<Settings>;
  /** Overrides the agency of the settings and of the plan's titles. */
  agency?: string;
  /** The document's facts typed for this report; they override the settings and the titles. */
  document?: DocumentOverrides;
  lang: Lang;
  /** The date the report is made (defaults to today on this machine). */
  madeOn?: ISODate;
}

/** A cell of the appendix a list entry links back to (row and column 0-based). */
export interface AppendixLink {
  sheet: string;
  row: number;
  col: number;
}

export interface ReportTask {
  /** Excel row number (1-based) of the task in the appendix, as in the JSON. */
  row: number;
  stt: string | null;
  /** Section id as written, or null before the first section. */
  section: string | null;
  /** The task's words: its task cell, else activity, objective or output. */
  task: string;
  /** The lead cell's text, or null. */
  lead: string | null;
  /** The units the lead cell names, as written. */
  leadUnits: string[];
  due: ISODate | null;
  deadlineKind: DeadlineKind;
  deadlineText: string;
  status: TaskStatus | null;
  doneDate: ISODate | null;
  /** Status as it stood on D. */
  statusAsOf: TaskStatus;
  cls: TaskClass;
  daysLate: number | null;
  link: AppendixLink;
  /** Index of the task's reform area in ReportModel.bySection. */
  area: number;
}

export interface SectionStats {
  /** Section id ("I", "VII") or null for tasks above the first section. */
  section: string | null;
  title: string;
  counts: ClassCounts;
  rate: number | null;
}

export interface LeadStats {
  /** The unit's name (alias target, else its most frequent spelling), or null for tasks with
   * no lead. */
  lead: string | null;
  /** Every spelling merged into this unit, in order of first appearance. */
  spellings: string[];
  counts: ClassCounts;
  rate: number | null;
}

export interface UpcomingTask extends ReportTask {
  daysLeft: number;
}

export interface QualityRow extends ReportTask {
  codes: IssueCode[];
  reasons: string[];
}

/**
 * The task with its data-quality problems: `{ ...task, codes, reasons }` written out. A spread
 * of this many fields gave each copy a hidden class of its own in V8 (~200 bytes more per row:
 * 43 MB for a 200,000-row plan); the fields are the task's, in its order, then the two lists.
 */
function qualityRow(t: ReportTask, codes: IssueCode[], reasons: string[]): QualityRow {
  return {
    row: t.row, stt: t.stt, section: t.section, task: t.task, lead: t.lead, leadUnits: t.leadUnits, due: t.due, deadlineKind: t.deadlineKind,
    deadlineText: t.deadlineText, status: t.status, doneDate: t.doneDate, statusAsOf: t.statusAsOf, cls: t.cls, daysLate: t.daysLate, link: t.link, area: t.area,
    codes,
    reasons,
  };
}

export interface ReportModel {
  lang: Lang;
  period: ReportPeriod;
  next: ReportPeriod;
  /** The window of the "due in the next period" list. */
  upcomingWindow: { from: ISODate; to: ISODate };
  asOf: ISODate;
  agency: string | null;
  /** The administrative document's facts (document.ts). */
  document: DocumentFields;
  sourceSheet: string;
  planYear: number;
  madeOn: ISODate;
  sheetName: string;
  tasks: ReportTask[];
  bySection: SectionStats[];
  byLead: LeadStats[];
  total: ClassCounts;
  totalRate: number | null;
  /** A task names several lead units, so the by-lead totals exceed the plan's. */
  leadTotalsExceedPlan: boolean;
  overdue: ReportTask[];
  upcoming: UpcomingTask[];
  dataQuality: QualityRow[];
}

/** Issues about the row's data (lead, deadline, output), as opposed to its progress. */
export const DATA_QUALITY_CODES: readonly IssueCode[] = DATA_ISSUE_CODES;

const ROMAN_RE = /^[IVXLC]+$/;

function sectionIdCore(id: string): string {
  return id.trim().replace(/\.+$/, '').toUpperCase();
}

/**
 * Reform areas: the plan's sections in plan order. When the plan numbers its areas with Roman
 * numerals, a sub-section ("7.1", "a)") belongs to the Roman section above it rather than
 * making an area of its own.
 */
function reformAreas(sections: readonly SectionInfo[]): { areas: SectionInfo[]; areaOfSection: number[] } {
  const sorted = [...sections].sort((a, b) => a.row - b.row);
  const hasRoman = sorted.some((s) => ROMAN_RE.test(sectionIdCore(s.id)));
  const areas: SectionInfo[] = [];
  const areaOfSection: number[] = [];
  for (const s of sorted) {
    const current = areas[areas.length - 1];
    const isSub = hasRoman && !ROMAN_RE.test(sectionIdCore(s.id)) && current !== undefined && ROMAN_RE.test(sectionIdCore(current.id));
    if (!isSub) areas.push(s);
    areaOfSection.push(areas.length - 1);
  }
  return { areas, areaOfSection };
}

function nonEmpty(s: string | null | undefined): string | null {
  return s && s.trim() !== '' ? s.trim() : null;
}

function taskWords(task: TaskRow): string {
  for (const role of ['task', 'activity', 'objective', 'output'] as const) {
    const t = task.cells[role]?.text;
    if (t) return t;
  }
  return '';
}

/** The tasks of one lead unit, under every spelling the plan uses for it. */
interface LeadGroup {
  canonical: string | null;
  spellings: Map<string, number>;
  counts: ClassCounts;
}

/** One line per unit, named by its alias target or else its most frequent spelling; tasks with
 * no lead last. */
function leadStats(leadGroups: Map<string, LeadGroup>, noLeadCounts: ClassCounts): LeadStats[] {
  const byLead: LeadStats[] = [];
  for (const g of leadGroups.values()) {
    let name = g.canonical;
    if (name === null) {
      // The most frequent spelling; on a tie the first written (Map keeps insertion order).
      let best = -1;
      for (const [spelling, n] of g.spellings) if (n > best) [name, best] = [spelling, n];
    }
    byLead.push({ lead: name, spellings: [...g.spellings.keys()], counts: g.counts, rate: completionRate(g.counts) });
  }
  if (noLeadCounts.total > 0) byLead.push({ lead: null, spellings: [], counts: noLeadCounts, rate: completionRate(noLeadCounts) });
  return byLead;
}

/** A task's area as its line of bySection: the tasks above the first section are the first line
 * when there are any. */
function placeInAreas(tasks: ReportTask[], noSectionLine: boolean): void {
  const offset = noSectionLine ? 1 : 0;
  for (const t of tasks) t.area = t.area < 0 ? 0 : t.area + offset;
}

export function buildReportModel(analysis: Analysis, options: ReportOptions): ReportModel {
  const periods = options.settings?.periods ?? DEFAULT_PERIODS;
  const period = resolvePeriod(options.period, options.year, periods);
  const asOf = options.asOf ?? period.to;
  const next = nextPeriod(period, periods);
  const window = upcomingWindow(period, asOf, periods);
  const lang = options.lang;

  const linkColumn = analysis.table.columns.task ?? analysis.table.columns.activity ?? analysis.table.columns.stt ?? analysis.table.firstCol;

  // Sections by row: a task belongs to the last section heading above it.
  const { areas, areaOfSection } = reformAreas(analysis.sections);
  const sortedSections = [...analysis.sections].sort((a, b) => a.row - b.row);
  const areaCounts = areas.map(() => emptyCounts());
  const noSectionCounts = emptyCounts();

  const resolver = new UnitResolver(options.settings?.unitAliases ?? []);
  const leadGroups = new Map<string, LeadGroup>();
  const noLeadCounts = emptyCounts();
  let leadTotalsExceedPlan = false;

  const total = emptyCounts();
  const tasks: ReportTask[] = [];
  const dataQuality: QualityRow[] = [];

  for (const t of [...analysis.tasks].sort((a, b) => a.row - b.row)) {
    const c = classifyTask(t, asOf);
    const leadUnits = splitLeadUnits(t.cells.lead);
    const rt: ReportTask = {
      row: t.row + 1,
      stt: t.stt,
      section: t.section,
      task: taskWords(t),
      lead: t.cells.lead?.text ? t.cells.lead.text : null,
      leadUnits,
      due: t.deadline.due,
      deadlineKind: t.deadline.kind,
      deadlineText: t.deadline.text,
      status: t.status,
      doneDate: t.doneDate,
      statusAsOf: c.statusAsOf,
      cls: c.cls,
      daysLate: c.daysLate,
      link: { sheet: analysis.sheetName, row: t.row, col: linkColumn },
      area: -1,
    };
    tasks.push(rt);
    addToCounts(total, c.cls);

    let sectionIndex = -1;
    for (let i = 0; i < sortedSections.length && sortedSections[i].row < t.row; i++) sectionIndex = i;
    addToCounts(sectionIndex < 0 ? noSectionCounts : areaCounts[areaOfSection[sectionIndex]], c.cls);
    rt.area = sectionIndex < 0 ? -1 : areaOfSection[sectionIndex];

    const seen = new Set<string>();
    for (const written of leadUnits) {
      const { key, canonical } = resolver.resolve(written);
      if (seen.has(key)) continue;
      seen.add(key);
      let g = leadGroups.get(key);
      if (!g) {
        g = { canonical, spellings: new Map(), counts: emptyCounts() };
        leadGroups.set(key, g);
      }
      g.spellings.set(written, (g.spellings.get(written) ?? 0) + 1);
      addToCounts(g.counts, c.cls);
    }
    if (seen.size === 0) addToCounts(noLeadCounts, c.cls);
    if (seen.size > 1) leadTotalsExceedPlan = true;

    const qualityIssues = t.issues.filter((i) => DATA_QUALITY_CODES.includes(i.code));
    if (qualityIssues.length > 0) {
      const reasons = qualityIssues.map((i) => (lang === analysis.lang && i.message ? i.message : issueMessage(i.code, i.params, lang)));
      dataQuality.push(qualityRow(rt, qualityIssues.map((i) => i.code), reasons));
    }
  }

  const bySection: SectionStats[] = [];
  if (noSectionCounts.total > 0) bySection.push({ section: null, title: '', counts: noSectionCounts, rate: completionRate(noSectionCounts) });
  areas.forEach((a, i) => bySection.push({ section: a.id, title: a.title, counts: areaCounts[i], rate: completionRate(areaCounts[i]) }));
  placeInAreas([...tasks, ...dataQuality], noSectionCounts.total > 0);

  const byLead = leadStats(leadGroups, noLeadCounts);

  const overdue = tasks
    .filter((t) => t.cls === 'overdue')
    .sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.row - b.row);

  const upcoming: UpcomingTask[] = tasks
    .filter((t) => (t.cls === 'inProgress' || t.cls === 'notDue') && t.due !== null && t.due >= window.from && t.due <= window.to)
    .map((t) => ({ ...t, daysLeft: daysBetween(asOf, t.due as ISODate) }))
    .sort((a, b) => (a.due as string).localeCompare(b.due as string) || a.row - b.row);

  return {
    lang,
    period,
    next,
    upcomingWindow: window,
    asOf,
    agency: nonEmpty(options.agency) ?? nonEmpty(options.settings?.agency) ?? nonEmpty(analysis.agency) ?? null,
    document: resolveDocumentFields(analysis, options.settings, { ...options.document, ...(nonEmpty(options.agency) ? { agency: options.agency } : {}) }),
    sourceSheet: analysis.sheetName,
    planYear: analysis.planYear,
    madeOn: options.madeOn ?? todayISO(),
    sheetName: reportSheetName(period.id, period.year, lang),
    tasks,
    bySection,
    byLead,
    total,
    totalRate: completionRate(total),
    leadTotalsExceedPlan,
    overdue,
    upcoming,
    dataQuality,
  };
}

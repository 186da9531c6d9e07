/**
 * The roll-up as numbers (report.md, "Roll-up"): many units' single-unit reports put together.
 * Every count is a sum of the units' own report counts, so the consolidated total is exactly
 * what `report` gives file by file; rates are recomputed from the sums, never added up.
 *
 * Which files count: a file that could not be read is listed with its reason; a file whose
 * content is identical to an earlier one (same SHA-256) is a duplicate, listed and not counted;
 * a plan of another year is listed and not counted; two different files of one unit are both
 * counted, each on its own line, and flagged for the office to check.
 */
import { yearOf } from '../../engine/dates';
import type { IssueCode } from '../../engine/issues';
import type { ISODate, Lang } from '../../engine/model';
import { DEFAULT_PERIODS, type PeriodDef } from '../../engine/settings';
import { completionRate, emptyCounts, TASK_CLASSES, type ClassCounts } from '../classify';
import type { ReportModel } from '../model';
import { resolvePeriod, safeSheetName, type PeriodId, type ReportPeriod } from '../periods';
import { areaOf } from './areas';
import { reportLabels } from '../labels';
import { rollupLabels } from './labels';
import { baseName, EMPTY_UNIT_MAP, UnitNamer, type UnitMap } from './unit-map';
import { normalizeUnitName, unitNameKey } from './unit-name';

/** A unit's report without its full task list (the roll-up needs the counts and the lists). */
export type UnitReportModel = Omit<ReportModel, 'tasks'>;

/** What the per-file step found in a workbook it could read. Plain data: it crosses from a
 * worker thread to the main one. */
export interface UnitReport {
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** The unit the plan's title rows name (unit-name.ts), or null. */
  titleUnit: string | null;
  /** The agency stored in the workbook's settings by its user, or null. */
  settingsAgency: string | null;
  planYear: number;
  /** Error-severity issues of the check. */
  errors: number;
  report: UnitReportModel;
}

export type FileRead =
  | { file: string; ok: true; unit: UnitReport }
  /** `reason`: one sentence, worded by the host that failed to read it. */
  | { file: string; ok: false; reason: string; sha256: string | null };

export interface RollupOptions {
  period: PeriodId;
  /** The roll-up's year; defaults to the year most plans are for (the later on a tie). */
  year?: number;
  /** The day the units' reports were judged on; defaults to the period's "data to" day. */
  asOf?: ISODate;
  lang: Lang;
  madeOn: ISODate;
  unitMap?: UnitMap;
  /** The period table of the roll-up's title (defaults to the official one). */
  periods?: readonly PeriodDef[];
}

export interface QualityCounts {
  tasks: number;
  noLead: number;
  /** No deadline, or one that names no calendar date (an event, a reference, unreadable). */
  noFixedDeadline: number;
  /** No output, or an output with no target to measure. */
  outputNotQuantified: number;
  /** Rows with any data issue (lead, deadline or output). */
  rows: number;
}

export interface RollupUnit {
  /** 1-based line of the summary (the ranking). */
  line: number;
  unit: string;
  file: string;
  /** The unit's detail sheet. */
  sheetName: string;
  counts: ClassCounts;
  rate: number | null;
  quality: QualityCounts;
  /** Other counted files of the same unit. */
  sameUnitAs: string[];
  report: UnitReportModel;
}

export interface RollupArea {
  key: string;
  name: string;
  counts: ClassCounts;
  rate: number | null;
  /** Units with at least one task in the area. */
  units: number;
}

export interface RollupOverdue {
  unit: string;
  file: string;
  /** Excel row in the unit's appendix. */
  row: number;
  stt: string | null;
  task: string;
  lead: string | null;
  due: ISODate | null;
  daysLate: number;
}

export type FileStatus = 'counted' | 'unreadable' | 'duplicate' | 'other-year';

export interface RollupFile {
  file: string;
  status: FileStatus;
  /** Why it is not counted (or, counted, why the office should look at it), or null. */
  reason: string | null;
  /** The unit as the plan names it (settings, titles), before the office's mapping. */
  agency: string | null;
  /** The unit it counts for, after the mapping. */
  unit: string | null;
  planYear: number | null;
  tasks: number | null;
  sha256: string | null;
  sameUnitAs: string[];
}

export interface RollupModel {
  lang: Lang;
  period: ReportPeriod;
  asOf: ISODate;
  madeOn: ISODate;
  units: RollupUnit[];
  total: ClassCounts;
  totalRate: number | null;
  areas: RollupArea[];
  overdue: RollupOverdue[];
  quality: QualityCounts;
  files: RollupFile[];
}

const NO_LEAD: readonly IssueCode[] = ['lead-missing'];
const NO_FIXED_DEADLINE: readonly IssueCode[] = ['deadline-missing', 'deadline-unparsed', 'deadline-not-fixed'];
const OUTPUT_NOT_QUANTIFIED: readonly IssueCode[] = ['output-missing', 'output-unquantified'];

export function emptyQuality(): QualityCounts {
  return { tasks: 0, noLead: 0, noFixedDeadline: 0, outputNotQuantified: 0, rows: 0 };
}

export function qualityOf(report: UnitReportModel): QualityCounts {
  const q = emptyQuality();
  q.tasks = report.total.total;
  for (const row of report.dataQuality) {
    q.rows += 1;
    if (row.codes.some((c) => NO_LEAD.includes(c))) q.noLead += 1;
    if (row.codes.some((c) => NO_FIXED_DEADLINE.includes(c))) q.noFixedDeadline += 1;
    if (row.codes.some((c) => OUTPUT_NOT_QUANTIFIED.includes(c))) q.outputNotQuantified += 1;
  }
  return q;
}

export function addCounts(into: ClassCounts, c: ClassCounts): void {
  into.total += c.total;
  into.done += c.done;
  for (const cls of TASK_CLASSES) into[cls] += c[cls];
}

/** The year most plans are for; the later year on a tie. */
export function majorityYear(years: readonly number[]): number | null {
  const n = new Map<number, number>();
  for (const y of years) n.set(y, (n.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of n) if (best === null || c > (n.get(best) ?? 0) || (c === n.get(best) && y > best)) best = y;
  return best;
}

/** "Ủy ban nhân dân xã An Bình" → "UBND xã An Bình", for sheet names. */
function shortUnit(unit: string): string {
  return unit.replace(/ủy ban nhân dân/giu, 'UBND').replace(/hội đồng nhân dân/giu, 'HĐND');
}

/** The unit's name as read from its plan: the workbook's setting, else the titles, else the
 * report's agency (the "kèm theo … của …" line), else the file's name. */
function writtenUnit(file: string, u: UnitReport): string {
  const candidates = [u.settingsAgency, u.titleUnit, u.report.agency];
  for (const c of candidates) if (c && c.trim() !== '') return normalizeUnitName(c);
  return baseName(file).replace(/\.(xlsx|xlsm)$/i, '');
}

function byRank(a: RollupUnit, b: RollupUnit): number {
  const ra = a.rate ?? -1;
  const rb = b.rate ?? -1;
  return rb - ra || b.counts.done - a.counts.done || a.counts.overdue - b.counts.overdue || a.unit.localeCompare(b.unit, 'vi') || a.file.localeCompare(b.file);
}

export function buildRollup(files: readonly FileRead[], options: RollupOptions): RollupModel {
  const L = rollupLabels(options.lang);
  const namer = new UnitNamer(options.unitMap ?? EMPTY_UNIT_MAP);
  const readable = files.filter((f): f is Extract<FileRead, { ok: true }> => f.ok);
  const year = options.year ?? majorityYear(readable.map((f) => f.unit.planYear)) ?? yearOf(options.madeOn);
  const period = resolvePeriod(options.period, year, options.periods ?? DEFAULT_PERIODS);

  const firstWithHash = new Map<string, string>();
  const outcomes: RollupFile[] = [];
  const counted: { file: string; unit: string; u: UnitReport; outcome: RollupFile }[] = [];
  for (const f of files) {
    if (!f.ok) {
      outcomes.push({ file: f.file, status: 'unreadable', reason: f.reason, agency: null, unit: null, planYear: null, tasks: null, sha256: f.sha256, sameUnitAs: [] });
      continue;
    }
    const u = f.unit;
    const agency = writtenUnit(f.file, u);
    const unit = namer.forFile(f.file) ?? namer.name(agency);
    const outcome: RollupFile = { file: f.file, status: 'counted', reason: null, agency, unit, planYear: u.planYear, tasks: u.report.total.total, sha256: u.sha256, sameUnitAs: [] };
    outcomes.push(outcome);
    const original = firstWithHash.get(u.sha256);
    if (original !== undefined) {
      outcome.status = 'duplicate';
      outcome.reason = L.reasons.duplicate(original);
      continue;
    }
    firstWithHash.set(u.sha256, f.file);
    if (u.planYear !== year) {
      outcome.status = 'other-year';
      outcome.reason = L.reasons.otherYear(u.planYear, year);
      continue;
    }
    counted.push({ file: f.file, unit, u, outcome });
  }

  // Two different files of one unit: both count, each is flagged.
  const byKey = new Map<string, typeof counted>();
  for (const c of counted) {
    const key = unitNameKey(c.unit);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      c.outcome.sameUnitAs = group.filter((o) => o !== c).map((o) => o.file);
      c.outcome.reason = L.reasons.sameUnit(c.outcome.sameUnitAs);
    }
  }

  const units: RollupUnit[] = counted
    .map((c) => ({
      line: 0,
      unit: c.unit,
      file: c.file,
      sheetName: '',
      counts: c.u.report.total,
      rate: completionRate(c.u.report.total),
      quality: qualityOf(c.u.report),
      sameUnitAs: c.outcome.sameUnitAs,
      report: c.u.report,
    }))
    .sort(byRank);
  units.forEach((u, i) => {
    u.line = i + 1;
    u.sheetName = safeSheetName(`${i + 1}. ${shortUnit(u.unit)}`);
  });

  const total = emptyCounts();
  const quality = emptyQuality();
  const areas = new Map<string, RollupArea & { order: number; first: number }>();
  const overdue: RollupOverdue[] = [];
  for (const u of units) {
    addCounts(total, u.counts);
    for (const k of Object.keys(quality) as (keyof QualityCounts)[]) quality[k] += u.quality[k];
    for (const s of u.report.bySection) {
      const ref = areaOf(s.section, s.title, options.lang, reportLabels(options.lang).noSection);
      let a = areas.get(ref.key);
      if (!a) areas.set(ref.key, (a = { key: ref.key, name: ref.name, counts: emptyCounts(), rate: null, units: 0, order: ref.order, first: areas.size }));
      if (s.counts.total > 0) a.units += 1;
      addCounts(a.counts, s.counts);
    }
    for (const t of u.report.overdue) {
      overdue.push({ unit: u.unit, file: u.file, row: t.row, stt: t.stt, task: t.task, lead: t.lead, due: t.due, daysLate: t.daysLate ?? 0 });
    }
  }

  return {
    lang: options.lang,
    period,
    asOf: options.asOf ?? period.to,
    madeOn: options.madeOn,
    units,
    total,
    totalRate: completionRate(total),
    areas: [...areas.values()]
      .sort((a, b) => a.order - b.order || a.first - b.first)
      .map(({ key, name, counts, units: n }) => ({ key, name, counts, rate: completionRate(counts), units: n })),
    overdue,
    quality,
    files: outcomes,
  };
}

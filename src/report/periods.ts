/**
 * Official reporting periods (report.md): the period table comes from the settings (the user can
 * change it), so every date here is computed from a PeriodDef, never hard-coded.
 */
import { addDays, daysInMonth, ymd } from '../engine/dates';
import type { ISODate, Lang } from '../engine/model';
import { DEFAULT_PERIODS, type PeriodDef } from '../engine/settings';

export type PeriodId = PeriodDef['id'];

export const PERIOD_IDS: readonly PeriodId[] = ['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y'];

/** One period of one report year, with its dates resolved. */
export interface ReportPeriod {
  id: PeriodId;
  /** The report's year (Q1 2024 starts on 15/12/2023 but is a 2024 period). */
  year: number;
  /** "Data from" day. */
  from: ISODate;
  /** "Data to" day: the default as-of day D. */
  to: ISODate;
  /** The day the report is due. */
  due: ISODate;
}

/** A period table's entry for `id`; a user table that lacks it falls back to the official one. */
export function periodDef(id: PeriodId, periods: readonly PeriodDef[] = DEFAULT_PERIODS): PeriodDef {
  const found = periods.find((p) => p.id === id) ?? DEFAULT_PERIODS.find((p) => p.id === id);
  if (!found) throw new Error(`unknown period ${String(id)}`);
  return found;
}

/** A month/day of a user-edited table may not exist every year (29/02, 31/04): use the month's
 * last day rather than fail or spill into the next month. */
function clampedDay(year: number, month: number, day: number): ISODate {
  return ymd(year, month, Math.min(day, daysInMonth(year, month)));
}

export function resolvePeriod(id: PeriodId, year: number, periods: readonly PeriodDef[] = DEFAULT_PERIODS): ReportPeriod {
  const def = periodDef(id, periods);
  const fromYear = def.from.prevYear ? year - 1 : year;
  return {
    id,
    year,
    from: clampedDay(fromYear, def.from.month, def.from.day),
    to: clampedDay(year, def.to.month, def.to.day),
    due: clampedDay(year, def.due.month, def.due.day),
  };
}

/**
 * The period after this one, for "Due in the next period": the next quarter. Q1→Q2, Q2→Q3,
 * H1→Q3 (the half-year ends where Q2 ends), Q3→Q4, Q4→Q1 and Y→Q1 of the following year.
 */
export function nextPeriodId(id: PeriodId, year: number): { id: PeriodId; year: number } {
  switch (id) {
    case 'Q1':
      return { id: 'Q2', year };
    case 'Q2':
    case 'H1':
      return { id: 'Q3', year };
    case 'Q3':
      return { id: 'Q4', year };
    case 'Q4':
    case 'Y':
      return { id: 'Q1', year: year + 1 };
  }
}

export function nextPeriod(period: ReportPeriod, periods: readonly PeriodDef[] = DEFAULT_PERIODS): ReportPeriod {
  const next = nextPeriodId(period.id, period.year);
  return resolvePeriod(next.id, next.year, periods);
}

/**
 * The window of "Due in the next period" as of D: the day after D up to the next period's "data
 * to" day. With the official table and D = the period's "data to" day this is exactly the next
 * period's data window (Q1 2024 → 15/03/2024–14/06/2024); with an earlier D it also catches the
 * tasks falling due between D and the end of this period, so no task falls in a gap.
 */
export function upcomingWindow(period: ReportPeriod, asOf: ISODate, periods: readonly PeriodDef[] = DEFAULT_PERIODS): { from: ISODate; to: ISODate } {
  return { from: addDays(asOf, 1), to: nextPeriod(period, periods).to };
}

/**
 * The report due next on `today` (the task pane's default): the period whose due date is the
 * first on or after today. When two periods are due the same day (Q2 and H1, Q4 and Y), the
 * one every agency reports wins (H1, Y): quý II and quý IV reports are the optional ones.
 */
export function periodDueNext(today: ISODate, periods: readonly PeriodDef[] = DEFAULT_PERIODS): { id: PeriodId; year: number } {
  const preference: PeriodId[] = ['Q1', 'H1', 'Q3', 'Y', 'Q2', 'Q4'];
  const year = Number(today.slice(0, 4));
  let best: ReportPeriod | null = null;
  for (const y of [year - 1, year, year + 1]) {
    for (const id of preference) {
      const p = resolvePeriod(id, y, periods);
      if (p.due < today) continue;
      // Strictly earlier due only: on a tie the earlier entry of `preference` stays.
      if (best === null || p.due < best.due) best = p;
    }
  }
  // Every year has periods due in it, so a later one always exists; the fallback is for a
  // pathological table only.
  return best ? { id: best.id, year: best.year } : { id: 'Y', year };
}

/**
 * The cut-off the pane offers beside "Hôm nay" for a review: the "data to" day of the report
 * period due next on `today` (the Report tab's default period). A plan of an earlier year is
 * reviewed as of its year's last cut-off instead (the year report's "data to" day, 14/12 with
 * the official table): its next report lies in a year the plan does not cover.
 */
export function reviewCutOff(today: ISODate, planYear: number | null, periods: readonly PeriodDef[] = DEFAULT_PERIODS): { id: PeriodId; year: number; day: ISODate } {
  const due = periodDueNext(today, periods);
  const chosen = planYear !== null && planYear < due.year ? { id: 'Y' as PeriodId, year: planYear } : due;
  return { ...chosen, day: resolvePeriod(chosen.id, chosen.year, periods).to };
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

const ROMAN = ['I', 'II', 'III', 'IV'];
const ORDINAL_EN = ['FIRST', 'SECOND', 'THIRD', 'FOURTH'];

function quarterNumber(id: PeriodId): number | null {
  return id === 'Q1' ? 1 : id === 'Q2' ? 2 : id === 'Q3' ? 3 : id === 'Q4' ? 4 : null;
}

/** The period as the report's title says it: "QUÝ I NĂM 2024", "6 THÁNG ĐẦU NĂM 2024",
 * "NĂM 2024"; English "FIRST QUARTER OF 2024", "FIRST HALF OF 2024", "YEAR 2024". */
export function periodTitleWords(id: PeriodId, year: number, lang: Lang): string {
  const q = quarterNumber(id);
  if (lang === 'en') {
    if (q) return `${ORDINAL_EN[q - 1]} QUARTER OF ${year}`;
    return id === 'H1' ? `FIRST HALF OF ${year}` : `YEAR ${year}`;
  }
  if (q) return `QUÝ ${ROMAN[q - 1]} NĂM ${year}`;
  return id === 'H1' ? `6 THÁNG ĐẦU NĂM ${year}` : `NĂM ${year}`;
}

/** The period in running text: "quý I năm 2024", "6 tháng đầu năm 2024"; "Q1 2024", "H1 2024". */
export function periodWords(id: PeriodId, year: number, lang: Lang): string {
  const q = quarterNumber(id);
  if (lang === 'en') return id === 'Y' ? `year ${year}` : `${id} ${year}`;
  if (q) return `quý ${ROMAN[q - 1]} năm ${year}`;
  return id === 'H1' ? `6 tháng đầu năm ${year}` : `năm ${year}`;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/g;

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = name.normalize('NFC').replace(FORBIDDEN_SHEET_CHARS, '-').replace(/^'+|'+$/g, '').trim();
  const cut = Array.from(cleaned).slice(0, 31).join('').trim();
  return cut === '' ? 'BC' : cut;
}

/** The report sheet's name: "BC Quý I-2024", "BC 6 tháng-2024", "BC Năm-2024"; English
 * "Report Q1-2024", "Report H1-2024", "Report Year-2024". */
export function reportSheetName(id: PeriodId, year: number, lang: Lang): string {
  const q = quarterNumber(id);
  if (lang === 'en') return safeSheetName(`Report ${id === 'Y' ? 'Year' : id}-${year}`);
  const words = q ? `Quý ${ROMAN[q - 1]}` : id === 'H1' ? '6 tháng' : 'Năm';
  return safeSheetName(`BC ${words}-${year}`);
}

/**
 * Time expressions → calendar windows: the year of each year-less expression (fillYears), the
 * window of an expression in a year (buildWindow), and the windows of a deadline in text order
 * with joined expressions merged (windowsOf: "Quý I-III" a range, "Quý III hoặc Quý IV" the
 * later one, "Quý I, II" one window, "Tháng 6 và tháng 12" two).
 */
import type { DeadlineOffset, ISODate } from '../model';
import type { TeAtom, TeSpec } from './atoms';
import { MAX_YEAR, MIN_YEAR, iso, monthEnd, plusDays, plusMonths, plusWorkdays, validDay } from './calendar';

export interface Window {
  start: ISODate | null;
  due: ISODate;
}

function yearOk(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

function applyOffset(anchor: ISODate, offset: DeadlineOffset): ISODate | null {
  if (offset.unit === 'day') return plusDays(anchor, offset.amount);
  if (offset.unit === 'month') return plusMonths(anchor, offset.amount);
  return plusWorkdays(anchor, offset.amount);
}

/** The calendar window of an expression in a year, or null when the date is impossible. */
export function buildWindow(spec: TeSpec, y: number): Window | null {
  if (!yearOk(y)) return null;
  switch (spec.u) {
    case 'day':
      return validDay(y, spec.m, spec.d) ? { start: null, due: iso(y, spec.m, spec.d) } : null;
    case 'month':
      return spec.m >= 1 && spec.m <= 12 ? { start: iso(y, spec.m, 1), due: monthEnd(y, spec.m) } : null;
    case 'monthPart': {
      if (spec.m < 1 || spec.m > 12) return null;
      if (spec.part === 'early') return { start: iso(y, spec.m, 1), due: iso(y, spec.m, 10) };
      if (spec.part === 'mid') return { start: iso(y, spec.m, 11), due: iso(y, spec.m, 20) };
      return { start: iso(y, spec.m, 21), due: monthEnd(y, spec.m) };
    }
    case 'quarter':
      return spec.q >= 1 && spec.q <= 4 ? { start: iso(y, spec.q * 3 - 2, 1), due: monthEnd(y, spec.q * 3) } : null;
    case 'firstMonths':
      return spec.n >= 1 && spec.n <= 12 ? { start: iso(y, 1, 1), due: monthEnd(y, spec.n) } : null;
    case 'lastMonths':
      return spec.n >= 1 && spec.n <= 12 ? { start: iso(y, 13 - spec.n, 1), due: iso(y, 12, 31) } : null;
    case 'yearPart':
      if (spec.part === 'early') return { start: iso(y, 1, 1), due: iso(y, 3, 31) };
      if (spec.part === 'mid') return { start: iso(y, 6, 1), due: iso(y, 7, 31) };
      return { start: iso(y, 10, 1), due: iso(y, 12, 31) };
    case 'year':
      return { start: iso(y, 1, 1), due: iso(y, 12, 31) };
    case 'offset': {
      const base = buildWindow(spec.base, y);
      if (!base) return null;
      const anchor = base.start ?? base.due;
      const due = applyOffset(anchor, spec.offset);
      return due && anchor <= due ? { start: anchor, due } : null;
    }
  }
}

function windowKey(w: Window | null): string {
  return w ? (w.start ?? w.due) : '';
}

/** Years of the expressions: written ones kept; in a joined group a year-less one takes the
 * next one's year (in a range or list, a year earlier if it would otherwise come after it:
 * "Tháng 11 - tháng 2/2025"); others take the nearest written year before them (a year later if they would
 * otherwise come before it), then after them, then the recurring duty's, then the plan's. */
export function fillYears(tes: TeAtom[], fallback: number): number[] {
  const years: (number | null)[] = tes.map((t) => t.year);
  for (let i = tes.length - 2; i >= 0; i--) {
    const join = tes[i + 1].join;
    if (years[i] !== null || join === null || years[i + 1] === null) continue;
    let y = years[i + 1] as number;
    // A range or a list runs forward in time; alternatives ("hoặc") need not.
    const next = join === 'or' ? null : buildWindow(tes[i + 1].spec, y);
    if (next && windowKey(buildWindow(tes[i].spec, y)) > windowKey(next)) y -= 1;
    years[i] = y;
  }
  let prev: number | null = null;
  for (let i = 0; i < tes.length; i++) {
    if (years[i] !== null) {
      prev = years[i];
      continue;
    }
    if (prev === null) continue;
    let y: number = prev;
    const before = buildWindow(tes[i - 1].spec, years[i - 1] as number);
    const mine = buildWindow(tes[i].spec, y);
    if (before && mine && mine.due < (before.start ?? before.due)) y += 1;
    years[i] = y;
    prev = y;
  }
  let next: number | null = null;
  for (let i = tes.length - 1; i >= 0; i--) {
    if (years[i] !== null) next = years[i];
    else years[i] = next ?? fallback;
  }
  return years as number[];
}

/** A window with the tokens [from, to) of the expressions it comes from. */
export interface Span extends Window {
  from: number;
  to: number;
}

export function endOfYear(day: ISODate): ISODate {
  return `${day.slice(0, 4)}-12-31`;
}

/** Windows of the deadline, in text order; null when a date is impossible. */
export function windowsOf(tes: TeAtom[], years: number[]): Span[] | null {
  const out: Span[] = [];
  let cur: Span | null = null;
  let fromOpen = false;
  for (let i = 0; i < tes.length; i++) {
    const te = tes[i];
    const w = buildWindow(te.spec, years[i]);
    if (!w) return null;
    let start = w.start;
    let due: ISODate | null = w.due;
    if (te.join !== 'range' && (te.mod === 'before' || te.mod === 'until')) {
      // "Trước ngày 15/01" → that day; "trước tháng 6" → the day before June; "chậm nhất
      // trong tháng 6", "đến hết Quý II" → the period's end. Only the due is named.
      if (te.mod === 'before' && start !== null && te.spec.u !== 'day' && te.spec.u !== 'offset') due = plusDays(start, -1);
      if (!due) return null;
      start = null;
    }
    const x: Span = { start, due, from: te.from, to: te.to };
    const c = cur as Span | null;
    const join = c ? te.join : null;
    if (c && join === 'range') {
      const s0: ISODate = c.start ?? c.due;
      if (s0 > x.due) return null;
      cur = { start: s0, due: x.due, from: c.from, to: x.to };
      fromOpen = false;
    } else if (c && join === 'or') {
      cur = x.due >= c.due ? { start: x.start, due: x.due, from: c.from, to: x.to } : { start: c.start, due: c.due, from: c.from, to: x.to };
    } else if (c && join === 'list' && !fromOpen && c.start !== null && x.start !== null && plusDays(c.due, 1) === x.start) {
      cur = { start: c.start, due: x.due, from: c.from, to: x.to };
    } else {
      if (c) out.push(closeSpan(c, fromOpen));
      cur = x;
      fromOpen = te.mod === 'from';
    }
  }
  if (cur) out.push(closeSpan(cur, fromOpen));
  return out;
}

/** "Từ Quý II/2024" with no end: from then to the end of that year. */
function closeSpan(span: Span, fromOpen: boolean): Span {
  return fromOpen ? { start: span.start ?? span.due, due: endOfYear(span.due), from: span.from, to: span.to } : span;
}

/** 01/01 of a year to 31/12 of the same or a later year. */
export function isWholeYears(w: Window): boolean {
  return w.start !== null && w.start.slice(5) === '01-01' && w.due.slice(5) === '12-31';
}

export function yearEnd(y: number): ISODate | null {
  return yearOk(y) ? iso(y, 12, 31) : null;
}

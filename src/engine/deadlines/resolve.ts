/**
 * Atoms → Deadline: years are given to year-less expressions, expressions become calendar
 * windows, joined ones are merged ("Quý I-III" a range, "Quý III hoặc Quý IV" the later one,
 * "Quý I, II" one window, "Tháng 6 và tháng 12" two steps), and the kind is chosen.
 */
import { addDays, addMonths, endOfMonth, endOfQuarter, isISODate, isValidDay, startOfQuarter, ymd } from '../dates';
import type { Deadline, DeadlineOffset, DeadlineStep, ISODate, Recurrence } from '../model';
import { RECURRENCE_ORDER } from './lexicon';
import type { Lexed } from './normalize';
import type { Atom, TeAtom, TeSpec } from './scan';

export interface Window {
  start: ISODate | null;
  due: ISODate;
}

function safeYmd(y: number, m: number, d: number): ISODate | null {
  return isValidDay(y, m, d) ? ymd(y, m, d) : null;
}

function yearOk(y: number): boolean {
  return Number.isInteger(y) && y >= 1900 && y <= 2200;
}

/** N working days after a day (Saturdays and Sundays skipped; holidays are not known). */
function addWorkdays(iso: ISODate, n: number): ISODate {
  const weeks = Math.floor(n / 5);
  let d = addDays(iso, weeks * 7);
  let left = n - weeks * 5;
  while (left > 0) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return d;
}

function applyOffset(anchor: ISODate, offset: DeadlineOffset): ISODate | null {
  const due = offset.unit === 'day' ? addDays(anchor, offset.amount) : offset.unit === 'month' ? addMonths(anchor, offset.amount) : addWorkdays(anchor, offset.amount);
  return isISODate(due) && yearOk(Number(due.slice(0, 4))) ? due : null;
}

/** The calendar window of an expression in a year, or null when the date is impossible. */
export function buildWindow(spec: TeSpec, y: number): Window | null {
  if (!yearOk(y)) return null;
  switch (spec.u) {
    case 'day': {
      const due = safeYmd(y, spec.m, spec.d);
      return due ? { start: null, due } : null;
    }
    case 'month':
      return spec.m >= 1 && spec.m <= 12 ? { start: ymd(y, spec.m, 1), due: endOfMonth(y, spec.m) } : null;
    case 'monthPart': {
      if (spec.m < 1 || spec.m > 12) return null;
      if (spec.part === 'early') return { start: ymd(y, spec.m, 1), due: ymd(y, spec.m, 10) };
      if (spec.part === 'mid') return { start: ymd(y, spec.m, 11), due: ymd(y, spec.m, 20) };
      return { start: ymd(y, spec.m, 21), due: endOfMonth(y, spec.m) };
    }
    case 'quarter':
      return spec.q >= 1 && spec.q <= 4 ? { start: startOfQuarter(y, spec.q), due: endOfQuarter(y, spec.q) } : null;
    case 'firstMonths':
      return spec.n >= 1 && spec.n <= 12 ? { start: ymd(y, 1, 1), due: endOfMonth(y, spec.n) } : null;
    case 'lastMonths':
      return spec.n >= 1 && spec.n <= 12 ? { start: ymd(y, 13 - spec.n, 1), due: ymd(y, 12, 31) } : null;
    case 'yearPart':
      if (spec.part === 'early') return { start: ymd(y, 1, 1), due: ymd(y, 3, 31) };
      if (spec.part === 'mid') return { start: ymd(y, 6, 1), due: ymd(y, 7, 31) };
      return { start: ymd(y, 10, 1), due: ymd(y, 12, 31) };
    case 'year':
      return { start: ymd(y, 1, 1), due: ymd(y, 12, 31) };
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
 * next one's year (a year earlier if it would otherwise come after it: "Tháng 11 - tháng
 * 2/2025"); others take the nearest written year before them (a year later if they would
 * otherwise come before it), then after them, then the recurring duty's, then the plan's. */
function fillYears(tes: TeAtom[], fallback: number): number[] {
  const years: (number | null)[] = tes.map((t) => t.year);
  for (let i = tes.length - 2; i >= 0; i--) {
    if (years[i] !== null || tes[i + 1].join === null || years[i + 1] === null) continue;
    let y = years[i + 1] as number;
    const next = buildWindow(tes[i + 1].spec, y);
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

interface Span extends Window {
  from: number;
  to: number;
}

function dayAfter(iso: ISODate): ISODate {
  return addDays(iso, 1);
}

function endOfYear(iso: ISODate): ISODate {
  return `${iso.slice(0, 4)}-12-31`;
}

/** Windows of the deadline, in text order; null when a date is impossible. */
function windowsOf(tes: TeAtom[], years: number[]): Span[] | null {
  const out: Span[] = [];
  let cur: Span | null = null;
  let fromOpen = false;
  const close = (): void => {
    if (!cur) return;
    if (fromOpen) cur = { ...cur, start: cur.start ?? cur.due, due: endOfYear(cur.due) };
    out.push(cur);
    cur = null;
    fromOpen = false;
  };
  for (let i = 0; i < tes.length; i++) {
    const te = tes[i];
    const w = buildWindow(te.spec, years[i]);
    if (!w) return null;
    let x: Span = { ...w, from: te.from, to: te.to };
    if (te.join !== 'range') {
      if (te.mod === 'before') {
        x = te.spec.u === 'day' || te.spec.u === 'offset' || x.start === null ? { ...x, start: null } : { ...x, due: addDays(x.start, -1), start: null };
      } else if (te.mod === 'until') x = { ...x, start: null };
    }
    const join = cur ? te.join : null;
    if (!cur || join === null) {
      close();
      cur = x;
      fromOpen = te.mod === 'from';
      continue;
    }
    const c: Span = cur;
    if (join === 'range') {
      const start = c.start ?? c.due;
      if (start > x.due) return null;
      cur = { start, due: x.due, from: c.from, to: x.to };
      fromOpen = false;
    } else if (join === 'or') {
      cur = x.due >= c.due ? { ...x, from: c.from } : { ...c, to: x.to };
    } else if (c.start !== null && x.start !== null && dayAfter(c.due) === x.start && !fromOpen) {
      cur = { start: c.start, due: x.due, from: c.from, to: x.to };
    } else {
      close();
      cur = x;
      fromOpen = te.mod === 'from';
    }
  }
  close();
  return out;
}

/** The words that name a step: from the start of its clause to the end of its expression. */
function stepText(lexed: Lexed, span: Span, floor: number): string {
  const t = lexed.tokens;
  let from = span.from;
  while (from > floor) {
    const p = t[from - 1];
    if ((p.type === 'punct' && CLAUSE_BREAKS.has(p.s)) || (p.type === 'word' && p.s === 'va')) break;
    from--;
  }
  return trimEdges(lexed.clean.slice(t[from].start, t[span.to - 1].end));
}

const CLAUSE_BREAKS = new Set([',', ';', '.', '\n', '(', ')']);
const EDGE_CHARS = new Set([' ', '\n', '-', '+', '•', '*', ',', ';', ':']);

function trimEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE_CHARS.has(s[a])) a++;
  while (b > a && EDGE_CHARS.has(s[b - 1]) && s[b - 1] !== '-') b--;
  return s.slice(a, b);
}

function isWholeYears(w: Window): boolean {
  return w.start !== null && w.start.slice(5) === '01-01' && w.due.slice(5) === '12-31';
}

function yearEnd(y: number): ISODate | null {
  return yearOk(y) ? ymd(y, 12, 31) : null;
}

function result(text: string, kind: Deadline['kind'], extra: Partial<Deadline> = {}): Deadline {
  return { text, kind, due: null, start: null, steps: [], every: [], onDemand: false, offset: null, ...extra };
}

/** The Deadline the atoms describe. */
export function resolve(text: string, lexed: Lexed, atoms: Atom[], planYear: number): Deadline {
  if (atoms.some((a) => a.k === 'invalid')) return result(text, 'unparsed');
  let tes = atoms.filter((a): a is TeAtom => a.k === 'te');
  const every = new Set<Recurrence>();
  let recurYear: number | null = null;
  for (const a of atoms) {
    if (a.k !== 'recur') continue;
    every.add(a.every);
    if (recurYear === null && a.year !== null) recurYear = a.year;
  }
  // "Báo cáo quý I, 6 tháng, 9 tháng, năm": the numbered quarter is one of the reports.
  if (every.size > 0 && tes.length > 0 && tes.every((t) => t.reportish)) {
    every.add('quarter');
    tes = [];
  }
  const onDemand = atoms.some((a) => a.k === 'ondemand');
  const fallback = recurYear ?? planYear;

  if (tes.length === 0) {
    if (every.size > 0) {
      return result(text, 'recurring', { due: yearEnd(fallback), every: sortEvery(every), onDemand });
    }
    const events = atoms.filter((a) => a.k === 'event');
    if (events.length > 0 || onDemand) {
      let offset: DeadlineOffset | null = null;
      for (const e of events) if (e.k === 'event' && e.offset) { offset = e.offset; break; }
      return result(text, 'event', { onDemand, offset });
    }
    if (atoms.some((a) => a.k === 'reference')) return result(text, 'reference');
    return result(text, 'unparsed');
  }

  const years = fillYears(tes, fallback);
  const spans = windowsOf(tes, years);
  if (!spans || spans.length === 0) return result(text, 'unparsed');
  let lastTo = 0;
  for (const t of tes) lastTo = Math.max(lastTo, t.to);
  if (every.size === 0 && atoms.some((a) => a.k === 'ongoing' && a.at >= lastTo)) every.add('continuous');

  if (every.size > 0 && spans.length === 1 && isWholeYears(spans[0])) {
    return result(text, 'recurring', { due: spans[0].due, every: sortEvery(every), onDemand });
  }
  if (every.size === 0 && spans.length === 1) {
    const w = spans[0];
    return result(text, 'date', { due: w.due, start: w.start, onDemand });
  }
  const steps: DeadlineStep[] = [];
  let floor = 0;
  for (const sp of spans) {
    steps.push({ due: sp.due, text: stepText(lexed, sp, floor) });
    floor = sp.to;
  }
  steps.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const unique = steps.filter((s, i) => i === 0 || s.due !== steps[i - 1].due);
  const last = unique[unique.length - 1].due;
  if (every.size === 0 && unique.length === 1) {
    return result(text, 'date', { due: last, start: spans.find((s) => s.due === last)?.start ?? null, onDemand });
  }
  const due = every.size > 0 ? endOfYear(last) : last;
  return result(text, 'milestones', { due, steps: unique, every: sortEvery(every), onDemand });
}

function sortEvery(set: Set<Recurrence>): Recurrence[] {
  return RECURRENCE_ORDER.filter((r) => set.has(r));
}

/**
 * Atoms → Deadline, as named steps applied in sequence (each exported and tested on its own):
 *
 * 1. remarksOf — the parenthetical remarks after a date ("Trước ngày 15/12/2025 (báo cáo năm)");
 * 2. gather — what the atoms say: time expressions, duties, cues (null when one is impossible);
 * 3. foldReportQuarters — "Báo cáo quý I, 6 tháng, năm": the year-less quarter is the quarterly report;
 * 4. undated — no time expression left: recurring, event, reference or unparsed;
 * 5. fillYears, windowsOf (windows.ts) — the year of each expression, then its calendar window;
 * 6. dropRemarkSpans — a remark may narrow a date but never adds a step;
 * 7. dutiesOf — the recurrences: named ones, ongoing work, a remark's only for a whole year;
 * 8. shapeOf — the kind (recurring, date or milestones), its due, start and steps.
 */
import type { Deadline, DeadlineOffset, DeadlineStep, ISODate, Recurrence } from '../model';
import type { Atom, TeAtom } from './atoms';
import { RECURRENCE_ORDER } from './lexicon';
import type { Lexed, Tok } from './normalize';
import { endOfYear, fillYears, isWholeYears, type Span, windowsOf, yearEnd } from './windows';

/** Tokens [from, to). */
export interface TokenRange {
  from: number;
  to: number;
}

/** What the atoms of a deadline say. */
export interface Gathered {
  tes: TeAtom[];
  /** Recurrences named outside remarks. */
  every: Set<Recurrence>;
  /** Recurrences named only inside remarks: they never add a duty to a dated deadline. */
  remarkEvery: Set<Recurrence>;
  /** The year written with the first recurrence ("Báo cáo năm 2024"). */
  recurYear: number | null;
  onDemand: boolean;
  sawEvent: boolean;
  /** The first stated offset of an event. */
  offset: DeadlineOffset | null;
  sawReference: boolean;
  /** Token of the last ongoing-work phrase (-1: none), and whether it lies in a remark. */
  lastOngoing: number;
  ongoingInRemark: boolean;
  /** Every time expression is a year-less quarter in a list of reports. */
  allReportish: boolean;
}

function result(
  text: string,
  kind: Deadline['kind'],
  due: ISODate | null = null,
  start: ISODate | null = null,
  every: Recurrence[] = [],
  onDemand = false,
  steps: DeadlineStep[] = [],
  offset: DeadlineOffset | null = null,
): Deadline {
  return { text, kind, due, start, steps, every, onDemand, offset };
}

function sortEvery(set: Set<Recurrence>): Recurrence[] {
  return RECURRENCE_ORDER.filter((r) => set.has(r));
}

/** The range of `ranges` (sorted, disjoint) that holds token `at`, by binary search. */
function holds(ranges: readonly TokenRange[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < ranges[mid].from) hi = mid - 1;
    else if (at >= ranges[mid].to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Outermost "( … )" groups, in order; an unclosed one runs to the end. */
function parentheticals(tokens: readonly Tok[]): TokenRange[] {
  const out: TokenRange[] = [];
  let depth = 0;
  let open = -1;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k];
    if (tk.type !== 'punct') continue;
    if (tk.s === '(') {
      if (depth === 0) open = k;
      depth++;
    } else if (tk.s === ')' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ from: open, to: k + 1 });
    }
  }
  if (depth > 0) out.push({ from: open, to: tokens.length });
  return out;
}

/** Step 1. The parenthetical remarks: "( … )" groups after the first date written outside
 * them ("Năm 2024 (Quý IV)", "Trước ngày 15/12/2025 (báo cáo năm)"). A year-less quarter of a
 * list of reports is no date. Without a date before it, a parenthesis is read as any text. */
export function remarksOf(tokens: readonly Tok[], atoms: readonly Atom[]): TokenRange[] {
  const groups = parentheticals(tokens);
  if (groups.length === 0) return groups;
  for (const a of atoms) {
    if (a.k === 'te' && !a.reportish && !holds(groups, a.from)) {
      const end = a.to;
      return groups.filter((g) => g.from >= end);
    }
  }
  return [];
}

/** Step 2. What the atoms say, sorted by kind; null when one is impossible (the cell is then
 * unparsed). */
export function gather(atoms: readonly Atom[], remarks: readonly TokenRange[]): Gathered | null {
  const g: Gathered = {
    tes: [], every: new Set(), remarkEvery: new Set(), recurYear: null, onDemand: false, sawEvent: false,
    offset: null, sawReference: false, lastOngoing: -1, ongoingInRemark: false, allReportish: true,
  };
  for (const a of atoms) {
    switch (a.k) {
      case 'invalid':
        return null;
      case 'te':
        g.tes.push(a);
        if (!a.reportish) g.allReportish = false;
        break;
      case 'recur':
        (holds(remarks, a.at) ? g.remarkEvery : g.every).add(a.every);
        if (g.recurYear === null && a.year !== null) g.recurYear = a.year;
        break;
      case 'ondemand':
        g.onDemand = true;
        break;
      case 'event':
        g.sawEvent = true;
        if (g.offset === null) g.offset = a.offset;
        break;
      case 'reference':
        g.sawReference = true;
        break;
      case 'ongoing':
        if (a.at > g.lastOngoing) {
          g.lastOngoing = a.at;
          g.ongoingInRemark = holds(remarks, a.at);
        }
        break;
    }
  }
  return g;
}

/** Step 3. "Báo cáo quý I, 6 tháng, 9 tháng, năm": when every time expression is a year-less
 * quarter in a list of reports, the numbered quarter is one of the reports. */
export function foldReportQuarters(g: Gathered): Gathered {
  if (g.every.size === 0 || g.tes.length === 0 || !g.allReportish) return g;
  return { ...g, every: new Set([...g.every, 'quarter']), tes: [] };
}

/** Step 4. A deadline without a time expression: a recurring duty due at the end of the
 * fallback year, an event, a reference, or unparsed. */
export function undated(text: string, g: Gathered, fallbackYear: number): Deadline {
  if (g.every.size > 0) {
    const due = yearEnd(fallbackYear);
    // Without a usable year (no plan year given) nothing can be tracked.
    return due ? result(text, 'recurring', due, null, sortEvery(g.every), g.onDemand) : result(text, 'unparsed');
  }
  if (g.sawEvent || g.onDemand) return result(text, 'event', null, null, [], g.onDemand, [], g.offset);
  return result(text, g.sawReference ? 'reference' : 'unparsed');
}

/** Step 6. A remark's window is kept only when it names the same end as a window outside
 * remarks ("Năm 2024 (Quý IV)": the narrower naming of 31/12); any other is dropped. */
export function dropRemarkSpans(spans: readonly Span[], remarks: readonly TokenRange[]): Span[] {
  if (remarks.length === 0) return [...spans];
  const outsideDues = new Set<ISODate>();
  for (const sp of spans) if (!holds(remarks, sp.from)) outsideDues.add(sp.due);
  return spans.filter((sp) => !holds(remarks, sp.from) || outsideDues.has(sp.due));
}

/** Step 7. The recurrences of a dated deadline: those named outside remarks; ongoing work
 * after the last expression when none is named ("… và tổ chức thực hiện": continuous); those
 * of a remark only when the deadline is one whole-year window ("Năm 2024 (Định kỳ hàng quý)"). */
export function dutiesOf(g: Gathered, spans: readonly Span[]): Set<Recurrence> {
  const every = new Set(g.every);
  const fromRemark = new Set(g.remarkEvery);
  let lastTo = 0;
  for (const t of g.tes) if (t.to > lastTo) lastTo = t.to;
  if (every.size === 0 && fromRemark.size === 0 && g.lastOngoing >= lastTo) (g.ongoingInRemark ? fromRemark : every).add('continuous');
  if (spans.length === 1 && isWholeYears(spans[0])) for (const r of fromRemark) every.add(r);
  return every;
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

/** The steps of the windows with the user's words, in date order, one per due day. */
export function stepsOf(lexed: Lexed, spans: readonly Span[]): DeadlineStep[] {
  const steps: DeadlineStep[] = [];
  let floor = 0;
  for (const sp of spans) {
    steps.push({ due: sp.due, text: stepText(lexed, sp, floor) });
    floor = sp.to;
  }
  steps.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return steps.filter((st, i) => i === 0 || st.due !== steps[i - 1].due);
}

/** Step 8. The kind and dates: one whole-year window with a duty is recurring; one window, or
 * several namings of the same end ("Năm 2024 (Quý IV)": the narrower window), is a date;
 * otherwise milestones, due at the last step (the end of its year when there is a duty). */
export function shapeOf(text: string, lexed: Lexed, spans: readonly Span[], every: Set<Recurrence>, onDemand: boolean): Deadline {
  if (every.size > 0 && spans.length === 1 && isWholeYears(spans[0])) {
    return result(text, 'recurring', spans[0].due, null, sortEvery(every), onDemand);
  }
  if (every.size === 0 && spans.length === 1) return result(text, 'date', spans[0].due, spans[0].start, [], onDemand);
  const steps = stepsOf(lexed, spans);
  const last = steps[steps.length - 1].due;
  if (every.size === 0 && steps.length === 1) {
    let start: ISODate | null = null;
    for (const sp of spans) if (sp.due === last && sp.start !== null && (start === null || sp.start > start)) start = sp.start;
    return result(text, 'date', last, start, [], onDemand);
  }
  return result(text, 'milestones', every.size > 0 ? endOfYear(last) : last, null, sortEvery(every), onDemand, steps);
}

/** The Deadline the atoms describe: the steps above in sequence. */
export function resolve(text: string, lexed: Lexed, atoms: Atom[], planYear: number): Deadline {
  const remarks = remarksOf(lexed.tokens, atoms);
  const gathered = gather(atoms, remarks);
  if (!gathered) return result(text, 'unparsed');
  const g = foldReportQuarters(gathered);
  const fallback = g.recurYear ?? planYear;
  if (g.tes.length === 0) return undated(text, g, fallback);
  const spans = windowsOf(g.tes, fillYears(g.tes, fallback));
  if (!spans || spans.length === 0) return result(text, 'unparsed');
  const kept = dropRemarkSpans(spans, remarks);
  return shapeOf(text, lexed, kept, dutiesOf(g, kept), g.onDemand);
}

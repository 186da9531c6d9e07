/**
 * Deadline parser (deadlines.md): a deadline cell — free Vietnamese text, a date serial, or
 * empty — becomes a Deadline of kind date, recurring, milestones, event, reference, missing or
 * unparsed. The text is cleaned and folded into tokens (normalize.ts), scanned once into atoms
 * (scanner.ts, matchers in matchers/) and the atoms are resolved into calendar dates
 * (resolve.ts). Decisions where the spec is silent are listed in docs/deadlines.md. Nothing
 * here throws: any input gives a well-formed Deadline.
 */
import { isISODate, isValidDay, PLAN_YEAR_MAX, PLAN_YEAR_MIN, serialToISO, ymd } from '../dates';
import type { CellValue, Deadline, DeadlineContext, ISODate } from '../model';
import { cellError } from '../text';
import { lex } from './normalize';
import { resolve } from './resolve';
import type { TeAtom } from './atoms';
import { scan } from './scanner';

const LONE_DASHES_RE = /^[-–—‐‑‒―−]+$/;
const NUMERIC_RE = /^\d{1,7}(?:[.,]\d+)?$/;
const ISO_LIKE_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]*Z?)?$/;

const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\ufeff']);

/** trim(), and the zero-width characters conversions leave around a value. */
function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (INVISIBLE.has(s[a]) || s[a].trim() === '')) a++;
  while (b > a && (INVISIBLE.has(s[b - 1]) || s[b - 1].trim() === '')) b--;
  return s.slice(a, b);
}

function empty(text: string, kind: Deadline['kind']): Deadline {
  return { text, kind, due: null, start: null, steps: [], every: [], onDemand: false, offset: null };
}

/**
 * The serial-versus-year rule (docs/deadlines.md): a whole number in the plan-year window
 * 1990–2100 is a year typed as a number, whatever the workbook's date system, because no plan
 * has deadlines in 1905–1910 where those serials fall (1990 would be 13/06/1909 in a 1904
 * workbook). Any other number is a serial in the workbook's own system.
 */
function isYearNumber(n: number): boolean {
  return Number.isInteger(n) && n >= PLAN_YEAR_MIN && n <= PLAN_YEAR_MAX;
}

function fromNumber(n: number, text: string, ctx: DeadlineContext): Deadline {
  if (isYearNumber(n)) {
    return { ...empty(text, 'date'), start: ymd(n, 1, 1), due: ymd(n, 12, 31) };
  }
  const iso = serialToISO(n, ctx.date1904 === true);
  return iso && isISODate(iso) ? { ...empty(text, 'date'), due: iso } : empty(text, 'unparsed');
}

/** Turn a deadline cell (text after continuation rows are joined, a date serial, or empty) into a Deadline. Never throws. */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  try {
    return parse(value, ctx);
  } catch {
    // A bug must not stop the whole sheet: the cell is reported as not understood.
    const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    return empty(text, text.trim() ? 'unparsed' : 'missing');
  }
}

function parse(value: CellValue, ctx: DeadlineContext): Deadline {
  if (value === null || value === undefined) return empty('', 'missing');
  if (typeof value === 'number') return fromNumber(value, Number.isFinite(value) ? String(value) : '', ctx);
  if (typeof value === 'boolean') return empty(value ? 'TRUE' : 'FALSE', 'unparsed');
  if (typeof value !== 'string') return empty(String(value), 'unparsed');
  const text = trimAll(value.normalize('NFC'));
  // The caller reports the error value itself; for the deadline the cell is empty.
  if (cellError(value)) return empty(text, 'missing');
  const lexed = lex(value);
  const clean = lexed.clean;
  if (clean === '' || LONE_DASHES_RE.test(clean) || lexed.tokens.length === 0) return empty(text, 'missing');
  if (NUMERIC_RE.test(clean)) {
    // A serial or a year stored as text ("45306", "2024").
    const n = Number(clean.replace(',', '.'));
    if (isYearNumber(n) || n > PLAN_YEAR_MAX) return fromNumber(n, text, ctx);
  }
  const planYear = Number.isFinite(ctx.planYear) ? Math.trunc(ctx.planYear) : NaN;
  return resolve(text, lexed, scan(lexed, 'parse'), planYear);
}

/** A completion-date cell (date serial or text such as "15/3/2024") to a calendar date, or null. Never throws. */
export function parseDateCell(value: CellValue, date1904: boolean, planYear?: number): ISODate | null {
  try {
    return dateCell(value, date1904, planYear);
  } catch {
    return null;
  }
}

/** The day of a serial, when it falls in the years a plan can name (1900–2200). */
function plausibleSerial(n: number, date1904: boolean): ISODate | null {
  const iso = serialToISO(n, date1904 === true);
  return iso && isISODate(iso) ? iso : null;
}

function dateCell(value: CellValue, date1904: boolean, planYear?: number): ISODate | null {
  if (typeof value === 'number') return isYearNumber(value) ? null : plausibleSerial(value, date1904);
  if (typeof value !== 'string' || cellError(value)) return null;
  const lexed = lex(value);
  const clean = lexed.clean;
  if (clean === '') return null;
  if (NUMERIC_RE.test(clean)) {
    const n = Number(clean.replace(',', '.'));
    return n > PLAN_YEAR_MAX ? plausibleSerial(n, date1904) : null;
  }
  const iso = ISO_LIKE_RE.exec(clean);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidDay(y, m, d) ? ymd(y, m, d) : null;
  }
  // The first day written in the text ("15/3/2024", "ngày 15 tháng 3 năm 2024", "Đã xong 15-03-2024").
  for (const a of scan(lexed, 'parse')) {
    if (a.k !== 'te' || a.spec.u !== 'day') continue;
    const y = a.year ?? (planYear !== undefined && Number.isInteger(planYear) ? planYear : null);
    if (y === null || !isValidDay(y, a.spec.m, a.spec.d)) return null;
    const out = ymd(y, a.spec.m, a.spec.d);
    return isISODate(out) ? out : null;
  }
  return null;
}

/**
 * The plan-like years (1990–2100) a deadline or title text names, in order of first
 * appearance, each once: "Quý I/2024" → [2024], "Năm 2024 - 2025" → [2024, 2025]. Years of cited
 * documents ("số 255/KH-UBND ngày 27/12/2023", "Nghị định số 42/2022/NĐ-CP"), blank document
 * dates ("ngày … tháng 12 năm 2023") and programme horizons ("giai đoạn 2021-2025", "định
 * hướng đến năm 2030") are left out. Never throws.
 */
export function yearsInText(text: string): number[] {
  try {
    if (typeof text !== 'string' || text.trim() === '') return [];
    const out: number[] = [];
    const add = (y: number | null): void => {
      if (y !== null && y >= PLAN_YEAR_MIN && y <= PLAN_YEAR_MAX && !out.includes(y)) out.push(y);
    };
    for (const a of scan(lex(text), 'years')) {
      if (a.k === 'te') add((a as TeAtom).year);
      else if (a.k === 'recur') add(a.year);
    }
    return out;
  } catch {
    return [];
  }
}

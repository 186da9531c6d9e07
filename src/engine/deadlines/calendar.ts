/**
 * Calendar arithmetic on (year, month, day) numbers for the parser's hot path: plain integer
 * arithmetic (days from civil, H. Hinnant), no Date objects, so no time zone can move a day and
 * a cell costs no allocation. Same results as src/engine/dates.ts (checked by the tests), which
 * the rest of the engine uses.
 */
import type { ISODate } from '../model';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The years a plan's date may fall in (as isValidDay in dates.ts). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function monthDays(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

export function validDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= MIN_YEAR && y <= MAX_YEAR
    && m >= 1 && m <= 12 && d >= 1 && d <= monthDays(y, m);
}

/** ISO text of a day known to be valid. */
export function iso(y: number, m: number, d: number): ISODate {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function monthEnd(y: number, m: number): ISODate {
  return iso(y, m, monthDays(y, m));
}

function parts(s: ISODate): [number, number, number] {
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

/** Days since 1970-01-01 of a civil date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The day n days later (earlier when n < 0), or null outside the plan years. */
export function plusDays(s: ISODate, n: number): ISODate | null {
  const [y, m, d] = civilFromDays(daysFromCivil(...parts(s)) + n);
  return y >= MIN_YEAR && y <= MAX_YEAR ? iso(y, m, d) : null;
}

/** The same day n months later, clamped to the month's end (31/01 + 1 month = 29/02). */
export function plusMonths(s: ISODate, n: number): ISODate | null {
  const [y, m, d] = parts(s);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  if (ny < MIN_YEAR || ny > MAX_YEAR) return null;
  return iso(ny, nm, Math.min(d, monthDays(ny, nm)));
}

/** n working days later (Saturdays and Sundays skipped; holidays are not known). */
export function plusWorkdays(s: ISODate, n: number): ISODate | null {
  let z = daysFromCivil(...parts(s));
  if (n <= 0) return s;
  // Whole weeks first, keeping 1–5 days to walk so that a weekend start still lands on a weekday.
  const weeks = Math.floor((n - 1) / 5);
  z += weeks * 7;
  let left = n - weeks * 5;
  while (left > 0) {
    z++;
    const dow = (((z + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
    if (dow !== 0 && dow !== 6) left--;
  }
  const [y, m, d] = civilFromDays(z);
  return y >= MIN_YEAR && y <= MAX_YEAR ? iso(y, m, d) : null;
}

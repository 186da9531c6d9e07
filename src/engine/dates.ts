/**
 * Calendar dates as ISO text. Arithmetic goes through date-fns on UTCDate so that no machine
 * time zone can move a due date by a day.
 */
// By subpath: the package roots load every function (~0.25 s of the command line's start-up).
// The mini class: the full UTCDate builds three Intl.DateTimeFormat at load (~40 ms of every
// start) for its toString, which nothing here calls; the arithmetic is the same.
import { UTCDateMini as UTCDate } from '@date-fns/utc/date/mini';
type UTCDate = InstanceType<typeof UTCDate>;
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { addMonths as fnsAddMonths } from 'date-fns/addMonths';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { BoundedMemo } from './memo';

/** Calendar date as ISO text, YYYY-MM-DD. Never a JS Date: no time zone can move it. */
export type ISODate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a plan may be for: a number in this window is taken for a plan year (in a title, a
 * deadline, a setting, the report form); outside it, for something else (a document number, a
 * horizon). Wider than any real plan, narrower than the dates a cell may hold (isValidDay). */
export const PLAN_YEAR_MIN = 1990;
export const PLAN_YEAR_MAX = 2100;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function toISO(d: Date): ISODate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function fromISO(iso: ISODate): UTCDate {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** A real calendar day? (31/02 is not.) */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return lastDayOfMonth(new UTCDate(year, month - 1, 1)).getDate();
}

/** ISO date of (year, month 1-12, day); throws on an impossible day — check isValidDay first. */
export function ymd(year: number, month: number, day: number): ISODate {
  if (!isValidDay(year, month, day)) throw new Error(`impossible date ${day}/${month}/${year}`);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function endOfMonth(year: number, month: number): ISODate {
  return ymd(year, month, daysInMonth(year, month));
}

export function endOfQuarter(year: number, quarter: number): ISODate {
  return endOfMonth(year, quarter * 3);
}

export function startOfQuarter(year: number, quarter: number): ISODate {
  return ymd(year, quarter * 3 - 2, 1);
}

export function addDays(iso: ISODate, days: number): ISODate {
  return toISO(fnsAddDays(fromISO(iso), days));
}

export function addMonths(iso: ISODate, months: number): ISODate {
  return toISO(fnsAddMonths(fromISO(iso), months));
}

/** b − a in calendar days. Plain UTC day numbers: this runs for every task, and calendar days
 * in UTC have no daylight-saving gaps. */
export function daysBetween(a: ISODate, b: ISODate): number {
  return (utcDay(b) - utcDay(a));
}

/** Days since 1970-01-01 (UTC) of an ISO date, looked up in a memo: a plan's due dates, steps and
 * as-of day are few, each asked for on thousands of rows, and Date.UTC with the slicing costs
 * more than a lookup. Bounded: the memo starts over past DAY_MEMO_MAX dates. */
function utcDay(iso: ISODate): number {
  return dayMemo.get(iso, (d) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY);
}

const DAY_MEMO_MAX = 10_000;
const dayMemo = new BoundedMemo<ISODate, number>(DAY_MEMO_MAX);

export function yearOf(iso: ISODate): number {
  return Number(iso.slice(0, 4));
}

export function isISODate(s: string): boolean {
  const m = ISO_RE.exec(s);
  return !!m && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

// Excel serials. 1900 system: serial 1 = 1900-01-01 and Excel's phantom 29/02/1900 is serial 60,
// so for serials ≥ 61 the epoch is 1899-12-30. 1904 system: serial 0 = 1904-01-01.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MS_PER_DAY = 86_400_000;

/** The calendar day of a date serial (the fraction — time of day — is dropped). Null when the
 * number cannot be a date (negative, NaN, beyond year 9999) or is Excel's phantom 29/02/1900. */
export function serialToISO(serial: number, date1904: boolean): ISODate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const day = Math.floor(serial);
  if (date1904) return toISO(new Date(EPOCH_1904 + day * MS_PER_DAY));
  if (day === 60) return null;
  const adjusted = day < 60 ? day + 1 : day;
  return toISO(new Date(EPOCH_1900 + adjusted * MS_PER_DAY));
}

/** The serial of a calendar day in the workbook's own date system (what the hosts write: Excel
 * stores serials as they are, so a 1904 workbook needs 1904 serials). */
export function isoToSerial(iso: ISODate, date1904 = false): number {
  const t = utcDay(iso) * MS_PER_DAY;
  if (date1904) return Math.round((t - EPOCH_1904) / MS_PER_DAY);
  const serial = Math.round((t - EPOCH_1900) / MS_PER_DAY);
  return serial <= 60 ? serial - 1 : serial;
}

/** Today's calendar date on this machine's clock, in its own time zone (what the user calls today). */
export function todayISO(now: Date = new Date()): ISODate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The matcher for everything that starts with a number (or a number spelled out before a
 * unit): written dates, "01/2024", a year, "6 tháng đầu năm", "01 lần/quý", durations ("Sau 03
 * tháng", "07 ngày làm việc"), "6 tháng" as a reporting period, and a year-less "15/01".
 * The forms are tried in this order; each helper returns undefined when its form is not there.
 */
import type { DeadlineOffset, Recurrence } from '../../model';
import { MONTHS_AS_PERIOD, SPELLED, TIMES_A_YEAR, UNIT_WORDS } from '../lexicon';
import type { Matcher, Scanner } from '../scanner';

const DAY_MONTH_FOLLOWERS = new Set(['va', 'hoac', 'den', 'toi', 'hang', 'moi', 'nam', 'theo', 'thuong', 'dinh']);
const EVENT_BEFORE = new Set(['sau', 'vong', 'han', 'trong', 'qua', 'da', 'nhat', 'truoc', 'la', 'khoang']);
const EVENT_AFTER = new Set(['ke', 'tu', 'sau', 'truoc', 'khi', 'tinh', 'ngay']);

interface Duration {
  unit: DeadlineOffset['unit'];
  amount: number;
  end: number;
}

/** Everything that starts with a number: dates, "15 tháng 01 năm 2024", "01/2024", a year,
 * "6 tháng đầu năm", durations ("Sau 03 tháng", "07 ngày làm việc"), "6 tháng" as a reporting
 * period, "01 lần/quý", and a year-less "15/01" after "ngày" or "trước". */
export const numberish: Matcher = (s, i) => {
  const n = leadingNumber(s, i);
  if (n === null) return -1;
  const isNum = s.t[i].type === 'num';
  const written = isNum ? writtenDate(s, i, n) : undefined;
  if (written !== undefined) return written;
  const counted = monthsOfYear(s, i, n) ?? timesPer(s, i, n);
  if (counted !== undefined) return counted;
  const dur = durationAt(s, i, n);
  if (!dur) return isNum ? dayMonth(s, i) : -1;
  return durationOrPeriod(s, i, n, dur);
};

/** The number at i: digits, or a spelled number before "tháng", "ngày", "tuần". */
function leadingNumber(s: Scanner, i: number): number | null {
  const tk = s.t[i];
  if (tk.type === 'num') return tk.v;
  if (tk.type === 'word' && SPELLED[tk.s] !== undefined && (s.isW(i + 1, 'thang') || s.isW(i + 1, 'ngay') || s.isW(i + 1, 'tuan'))) {
    // "sáu tháng" (six months), not "sau tháng 6" (after June).
    if (tk.s === 'sau' && !(s.raw(i) === 'sáu' || (!s.marked() && !s.isNum(i + 2)))) return null;
    return SPELLED[tk.s];
  }
  return null;
}

/** "15/01/2024", "15 tháng 01 năm 2024", "ngày 15 tháng 01", "01/2024", "2024-01-15", "2024". */
function writtenDate(s: Scanner, i: number, n: number): number | undefined {
  const tk = s.t[i];
  const fd = s.fullDateAt(i);
  if (fd) {
    s.te({ u: 'day', d: fd.d, m: fd.m }, fd.y, i, fd.end);
    return fd.end;
  }
  if (tk.s.length <= 2 && s.isW(i + 1, 'thang') && s.isNum(i + 2, 2)) {
    if (s.isW(i + 3, 'nam') && s.isNum(i + 4) && s.t[i + 4].s.length === 4) {
      s.te({ u: 'day', d: n, m: s.t[i + 2].v }, s.t[i + 4].v, i, i + 5);
      return i + 5;
    }
    if (s.isW(i - 1, 'ngay')) {
      s.te({ u: 'day', d: n, m: s.t[i + 2].v }, null, i, i + 3);
      return i + 3;
    }
  }
  if (tk.s.length <= 2 && s.isSep(i + 1) && s.isNum(i + 2) && s.t[i + 2].s.length === 4 && !(s.isSep(i + 3) && s.isNum(i + 4))) {
    if (n < 1 || n > 12) s.invalid(i);
    else s.te({ u: 'month', m: n }, s.t[i + 2].v, i, i + 3);
    s.setUnit('month');
    return i + 3;
  }
  if (tk.s.length === 4 && s.isSep(i + 1) && s.isNum(i + 2, 2) && s.isSep(i + 3) && s.isNum(i + 4, 2)) {
    // ISO order: "2024-01-15", "2024/01/15".
    s.te({ u: 'day', d: s.t[i + 4].v, m: s.t[i + 2].v }, n, i, i + 5);
    return i + 5;
  }
  if (tk.s.length === 4) {
    if (n < 1900 || n > 2200) return -1;
    s.te({ u: 'year' }, n, i, i + 1);
    s.setUnit('year');
    return i + 1;
  }
  return undefined;
}

/** "6 tháng đầu năm", "3 tháng cuối năm 2024". */
function monthsOfYear(s: Scanner, i: number, n: number): number | undefined {
  if (!(s.isW(i + 1, 'thang') && (s.isW(i + 2, 'dau') || s.isW(i + 2, 'cuoi')) && s.isW(i + 3, 'nam'))) return undefined;
  let end = i + 4;
  let year: number | null = null;
  if (s.isNum(end) && s.t[end].s.length === 4) {
    year = s.t[end].v;
    end++;
  }
  if (n < 1 || n > 12) s.invalid(i);
  else s.te(s.isW(i + 2, 'dau') ? { u: 'firstMonths', n } : { u: 'lastMonths', n }, year, i, end);
  return end;
}

/** "01 lần/quý", "2 lần/năm", "1 lần/tuần": a report per period. */
function timesPer(s: Scanner, i: number, n: number): number | undefined {
  if (!(s.isW(i + 1, 'lan') && s.isP(i + 2, '/'))) return undefined;
  const p = s.word(i + 3);
  const every: Recurrence | undefined =
    p === 'quy' || p === 'qui' ? 'quarter' : p === 'thang' ? 'month' : p === 'nam' ? TIMES_A_YEAR[n] ?? 'year'
      : p === 'tuan' || p === 'ngay' ? 'continuous' : undefined;
  if (!every) return -1;
  s.recur(every, null, i);
  return i + 4;
}

/** "30 ngày", "07 ngày làm việc", "03 tháng", "2 tuần", "1 năm", "48 giờ", or null. */
function durationAt(s: Scanner, i: number, n: number): Duration | null {
  const u = s.word(i + 1);
  if (u === 'ngay') {
    return s.isW(i + 2, 'lam') && s.isW(i + 3, 'viec') ? { unit: 'workday', amount: n, end: i + 4 } : { unit: 'day', amount: n, end: i + 2 };
  }
  if (u === 'thang') return { unit: 'month', amount: n, end: i + 2 };
  if (u === 'tuan') return { unit: 'day', amount: n * 7, end: i + 2 };
  if (u === 'nam' && !s.isNum(i + 2)) return { unit: 'month', amount: n * 12, end: i + 2 };
  if (u === 'gio') return { unit: 'day', amount: Math.ceil(n / 24), end: i + 2 };
  return null;
}

/** A duration is a reporting period ("6 tháng/lần", "6 tháng", "báo cáo 3, 9 tháng"), a
 * continuous duty in a list of periods, or the offset of an event. */
function durationOrPeriod(s: Scanner, i: number, n: number, { unit, amount, end }: Duration): number {
  // "6 tháng/lần"
  if (s.isP(end, '/') && s.isW(end + 1, 'lan')) {
    const every = unit === 'month' ? MONTHS_AS_PERIOD[n] : 'continuous';
    if (every) s.recur(every, null, i);
    return end + 2;
  }
  // A duration after an event cue ("Sau khi Bộ hướng dẫn 03 tháng") is the event's offset.
  const eventContext = EVENT_BEFORE.has(s.word(i - 1)) || EVENT_AFTER.has(s.word(end)) || (!s.inRecurCtx() && s.sawEvent());
  if (!eventContext) {
    // "6 tháng" alone is the half-yearly report; "3/9/12 tháng" only inside a list of periods.
    if (unit === 'month' && (s.inRecurCtx() || n === 6)) {
      const every = MONTHS_AS_PERIOD[n];
      if (every) s.recur(every, null, i);
      else s.setRecurCtx();
      return end;
    }
    if (s.inRecurCtx() && unit !== 'month') {
      s.recur('continuous', null, i);
      return end;
    }
  }
  s.event({ amount, unit }, i);
  return end;
}

/** A year-less "15/01" or "15-8": after "ngày" or "trước"/"đến"…, or written with "/". */
function dayMonth(s: Scanner, i: number): number {
  if (!s.isNum(i, 2) || !s.isSep(i + 1) || !s.isNum(i + 2, 2)) return -1;
  if (s.isSep(i + 3) && s.isNum(i + 4)) return -1;
  const after = s.t[i + 3];
  if (after && after.type === 'word' && UNIT_WORDS.has(after.s)) return -1;
  const d = s.t[i].v;
  const m = s.t[i + 2].v;
  if (d < 1 || d > 31 || m < 1 || m > 12) return -1;
  const announced = s.isW(i - 1, 'ngay') || s.pendingMod() !== null;
  // "15/01" alone is a day; "1/2 số hồ sơ" is a fraction.
  if (!announced && !(s.t[i + 1].s === '/' && (!after || after.type === 'punct' || DAY_MONTH_FOLLOWERS.has(after.s)))) return -1;
  s.te({ u: 'day', d, m }, null, i, i + 3);
  return i + 3;
}

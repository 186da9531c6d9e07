/**
 * Matchers for parts of a period: "đầu năm", "giữa tháng 6", "cuối quý II", "nửa đầu năm";
 * "nửa năm" and "bán niên" name the half-yearly report.
 */
import { PART_WORDS } from '../lexicon';
import type { Matcher } from '../scanner';

/** "Đầu năm", "cuối năm 2024", "giữa tháng 6", "cuối quý II/2024". */
export const part: Matcher = (s, i) => {
  const p = PART_WORDS[s.word(i)];
  if (!p) return -1;
  const k = i + 1;
  if (s.isW(k, 'nam')) {
    if (s.isNum(k + 1) && s.t[k + 1].s.length === 4) {
      const y = s.t[k + 1].v;
      if (y < 1900 || y > 2200) s.invalid(i);
      s.te({ u: 'yearPart', part: p }, y, i, k + 2);
      return k + 2;
    }
    if (s.isNum(k + 1)) return -1;
    if (p === 'late' && s.inRecurCtx()) {
      // "Báo cáo định kỳ cuối năm": the yearly report.
      s.recur('year', null, i);
      return k + 1;
    }
    s.te({ u: 'yearPart', part: p }, null, i, k + 1);
    return k + 1;
  }
  if (s.isW(k, 'thang')) {
    const m = s.numeralAt(k + 1);
    if (m === null) return -1;
    if (m < 1 || m > 12) {
      s.invalid(i);
      return k + 2;
    }
    const ys = s.yearSuffix(k + 2);
    if (ys.invalid) s.invalid(i);
    s.te({ u: 'monthPart', m, part: p }, ys.year, i, ys.end);
    return ys.end;
  }
  if (s.isQuarterWord(k)) {
    const q = s.numeralAt(k + 1);
    if (q === null) return -1;
    if (q < 1 || q > 4) {
      s.invalid(i);
      return k + 2;
    }
    const ys = s.yearSuffix(k + 2);
    if (ys.invalid) s.invalid(i);
    const m = p === 'early' ? q * 3 - 2 : p === 'mid' ? q * 3 - 1 : q * 3;
    s.te({ u: 'month', m }, ys.year, i, ys.end);
    return ys.end;
  }
  return -1;
};

/** "Nửa đầu năm", "nửa cuối năm 2024"; "nửa năm", "bán niên" are half-yearly. */
export const half: Matcher = (s, i) => {
  if (s.isW(i, 'nua')) {
    if ((s.isW(i + 1, 'dau') || s.isW(i + 1, 'cuoi')) && s.isW(i + 2, 'nam')) {
      const first = s.isW(i + 1, 'dau');
      let end = i + 3;
      let year: number | null = null;
      if (s.isNum(end) && s.t[end].s.length === 4) {
        year = s.t[end].v;
        end++;
      }
      s.te(first ? { u: 'firstMonths', n: 6 } : { u: 'lastMonths', n: 6 }, year, i, end);
      return end;
    }
    if (s.isW(i + 1, 'nam')) {
      s.recur('half', null, i);
      return i + 2;
    }
    return -1;
  }
  if (s.phrase(i, ['ban', 'nien'])) {
    s.recur('half', null, i);
    return i + 2;
  }
  return -1;
};

/**
 * Matchers for named periods: "Quý I/2024", "Tháng 3/2024", "Năm 2024", and a bare numeral
 * continuing the unit before it ("Quý I, II", "Tháng 02-3/2024").
 */
import { GLUED_QUARTER_RE, LIST_PUNCT, ROMAN } from '../lexicon';
import type { Matcher } from '../scanner';

/** A bare number continuing the unit before it: "Quý I, II/2024", "Quý I-III", "Tháng 02-3/2024". */
export const continuation: Matcher = (s, i) => {
  const unit = s.unit();
  if (unit !== 'month' && unit !== 'quarter') return -1;
  const prev = s.t[i - 1];
  if (!prev) return -1;
  const conn = prev.type === 'punct'
    ? prev.s === '-' ? 'range' : LIST_PUNCT.has(prev.s) ? 'list' : null
    : prev.type === 'word'
      ? prev.s === 'den' || prev.s === 'toi' ? 'range' : prev.s === 'va' || prev.s === 'hoac' ? 'list' : null
      : null;
  if (!conn) return -1;
  const tk = s.t[i];
  if (tk.type === 'num') {
    if (s.fullDateAt(i)) return -1;
    const nx = s.t[i + 1];
    if (nx && nx.type === 'word' && !['nam', 'va', 'hoac', 'den', 'toi'].includes(nx.s)) return -1;
  }
  const val = s.numeralAt(i);
  if (val === null) return -1;
  const max = unit === 'quarter' ? 4 : 12;
  if (val < 1 || val > max) {
    if (conn !== 'range') return -1;
    s.invalid(i);
    return i + 1;
  }
  const ys = s.yearSuffix(i + 1);
  if (ys.invalid) s.invalid(i);
  s.te(unit === 'quarter' ? { u: 'quarter', q: val } : { u: 'month', m: val }, ys.year, i, ys.end);
  s.setUnit(unit);
  return ys.end;
};

/** "Quý I/2024", "quí 1 năm 2024", "Q1/2024", "QuýIV"; bare "quý" is a reporting period. */
export const quarter: Matcher = (s, i) => {
  const tk = s.t[i];
  if (tk.type !== 'word') return -1;
  let val: number | null = null;
  let end: number;
  if (tk.s === 'quy' || tk.s === 'qui') {
    if (!s.isQuarterWord(i)) return -1;
    let k = i + 1;
    if (s.isW(k, 'thu') && s.numeralAt(k + 1) !== null) k++;
    val = s.numeralAt(k);
    end = k + 1;
    if (val === null) {
      if (!s.bareOk(i, ['quý', 'quí'])) return -1;
      s.recur('quarter', null, i);
      return i + 1;
    }
  } else if (tk.s === 'q' && s.isNum(i + 1, 2) && !s.t[i + 1].sp) {
    val = s.t[i + 1].v;
    end = i + 2;
  } else if (tk.s === 'q' && s.isP(i + 1, '.') && !s.t[i + 1].sp && !s.t[i + 2]?.sp && s.numeralAt(i + 2) !== null) {
    // "Q.I/2024", "Q.1/2024"
    val = s.numeralAt(i + 2) as number;
    end = i + 3;
  } else {
    const m = GLUED_QUARTER_RE.exec(tk.s);
    if (!m) return -1;
    val = ROMAN[m[1]];
    end = i + 1;
  }
  if (val < 1 || val > 4) {
    s.invalid(i);
    return end;
  }
  const ys = s.yearSuffix(end);
  if (ys.invalid) s.invalid(i);
  s.te({ u: 'quarter', q: val }, ys.year, i, ys.end, s.inRecurCtx() && ys.year === null);
  s.setUnit('quarter');
  return ys.end;
};

/** "Tháng 3/2024", "tháng 01 năm 2024", "T3/2024"; bare "tháng" after "hàng" is monthly. */
export const month: Matcher = (s, i) => {
  if (s.isW(i, 't') && s.isNum(i + 1, 2) && !s.t[i + 1].sp) {
    const ys = s.yearSuffix(i + 2);
    const m = s.t[i + 1].v;
    if (ys.year === null || m < 1 || m > 12) return -1;
    if (ys.invalid) s.invalid(i);
    s.te({ u: 'month', m }, ys.year, i, ys.end);
    s.setUnit('month');
    return ys.end;
  }
  if (!s.isW(i, 'thang')) return -1;
  const val = s.numeralAt(i + 1);
  if (val === null) {
    if (s.inRecurCtx() && s.bareOk(i, ['tháng'])) {
      s.recur('month', null, i);
      return i + 1;
    }
    return -1;
  }
  if (val < 1 || val > 12) {
    s.invalid(i);
    return i + 2;
  }
  const ys = s.yearSuffix(i + 2);
  if (ys.invalid) s.invalid(i);
  s.te({ u: 'month', m: val }, ys.year, i, ys.end);
  s.setUnit('month');
  return ys.end;
};

/** "Năm 2024", "năm nay", "trong năm", and "năm" in a list of reporting periods. */
export const yearWord: Matcher = (s, i) => {
  if (!s.isW(i, 'nam')) return -1;
  const v = s.t[i + 1];
  if (v && v.type === 'num') {
    if (v.s.length !== 4) return -1;
    if (v.v < 1900 || v.v > 2200) {
      s.invalid(i);
      return i + 2;
    }
    if (s.inRecurCtx() && !s.isW(i - 1, 'trong')) s.recur('year', v.v, i);
    else {
      s.te({ u: 'year' }, v.v, i, i + 2);
      s.setUnit('year');
    }
    return i + 2;
  }
  if (s.isW(i + 1, 'nay')) {
    s.te({ u: 'year' }, null, i, i + 2);
    return i + 2;
  }
  if (!s.bareOk(i, ['năm'])) return -1;
  const prev = s.word(i - 1);
  if (prev !== 'trong' && prev !== 'ca' && prev !== 'suot' && s.inRecurCtx()) s.recur('year', null, i);
  else s.te({ u: 'year' }, null, i, i + 1);
  return i + 1;
};

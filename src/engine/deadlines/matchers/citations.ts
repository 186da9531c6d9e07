/**
 * Matchers for what is not a deadline: numbers and dates of cited documents, "theo …" / "căn
 * cứ …" phrases and "quy định" / "lộ trình" (references to another schedule), and, when only
 * years are wanted, programme horizons ("giai đoạn 2021-2025").
 */
import { THEO_NOT_REFERENCE } from '../lexicon';
import type { Matcher } from '../scanner';

/** Numbers and dates of cited documents: "số 255/KH-UBND ngày 27/12/2023 của …",
 * "42/2022/NĐ-CP", "766/QĐ-TTg", "ISO 9001:2015", and blank document dates ("ngày tháng 12
 * năm 2023", "ngày /12/2023"). */
export const citation: Matcher = (s, i) => {
  const tk = s.t[i];
  let j: number;
  if (s.isW(i, 'ngay') && (s.isW(i + 1, 'thang') || s.isP(i + 1, '/'))) {
    return s.dateTail(i);
  }
  if (s.isW(i, 'so')) {
    let k = i + 1;
    if (s.isP(k, ':')) k++;
    if (s.isNum(k)) j = s.chainTail(k + 1, true);
    else if (s.isP(k, '/')) j = s.chainTail(k, true);
    else return -1;
  } else if (tk.type === 'num') {
    j = s.chainTail(i + 1, false);
    if (j < 0) return -1;
  } else if (s.isW(i, 'iso') && s.isNum(i + 1)) {
    j = i + 2;
    while ((s.isP(j, ':') || s.isP(j, '-')) && s.isNum(j + 1)) j += 2;
  } else return -1;
  j = s.dateTail(j);
  if (s.mode === 'parse' && (s.isW(j, 'cua') || s.isW(j, 've'))) j = s.maskToBoundary(j);
  // A standard ("ISO 9001:2015") is not another schedule.
  if (!s.isW(i, 'iso')) s.reference(i);
  s.clear();
  return j;
};

/** "Theo KH Thanh tra năm 2024 của UBND tỉnh", "Căn cứ …": a reference to another schedule;
 * what it cites is not a deadline. "theo quý", "theo dõi", "theo yêu cầu" are not. */
export const theo: Matcher = (s, i) => {
  if (s.mode !== 'parse') return -1;
  let k: number;
  if (s.isW(i, 'theo')) {
    if (s.isW(i - 1, 'tiep')) return -1;
    k = i + 1;
  } else if (s.isW(i, 'can') && s.isW(i + 1, 'cu')) k = i + 2;
  else return -1;
  const nx = s.t[k];
  if (!nx) return -1;
  if (nx.type === 'word') {
    const w = nx.s;
    const notReference =
      w === 'quy' || w === 'qui' ? s.isQuarterWord(k)
        : w === 'dinh' ? s.isW(k + 1, 'ky')
          : w === 'yeu' ? s.isW(k + 1, 'cau')
            : THEO_NOT_REFERENCE.has(w);
    if (notReference) return -1;
  }
  const j = s.maskToBoundary(k);
  s.reference(i);
  s.clear();
  return j;
};

/** "quy định", "lộ trình" without "theo": still a reference to another schedule. */
export const referenceCue: Matcher = (s, i) => {
  if (s.mode !== 'parse') return -1;
  const len = (s.isW(i, 'quy') && s.isW(i + 1, 'dinh') ? 2 : 0) || s.phrase(i, ['lo', 'trinh']);
  if (!len) return -1;
  s.reference(i);
  s.clear();
  return i + len;
};

/** Years mode only: "giai đoạn 2021-2025", "định hướng đến năm 2030", "tầm nhìn 2045" name
 * the programme's horizon, not the plan's year. */
export const horizon: Matcher = (s, i) => {
  if (s.mode !== 'years') return -1;
  const len = s.phrase(i, ['giai', 'doan']) || s.phrase(i, ['dinh', 'huong']) || s.phrase(i, ['tam', 'nhin']) || (s.isW(i, 'gd') ? 1 : 0);
  if (!len) return -1;
  let j = i + len;
  let sawYear = false;
  for (let k = j; k < s.n && k < i + len + 8; k++) {
    const tk = s.t[k];
    if (tk.type === 'num' && tk.s.length === 4) {
      sawYear = true;
      j = k + 1;
    } else if (tk.type === 'num' || (tk.type === 'word' && !['den', 'nam', 'toi', 'va', 'tu'].includes(tk.s)) || (tk.type === 'punct' && tk.s !== '-' && tk.s !== '/')) break;
  }
  return sawYear ? j : -1;
};


/**
 * Matchers for the words of a recurring duty: "thường xuyên", "hàng tuần", the words that open
 * a list of reporting periods ("định kỳ", "báo cáo", "hàng"), and ongoing work after a step.
 */
import { ONGOING_PHRASES, RECUR_TRIGGERS } from '../lexicon';
import type { Matcher } from '../scanner';

const ONGOING_AFTER = new Set([',', ';', '\n', 'va', 'roi', 'do', '+']);

/** "Thường xuyên", "liên tục", "hàng ngày", "hằng tuần". */
export const recurPhrase: Matcher = (s, i) => {
  let len = s.phrase(i, ['thuong', 'xuyen']) || s.phrase(i, ['lien', 'tuc']);
  if (!len && (s.isW(i, 'hang') || s.isW(i, 'moi')) && (s.isW(i + 1, 'ngay') || s.isW(i + 1, 'tuan'))) len = 2;
  if (!len) return -1;
  s.recur('continuous', null, i);
  return i + len;
};

/** Words that open a list of reporting periods: "định kỳ", "báo cáo", "hàng", "mỗi", "theo". */
export const trigger: Matcher = (s, i) => {
  const len = s.phrase(i, ['dinh', 'ky']) || s.phrase(i, ['bao', 'cao']) || (RECUR_TRIGGERS.has(s.word(i)) ? 1 : 0);
  if (!len) return -1;
  s.setRecurCtx();
  s.setMod(null);
  return i + len;
};

/** Ongoing work after a step: "… và tổ chức thực hiện", ", triển khai thực hiện". */
export const ongoing: Matcher = (s, i) => {
  const prev = s.t[i - 1];
  if (!prev || !ONGOING_AFTER.has(prev.s)) return -1;
  for (const p of ONGOING_PHRASES) {
    const len = s.phrase(i, p);
    if (len) {
      s.atoms.push({ k: 'ongoing', at: i });
      s.clear();
      return i + len;
    }
  }
  return -1;
};

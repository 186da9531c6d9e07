/**
 * Word tables of the deadline scanner, all in folded form (lower case, no diacritics, đ→d).
 */
import type { Recurrence } from '../model';
import type { Part } from './atoms';

export const ROMAN: Readonly<Record<string, number>> = {
  i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12,
};

/** Numbers spelled out before a unit: "sáu tháng", "ba ngày". */
export const SPELLED: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, sau: 6, chin: 9, muoi: 10 };

/** "Đầu / giữa / cuối" a year, a month or a quarter. */
export const PART_WORDS: Readonly<Record<string, Part>> = { dau: 'early', giua: 'mid', cuoi: 'late' };

/** Punctuation that lists periods ("Quý I, II", "Tháng 6 & 12"). */
export const LIST_PUNCT = new Set([',', '&', '+']);

/** Quarter written glued to its numeral: "QuýI", "quyiv", "QII". */
export const GLUED_QUARTER_RE = /^(?:qu[yi]|q)(i{1,3}|iv|vi{0,3}|ix|x)$/;

/** Words that may follow "quý" used as "quarter" (anything else makes a compound such as
 * "quy định", "quy trình", "quy chế"). A number, a numeral, punctuation or the end also do. */
export const QUARTER_FOLLOWERS = new Set([
  'nam', 'va', 'hoac', 'den', 'toi', 'tiep', 'sau', 'nay', 'cuoi', 'dau', 'giua', 'bao', 'trong',
  'thu', 'lien', 'thuong', 'dot', 'khi', 'hang', 'moi', 'theo', 'mot', 'hai', 'ba', 'bon', 'ke',
  'truoc', 'cua', 'tai', 'de', 'nhung', 'cac', 'lan',
]);

/** Words after "theo" that do not start a citation: "theo quý", "theo dõi", "theo yêu cầu". */
export const THEO_NOT_REFERENCE = new Set([
  'tung', 'moi', 'doi', 'yeu', 'dinh', 'hang', 'thang', 'nam', 'tuan', 'ngay', 'ky', 'quy', 'qui',
]);

/** Words that start a time expression: a citation masked by "theo …" ends before ", <word>". */
export const STARTERS = new Set([
  'truoc', 'cham', 'han', 'hoan', 'trong', 'tu', 'den', 'thang', 'quy', 'qui', 'q', 'nam', 'ngay',
  'dinh', 'hang', 'thuong', 'bao', 'dot', 'khi', 'sau', 'xong', 'dau', 'cuoi', 'giua', 'lien', 'moi',
  'ngay', 'ke', 'tiep',
]);

/** Words that never break a pending "trước" / "chậm nhất" / "từ" before its time expression. */
export const FILLERS = new Set([
  'ngay', 'la', 'vao', 'trong', 'het', 'nhat', 'hoan', 'thanh', 'xong', 'cuoi', 'dip', 'luc', 'thoi',
  'diem', 'khoang',
]);

/** Triggers of a list of reporting periods: "hàng quý", "báo cáo 6 tháng, năm", "định kỳ". */
export const RECUR_TRIGGERS = new Set(['hang', 'moi', 'tung', 'bc', 'theo', 'cac']);

/** Duration units after a number. */
export const UNIT_WORDS = new Set(['ngay', 'thang', 'tuan', 'nam', 'gio', 'lan', 'cuoc', 'buoi', 'dot', 'ky', 'quy', 'qui']);

/** Months as a reporting period: "Báo cáo 6 tháng" = half-yearly, "9 tháng" = the Q3 report. */
export const MONTHS_AS_PERIOD: Readonly<Record<number, Recurrence>> = { 1: 'month', 3: 'quarter', 6: 'half', 9: 'quarter', 12: 'year' };

/** "N lần/năm": N reports a year. */
export const TIMES_A_YEAR: Readonly<Record<number, Recurrence>> = { 1: 'year', 2: 'half', 4: 'quarter', 12: 'month' };

/** Ongoing work after a dated step: "… và tổ chức thực hiện". */
export const ONGOING_PHRASES: readonly (readonly string[])[] = [
  ['to', 'chuc'], ['trien', 'khai'], ['thuc', 'hien'], ['duy', 'tri'], ['tiep', 'tuc'], ['theo', 'doi'],
  ['van', 'hanh'],
];

/** Order of `every` in a Deadline. */
export const RECURRENCE_ORDER: readonly Recurrence[] = ['continuous', 'month', 'quarter', 'half', 'year'];

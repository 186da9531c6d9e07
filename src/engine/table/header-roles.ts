/**
 * Header text → column role (domain.md, "Column roles"). Headers are compared folded (no
 * diacritics, lower case) after their numbering ("5. Chủ trì", "(5)") is removed, so upper case,
 * decomposed Unicode, line breaks and odd spacing all match.
 */
import type { ColumnRole } from '../model';
import { BoundedMemo } from '../memo';
import { fold } from '../text';

const ROLE_CACHE_LIMIT = 20_000;
const normalisedCache = new BoundedMemo<string, string>(ROLE_CACHE_LIMIT);

/** Folded header without numbering, punctuation runs, or a trailing "(*)". */
export function normaliseHeader(text: string): string {
  return normalisedCache.get(text, computeNormalised);
}

/** A header written one letter per line ("S\nT\nT" in a narrow column) reads as its word. */
const LETTER_PER_LINE_RE = /^(?:\p{L} )+\p{L}$/u;

function computeNormalised(text: string): string {
  const folded = fold(text);
  return (LETTER_PER_LINE_RE.test(folded) ? folded.replace(/ /g, '') : folded)
    .replace(/^\(?\d{1,2}\)?[.):]?\s+/, '')
    .replace(/^[a-z][.)]\s+/, '')
    .replace(/\(\s*\*+\s*\)|\*+/g, ' ')
    .replace(/\s*([/,;:])\s*/g, '$1 ')
    .replace(/\s+/g, ' ')
    .replace(/[.:;,\s]+$/, '')
    .trim();
}

/** Exact headers (normalised) that name a role. */
const EXACT: Record<string, ColumnRole> = {
  stt: 'stt',
  tt: 'stt',
  'so tt': 'stt',
  'so thu tu': 'stt',
  ttt: 'stt',
  'kiem tra': 'check',
  'check': 'check',
  'han chot': 'dueDate',
  'due date': 'dueDate',
  'tinh trang': 'status',
  'trang thai': 'status',
  status: 'status',
  'ngay hoan thanh': 'doneDate',
  'done on': 'doneDate',
  'ket qua thuc hien': 'result',
  result: 'result',
  'don vi thuc hien': 'lead',
  'co quan thuc hien': 'lead',
};

/** Keyword rules, first match wins. Order matters: "Thời gian hoàn thành" is a deadline, not a
 * completion date; "Thời gian bắt đầu" is the start, "Thời gian thực hiện" the deadline;
 * "Nhiệm vụ/Hoạt động cụ thể" is the task, "Hoạt động" alone the activity; "Theo dõi, kiểm tra,
 * đôn đốc" is the monitor, not our "Kiểm tra". docs/recognition.md lists the wordings. */
const RULES: readonly [RegExp, ColumnRole][] = [
  [/^(so )?(stt|tt)$/, 'stt'],
  [/chu tri/, 'lead'],
  [/phoi hop/, 'support'],
  [/theo doi|don doc|giam sat|^lanh dao (phu trach|chi dao)/, 'monitor'],
  // One column holding both ends ("Thời gian bắt đầu - kết thúc") is the deadline.
  [/(bat dau|tu ngay).*(hoan thanh|ket thuc|den ngay)/, 'deadline'],
  [/^((thoi gian|ngay|thoi diem|thang) )?(bat dau|khoi cong)( thuc hien)?$|^tu ngay$/, 'start'],
  [/^ngay hoan thanh|^thoi diem hoan thanh|^ngay thuc te hoan thanh/, 'doneDate'],
  [/^ket qua (thuc hien|trien khai)|^tinh hinh thuc hien$|^ket qua dat duoc/, 'result'],
  [/^(tinh trang|trang thai)/, 'status'],
  [/thoi gian|thoi han|tien do|moc thoi gian|han hoan thanh|^han$|^((thoi gian|ngay|thoi diem) )?ket thuc$|^den ngay$/, 'deadline'],
  [/san pham|ket qua|dau ra/, 'output'],
  [/muc tieu|chi tieu/, 'objective'],
  [/^nhiem vu|^noi dung|^ten nhiem vu|^cong viec|^giai phap/, 'task'],
  [/^hoat dong/, 'activity'],
  [/kinh phi|nguon von|du toan/, 'budget'],
  [/ghi chu/, 'note'],
  // Who does the work, named without "chủ trì": "Bộ phận thực hiện", "Người thực hiện",
  // "Công chức phụ trách", "Đơn vị chịu trách nhiệm", "Trách nhiệm thực hiện".
  [/^(co quan|don vi|phong|bo phan|nguoi|can bo|cong chuc|ca nhan)\b.*(thuc hien|trach nhiem|phu trach|dau moi)$/, 'lead'],
  [/^trach nhiem( thuc hien| chinh)?$|^(nguoi |don vi |bo phan )?phu trach$/, 'lead'],
];

/** Cell texts repeat a lot ("Văn phòng Sở", "Kế hoạch"): remember answers, within bounds. */
const roleCache = new BoundedMemo<string, ColumnRole | null>(ROLE_CACHE_LIMIT);

/** The role a header names, or null. */
export function roleOfHeader(text: string): ColumnRole | null {
  if (text.length > 120) return null;
  return roleCache.get(text, computeRole);
}

function computeRole(text: string): ColumnRole | null {
  const h = normaliseHeader(text);
  if (h === '' || h.length > 80) return null;
  const exact = EXACT[h];
  if (exact) return exact;
  for (const [re, role] of RULES) if (re.test(h)) return role;
  return null;
}

/** A parent header that groups children ("Đơn vị thực hiện" over "Chủ trì" / "Phối hợp"). */
export function isGroupingHeader(text: string): boolean {
  const h = normaliseHeader(text);
  return /thuc hien|trach nhiem|phan cong|don vi|co quan|ket qua|tien do/.test(h);
}

/** Header words of the tracking block, written by the add-in, per language. */
export const TRACKING_HEADERS: Record<'status' | 'doneDate' | 'result' | 'dueDate' | 'check', { vi: string; en: string }> = {
  status: { vi: 'Tình trạng', en: 'Status' },
  doneDate: { vi: 'Ngày hoàn thành', en: 'Done on' },
  result: { vi: 'Kết quả thực hiện', en: 'Result' },
  dueDate: { vi: 'Hạn chót', en: 'Due date' },
  check: { vi: 'Kiểm tra', en: 'Check' },
};

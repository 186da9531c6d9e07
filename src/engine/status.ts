/**
 * Status and completion wording (validation.md, "Tracking columns"): the drop-down's own words
 * and the wordings staff already write in a status column.
 *
 * Decisions where the spec is silent:
 * - Empty, white space, a lone dash or an Excel error value → null (no status).
 * - "Chưa hoàn thành", "Chưa thực hiện", "Chưa triển khai", "Không thực hiện", "Tạm dừng",
 *   "Hủy"… → not-started: they claim no progress. A negation followed by progress words
 *   ("Chưa hoàn thành, đang thực hiện") → in-progress.
 * - Partial completion → in-progress: "Cơ bản hoàn thành", "Hoàn thành một phần", "Đã hoàn
 *   thành 80%", "Chậm tiến độ", "Tiếp tục thực hiện".
 * - "Đã …" (đã thực hiện, đã ban hành, đã triển khai, đã gửi…) → done: the work was carried out.
 * - Booleans: TRUE (a ticked box) → done, FALSE → not-started. Text "x", "✓", "✔", "☑",
 *   "TRUE", "Yes", "OK" → done.
 * - Numbers are read as a completion share (Excel stores 100% as 1): ≥ 1 → done (a date serial
 *   in the status cell also lands here: a date written there says when it was done), 0 →
 *   not-started, in between → in-progress. "100%" as text → done, "40%" → in-progress.
 * - Any other text → not-started (validation.md: unrecognised counts as not started).
 */
import type { CellValue, TaskStatus } from './model';
import { cellError, fold } from './text';

/** The drop-down's choices, in this order. */
export const STATUS_CHOICES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'] as const;

/** Every exact wording understood as done (NFC, as staff write it), for the conditional
 * formats' formulas: OR($K7="Hoàn thành", …). Excel's "=" ignores case, not diacritics. "TRUE"
 * is listed so that a ticked box (boolean TRUE) also matches once turned into text (TRIM($K7)). */
export const DONE_WORDINGS: readonly string[] = [
  'Hoàn thành',
  'Đã hoàn thành',
  'Hoàn thành đúng hạn',
  'Hoàn thành trước hạn',
  'Hoàn thành quá hạn',
  'Hoàn thành trễ hạn',
  'Hoàn thành chậm',
  'Đã xong',
  'Xong',
  'Hoàn tất',
  'Đã hoàn tất',
  'Đã thực hiện',
  'Done',
  'Completed',
  'x',
  '✓',
  'TRUE',
];

/** Every exact wording understood as in progress, likewise. */
export const IN_PROGRESS_WORDINGS: readonly string[] = [
  'Đang thực hiện',
  'Đang triển khai',
  'Đang xử lý',
  'Đang hoàn thiện',
  'Đang tiến hành',
  'Tiếp tục thực hiện',
  'Cơ bản hoàn thành',
  'Hoàn thành một phần',
  'Chậm tiến độ',
  'In progress',
  'Ongoing',
];

// All patterns run on fold()ed text: lower case, no diacritics, đ → d, single spaces.
const W = '(?![\\p{L}\\p{N}])'; // end of word
const NEGATION_RE = new RegExp(`^(?:chua|khong|tam dung|tam hoan|tam ngung|dung|ngung|huy|bi huy)${W}`, 'u');
// "đang chờ" (waiting for guidance) is not progress.
const PROGRESS_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:dang(?! cho${W})|tiep tuc|co ban hoan thanh|hoan thanh mot phan|mot phan|cham tien do|in progress|in-progress|ongoing|started|wip|doing)${W}`,
  'u',
);
const DONE_VERBS = [
  'thuc hien', 'trien khai', 'ban hanh', 'gui', 'bao cao', 'to chuc', 'xay dung', 'phe duyet', 'ky',
  'nop', 'cap nhat', 'cong bo', 'tham muu', 'trinh', 'hoan thien', 'giai quyet', 'lam',
].join('|');
const DONE_RE = new RegExp(
  `^(?:(?:da )?(?:hoan thanh|hoan tat|xong|thuc hien xong)|da (?:${DONE_VERBS})|done|completed?|finished|closed|yes|ok|true|x)${W}|^[✓✔☑✅]`,
  'u',
);
const NOT_STARTED_EN_RE = /^(?:not started|not yet started|to do|todo|pending|on hold|paused|cancell?ed|no|false|open)(?![\p{L}\p{N}])/u;
const NEGATION_ANYWHERE_RE = /(?:^|[^\p{L}])(?:chua|khong)(?![\p{L}])/u;
const DONE_ANYWHERE_RE = /(?:^|[^\p{L}])(?:hoan thanh|hoan tat|da xong)(?![\p{L}])/u;
const PERCENT_RE = /(\d+(?:[.,]\d+)?)\s*%/;

function fromShare(share: number): TaskStatus {
  if (share >= 1) return 'done';
  if (share <= 0) return 'not-started';
  return 'in-progress';
}

/** null when empty; an unrecognised text counts as not started. */
export function parseStatus(value: CellValue): TaskStatus | null {
  try {
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value ? 'done' : 'not-started';
    if (typeof value === 'number') return Number.isFinite(value) ? fromShare(value) : null;
    const text = String(value);
    if (cellError(text)) return null;
    const f = fold(text);
    if (f === '' || /^[-–—.]+$/.test(f)) return null;

    const percent = PERCENT_RE.exec(f);
    const share = percent ? Number(percent[1].replace(',', '.')) / 100 : null;
    if (NEGATION_RE.test(f)) {
      return PROGRESS_RE.test(f) || (share !== null && share > 0) ? 'in-progress' : 'not-started';
    }
    if (NOT_STARTED_EN_RE.test(f)) return 'not-started';
    if (share !== null) return fromShare(share);
    if (PROGRESS_RE.test(f)) return 'in-progress';
    if (DONE_RE.test(f)) return 'done';
    if (!NEGATION_ANYWHERE_RE.test(f) && DONE_ANYWHERE_RE.test(f)) return 'done';
    return 'not-started';
  } catch {
    return 'not-started';
  }
}

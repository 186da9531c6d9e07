/**
 * Output classifier (validation.md, "Output classes"): is the output cell (Sản phẩm / Kết quả)
 * a measurable target, a concrete deliverable, vague, or missing? `isMeasurable` is also used on
 * the row's objective (Mục tiêu).
 *
 * Decisions where the spec is silent:
 * - Measurable = a percentage anywhere ("100%" alone, "Tăng 5% so với năm 2023", "tỷ lệ trên
 *   80%"), or a number that counts a noun ("02 sáng kiến", "ít nhất 01 cuộc", "1.000 hồ sơ",
 *   "01- 02 cuộc", "ít nhất một cuộc" — spelled numbers only after ít nhất / tối thiểu).
 * - Not a count: numbers that identify (after số, Điều, khoản, điểm, mục, Chương, Nghị định, Kế
 *   hoạch, năm, ngày, tháng, quý, kỳ, giai đoạn, đợt, lần, thứ, mức độ, ISO…), numbers joined by
 *   "/" or ":" (62/2020/NĐ-CP, 15/01/2024, 9001:2015), years (1900–2100), outline numbers
 *   ("1.2.", "2.17"), enumerators ("1.", "a)", "(1)"), numbers glued to letters ("5S", "4G"),
 *   and durations or ages ("Báo cáo 6 tháng", "trong 10 ngày", "dưới 40 tuổi") unless a target
 *   word precedes them ("rút ngắn 05 ngày", "không quá 03 ngày"). "tổng số 120 hồ sơ" counts.
 *   "tất cả", "toàn bộ", "đầy đủ" are not numbers: not measurable. A bare number ("02") counts
 *   nothing: vague; after a target word it is the target ("Chỉ số SIPAS đạt 85,5"). Rankings
 *   are targets ("xếp thứ 5", "trong top 10", "thứ hạng 12/63").
 * - Deliverable: an item beginning with a deliverable word; items are separated by new lines,
 *   ";", ",", "/", ". " and bullets ("-", "+", "•", "a)", "1.", "(1)"). Before the word: bullets,
 *   "Các" / "Những", "Dự thảo". Built-in words: the spec's list, plus document types of the same
 *   kind (Nghị quyết, Chỉ thị, Kết luận, Quy định, Giấy mời, Biểu mẫu, Đề cương, Sổ tay, Cẩm
 *   nang, Bản tin, Bài viết, Hội thảo, Tọa đàm, Lớp…, Khóa đào tạo/bồi dưỡng/tập huấn) and the
 *   usual abbreviations KH, BC, QĐ, VB, CV, TTr. Not added on purpose: Tài liệu, Giấy tờ, Hồ sơ,
 *   Hệ thống, Kết quả (they name outcomes, not products: "Giấy tờ, tài liệu được số hóa" stays
 *   vague). A verb first ("Ban hành kế hoạch") does not make a deliverable: the spec's rule is
 *   about how the item begins.
 * - Matching folds case and diacritics, so typos of tone marks still match ("Vấn bản").
 * - HTML-like tags left by conversions are dropped; an Excel error value (#REF!) or text with
 *   no letter or digit ("-", "…") is missing.
 */
import type { OutputKind } from './model';
import { cellError, fold } from './text';
import { BoundedMemo } from './memo';

/** The built-in deliverable words (display form, NFC). */
export const DELIVERABLE_WORDS: readonly string[] = [
  // validation.md
  'Kế hoạch', 'Báo cáo', 'Quyết định', 'Công văn', 'Tờ trình', 'Văn bản', 'Thông báo', 'Hội nghị',
  'Biên bản', 'Quy chế', 'Đề án', 'Quy trình', 'Danh mục', 'Phương án', 'Chương trình', 'Hướng dẫn',
  'Phiếu', 'Tin bài', 'Cuộc thi', 'Lớp tập huấn', 'Dự thảo',
  // documents and events of the same kind
  'Nghị quyết', 'Chỉ thị', 'Kết luận', 'Quy định', 'Giấy mời', 'Biểu mẫu', 'Đề cương', 'Sổ tay',
  'Cẩm nang', 'Bản tin', 'Bài viết', 'Hội thảo', 'Tọa đàm', 'Lớp', 'Khóa đào tạo',
  'Khóa bồi dưỡng', 'Khóa tập huấn',
];

/** Abbreviations written in plans (domain.md glossary); matched as whole words. */
const DELIVERABLE_ABBREVIATIONS: readonly string[] = ['KH', 'BC', 'QĐ', 'VB', 'CV', 'TTr'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Folded words as one alternation, longest first (so "lop tap huan" is tried before "lop"). */
function alternation(words: readonly string[]): string {
  const folded = [...new Set(words.map((w) => fold(w)).filter((w) => w !== ''))];
  folded.sort((a, b) => b.length - a.length);
  return folded.map((w) => FOLD_TRAPS[w] ?? escapeRegExp(w)).join('|');
}

/** Words whose folded form begins something else: "Để an toàn" folds like "Đề án"; a "báo cáo
 * viên" is a person (legal presenter), not a report. */
const FOLD_TRAPS: Record<string, string> = {
  'de an': 'de an(?! (?:toan|ninh|tam)(?![\\p{L}]))',
  'bao cao': 'bao cao(?! vien(?![\\p{L}]))',
};

// An item: optional "các"/"những", optional "dự thảo", then a word ending at a word boundary.
const ITEM_PREFIX = '^(?:(?:cac|nhung) )?(?:du thao )?';
const BUILT_IN_ITEM_RE = new RegExp(
  `${ITEM_PREFIX}(?:(?:${alternation(DELIVERABLE_WORDS)})(?![\\p{L}\\p{N}])|(?:${alternation(DELIVERABLE_ABBREVIATIONS)})(?![\\p{L}\\p{N}&-]))`,
  'u',
);

const extraCache = new BoundedMemo<string, RegExp | null>(32);

function extraItemRe(extra: readonly string[]): RegExp | null {
  if (!Array.isArray(extra) || extra.length === 0) return null;
  const words = extra.filter((w): w is string => typeof w === 'string').map((w) => stripItemStart(fold(w)));
  const key = words.join('\u0001');
  return extraCache.get(key, () => {
    const alt = alternation(words);
    return alt ? new RegExp(`${ITEM_PREFIX}(?:${alt})(?![\\p{L}\\p{N}])`, 'u') : null;
  });
}

// ---------------------------------------------------------------------------------------------
// Text preparation
// ---------------------------------------------------------------------------------------------

const BLOCK_TAG_RE = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|table)\b[^<>]*>/gi;
const INLINE_TAG_RE = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g;

/** NFC, tags of HTML conversions removed (block tags become line breaks: they separate items). */
function prepare(text: unknown): string {
  const raw = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  return raw.normalize('NFC').replace(BLOCK_TAG_RE, '\n').replace(INLINE_TAG_RE, ' ');
}

const HAS_CONTENT_RE = /[\p{L}\p{N}]/u;

// ---------------------------------------------------------------------------------------------
// Measurable
// ---------------------------------------------------------------------------------------------

const PERCENT_RE = /\d(?:[.,]\d+)?\s*(?:%|phan tram(?![\p{L}]))/u;
const FRACTION_RE = /(?:^|[^\p{N}/])[1-9]\/(?:[2-9]|10) (?:tong )?so(?![\p{L}])/u;
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
/** Ranking targets: "xếp thứ 5", "trong top 10", "tốp 15", "thứ hạng 12/63". */
const RANK_RE = /(?:^|[^\p{L}])(?:top|xep thu|xep hang|dung thu|vi tri thu|thu hang)(?: dau)? \d/u;
const SPELLED_COUNT_RE =
  /(?:^|[^\p{L}])(?:it nhat|toi thieu|khong duoi|khong it hon) (?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (?!(?:phan|so|cach|chut|it|vai|nua)(?![\p{L}]))\p{L}/u;

/** Words that, right before a number, make it an identifier rather than a count. */
const IDENTIFIER_BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${[
    'so', 'dieu', 'khoan', 'diem', 'muc', 'chuong', 'phan', 'phu luc', 'bieu', 'mau', 'thu', 'khoa',
    'nhiem ky', 'iso', 'tcvn', 'nghi dinh', 'nghi quyet', 'quyet dinh', 'thong tu', 'chi thi',
    'cong van', 'ke hoach', 'de an', 'chuong trinh', 'luat', 'to trinh', 'bao cao', 'thong bao',
    'huong dan', 'van ban', 'nd', 'qd', 'nq', 'tt', 'ct', 'kh', 'cv', 'bc', 'ttr', 'muc do',
    'cap do', 'level', 'phien ban', 'version', 'nam', 'ngay', 'thang', 'quy', 'tuan', 'ky',
    'giai doan', 'dot', 'lan', 'tieu chi', 'tieu muc',
  ].join('|')}) ?[:.]? ?$`,
  'u',
);
/** "tổng số 120 hồ sơ", "hàng tháng 01 cuộc", "mỗi quý 02 bài": the number counts after all. */
const COUNT_AFTER_ALL_BEFORE_RE = /(?:^|[^\p{L}])(?:tong so|(?:hang|moi) (?:ngay|tuan|thang|quy|nam|ky)) ?$/u;

/** Target words before a number: they make a year-like number or a duration a target. */
const QUANTIFIER_BEFORE_RE =
  /(?:^|[^\p{L}])(?:it nhat|toi thieu|toi da|khong qua|khong duoi|khong it hon|tren|duoi|hon|dat|rut ngan|giam|tang|co nhat|khoang) ?$/u;

/** Function words after a number: nothing is counted. */
const STOP_AFTER = new Set([
  'cua', 've', 'va', 'hoac', 'voi', 'tai', 'theo', 'trong', 'den', 'tu', 'la', 'nay', 'do', 'ma',
  'thi', 'de', 'nd', 'qd', 'nq', 'ubnd', 'hdnd', 'cp', 'ttg', 'kh', 'bc', 'cv', 'ttr', 'tt', 'ct',
]);
/** Time units after a number: a duration or a period, not a count (unless a target word precedes). */
const TIME_AFTER = new Set(['ngay', 'thang', 'nam', 'quy', 'tuan', 'gio', 'phut', 'giay']);
const NEXT_WORD_RE = /^ ?(?:\([^()]{0,20}\) ?)?(\p{L}+)/u;
const LETTER_RE = /\p{L}/u;
const SPACE_OR_END_RE = /^(?:\s|$)/;

function isThousands(token: string): boolean {
  return /^\d{1,3}(?:[.,]\d{3})+$/.test(token);
}

/** Does the number token at [start, end) of the folded text count something? */
function countsSomething(f: string, start: number, token: string): boolean {
  const end = start + token.length;
  const prev = f.charAt(start - 1);
  const next = f.charAt(end);

  if (LETTER_RE.test(prev)) return false; // "iso9001", "a1"
  if (prev === '/' || prev === ':') return false; // 62/2020, 9001:2015, 15/01
  if (prev === '-' && LETTER_RE.test(f.charAt(start - 2))) return false; // Covid-19
  if (LETTER_RE.test(next)) return false; // 5S, 4G
  if (next === '/' || next === ':' || next === '-') return false; // 62/..., 2019-2023, 18-NQ
  if ((next === '.' || next === ')') && SPACE_OR_END_RE.test(f.charAt(end + 1) || '')) {
    if (!/[.,]/.test(token)) return false; // "1. Kế hoạch", "a) … 2)"
  }

  if (token.includes('.') && !isThousands(token)) return false; // 1.2, 2.17 outline numbers
  if (token.includes(',') && !isThousands(token) && !/^\d+,\d+$/.test(token)) return false;

  const before = f.slice(Math.max(0, start - 24), start);
  const quantified = QUANTIFIER_BEFORE_RE.test(before);
  if (!COUNT_AFTER_ALL_BEFORE_RE.test(before) && IDENTIFIER_BEFORE_RE.test(before)) return false;

  if (/^\d{4}$/.test(token)) {
    const year = Number(token);
    if (year >= 1900 && year <= 2100 && !quantified) return false;
  }

  const m = NEXT_WORD_RE.exec(f.slice(end, end + 40));
  if (!m) return quantified; // "SIPAS đạt 85,5" is a target; a bare "02" counts nothing
  const word = m[1];
  if (STOP_AFTER.has(word) || word === 'tuoi') return false;
  if (TIME_AFTER.has(word) && !quantified) return false;
  return true;
}

function measurableFolded(f: string): boolean {
  if (PERCENT_RE.test(f) || FRACTION_RE.test(f) || RANK_RE.test(f) || SPELLED_COUNT_RE.test(f)) return true;
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(f); m; m = NUMBER_RE.exec(f)) {
    if (countsSomething(f, m.index, m[0])) return true;
  }
  return false;
}

/** The text states a target number (a percentage or a count of something). */
export function isMeasurable(text: string): boolean {
  try {
    return measurableFolded(fold(prepare(text)));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Deliverable
// ---------------------------------------------------------------------------------------------

// Item separators: line breaks, ";", ",", "/", "|", a full stop before a space, bullets.
const ITEM_SPLIT_RE =
  /[\n\r;,/|]+|\.(?=\s)|(?:^|\s)[-–—+•*·●○■□▪►➢❖→]+|(?:^|\s)\(?(?:\d{1,2}|[a-zđ]|[ivx]{1,4})[.)](?=\s)/giu;
// "Tin, bài" is one word pair, not two items.
const TIN_BAI_RE = /(^|[^\p{L}])(tin)\s*,\s*(bài)(?![\p{L}])/giu;
const LEADING_JUNK_RE = /^[^\p{L}\p{N}]+/u;
const LEADING_ENUMERATOR_RE = /^(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]\s*/;

function stripItemStart(folded: string): string {
  let s = folded.replace(LEADING_JUNK_RE, '');
  for (let i = 0; i < 3; i++) {
    const next = s.replace(LEADING_ENUMERATOR_RE, '').replace(LEADING_JUNK_RE, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

function hasDeliverable(prepared: string, extra: readonly string[]): boolean {
  const extraRe = extraItemRe(extra);
  const items = prepared.replace(TIN_BAI_RE, '$1$2 $3').split(ITEM_SPLIT_RE);
  for (const item of items) {
    if (!item || !HAS_CONTENT_RE.test(item)) continue;
    const f = stripItemStart(fold(item));
    if (BUILT_IN_ITEM_RE.test(f) || (extraRe !== null && extraRe.test(f))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

export function classifyOutput(text: string, extraDeliverables: readonly string[] = []): OutputKind {
  let prepared = '';
  try {
    prepared = prepare(text);
    if (cellError(prepared) || !HAS_CONTENT_RE.test(prepared)) return 'missing';
    if (measurableFolded(fold(prepared))) return 'measurable';
    if (hasDeliverable(prepared, extraDeliverables ?? [])) return 'deliverable';
    return 'vague';
  } catch {
    return prepared.trim() ? 'vague' : 'missing';
  }
}

/**
 * Text helpers shared by every recogniser: what counts as empty, NFC, and a folded form for
 * tolerant matching (lower case, no diacritics, đ→d, single spaces); and Excel's rule for
 * comparing sheet names, which every layer uses.
 */
import type { CellValue } from './model';
import { BoundedMemo } from './memo';

const ERROR_RE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** The cell holds an Excel error value ("#REF!", "#N/A"…). */
export function cellError(value: CellValue): string | null {
  return typeof value === 'string' && ERROR_RE.test(value.trim()) ? value.trim().toUpperCase() : null;
}

/** NFC, tags left by HTML conversions removed, runs of white space folded, trimmed. */
/** Characters that NFC may change: combining marks, Hangul jamo, and the few canonical
 * singletons. Text without them is already NFC, and normalize() is the costliest step here. */
// Combining marks in the class are the point here: they are what NFC composes.
// eslint-disable-next-line no-misleading-character-class
const MAY_CHANGE_UNDER_NFC = /[\u0300-\u036f\u0340-\u0344\u0374\u037e\u0387\u1100-\u11ff\u1dc0-\u1dff\u20d0-\u20ff\u2126\u212a\u212b\ufe20-\ufe2f]/;

/** Anything cleanText would change besides trimming: one scan decides whether the slow path runs. */
// eslint-disable-next-line no-misleading-character-class
const NEEDS_CLEANING = /[\u0300-\u036f\u0340-\u0344\u0374\u037e\u0387\u1100-\u11ff\u1dc0-\u1dff\u20d0-\u20ff\u2126\u212a\u212b\ufe20-\ufe2f<\t\n\r\f\v\u00a0\u200b\ufeff\u00ad\u034f\u180e\u200c-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u3000\u3164\uffa0]| {2}/;

/**
 * Characters that show nothing: soft hyphen, combining grapheme joiner, Mongolian vowel
 * separator, zero-width space/non-joiner/joiner, direction marks and embeddings, word joiner and
 * the invisible operators, the Hangul fillers (blank glyphs no Vietnamese text uses), BOM. They are removed before any comparison, so "Chủ\u00adtrì" is
 * "Chủ trì"'s word and a cell holding only them is empty.
 */
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE_RE = /[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3164\ufeff\uffa0]/g;
/** Separators that stand where a space would (ideographic space, line and paragraph
 * separators): white space. */
const BLANK_FILLER_RE = /[\u2028\u2029\u3000]/g;

/** `s` without invisible characters, blank fillers as spaces (not trimmed or folded). */
export function withoutInvisibles(s: string): string {
  return s.replace(INVISIBLE_RE, '').replace(BLANK_FILLER_RE, ' ');
}

export function cleanText(s: string): string {
  // Most cells are already clean: one scan, then at most a trim.
  if (!NEEDS_CLEANING.test(s)) return s.trim();
  let t = MAY_CHANGE_UNDER_NFC.test(s) ? s.normalize('NFC') : s;
  t = withoutInvisibles(t);
  if (t.includes('<')) t = t.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, ' ');
  if (/[\t\n\r\f\v\u00a0\u200b\ufeff]| {2}/.test(t)) t = t.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ');
  return t.trim();
}

/** Text of a cell as the rules see it: numbers and booleans as text, errors and lone dashes and
 * white space as "". */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value.length > MEMO_MAX_LENGTH) return stringCellText(value);
  return textMemo.get(value, stringCellText);
}

function stringCellText(value: string): string {
  const t = cleanText(value);
  if (t.charCodeAt(0) === 35 /* # */ && cellError(t)) return '';
  return t.length <= 3 && /^[-–—]+$/.test(t) ? '' : t;
}

/** cellText of short strings already met: a plan repeats its lead units, statuses, deadlines
 * and dates on thousands of rows (the same string from the shared-string table each time), and
 * a lookup costs a fraction of cleaning. Bounded: long texts (a task's content, rarely
 * repeated) are not kept, and the memo starts over past MEMO_MAX_ENTRIES. */
const MEMO_MAX_LENGTH = 100;
const MEMO_MAX_ENTRIES = 20_000;
const textMemo = new BoundedMemo<string, string>(MEMO_MAX_ENTRIES);

export function isEmptyCell(value: CellValue): boolean {
  return cellText(value) === '' && !cellError(value);
}

/** Folded form of each non-ASCII character met so far ("ệ" → "e", a combining mark → ""). */
const FOLD_CHAR = new Map<string, string>();

function foldChar(ch: string): string {
  let f = FOLD_CHAR.get(ch);
  if (f === undefined) {
    f = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    FOLD_CHAR.set(ch, f);
  }
  return f;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII_RE = /[^\x00-\x7f]/g;
const ODD_SPACE_RE = /[\t\n\r\f\v\u00a0]| {2}/;

/** Lower case, no diacritics (đ→d), single spaces: for tolerant comparisons only. NFC and NFD
 * input fold alike. Per-character table instead of normalize(): this runs on every cell. */
export function fold(s: string): string {
  let out = s.toLowerCase();
  if (NON_ASCII_RE.test(out)) {
    NON_ASCII_RE.lastIndex = 0;
    out = withoutInvisibles(out).replace(NON_ASCII_RE, foldChar);
  }
  NON_ASCII_RE.lastIndex = 0;
  if (ODD_SPACE_RE.test(out)) out = out.replace(/[\s\u00a0]+/g, ' ');
  return out.trim();
}

/** A sheet name as Excel compares names: NFC, case-insensitive ("Phụ lục" and "PHỤ LỤC" name
 * the same sheet; a workbook cannot hold both). */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The two names would name the same sheet in Excel. */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

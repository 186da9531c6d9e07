/**
 * Row labels and the plan's numbering scheme. Each body row may start with a label — "Phần I",
 * "A.", a Roman numeral, an Arabic number, a decimal "1.1", "a)", "-" or "+" — and the scheme
 * as a whole says how deep each kind sits: a kind first met under another is deeper than it,
 * and meeting a kind already open closes everything deeper (numbering may restart in each
 * section). docs/recognition.md gives the rules this serves.
 */
import { fold } from '../text';

export type LabelKind = 'part' | 'letter' | 'roman' | 'arabic' | 'decimal2' | 'decimal3' | 'decimal4' | 'lower' | 'dash' | 'plus';

export interface RowLabel {
  kind: LabelKind;
  /** The label as an id: "I", "A", "Phần II", "1", "1.2", "a"; "-" and "+" for bullets. */
  id: string;
  /** Words written after the label in the same cell ("I. CẢI CÁCH THỂ CHẾ" → the title). */
  rest: string;
}

/** Kinds that head sections: a row with only such a label and a title is always a heading. */
export const SECTION_KINDS: ReadonlySet<LabelKind> = new Set(['part', 'letter', 'roman']);
/** Kinds that divide a plan above its sections ("Phần I", "A. NHIỆM VỤ CHUNG"). */
export const PART_KINDS: ReadonlySet<LabelKind> = new Set(['part', 'letter']);
/** Items under a numbered task: tasks of its group when they carry their own data, detail
 * lines of the row above otherwise. */
export const ITEM_KINDS: ReadonlySet<LabelKind> = new Set(['lower', 'dash', 'plus']);

const ROMAN_RE = /^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_ALONE_RE = /^([IVXL]{1,5})\s*[.):]?$/;
const ROMAN_TITLE_RE = /^([IVXL]{1,5})\s*[.):/-]\s*([^\d\s].*)$/;
const ROMAN_SPACE_TITLE_RE = /^([IVXL]{1,5})\s+(\p{Lu}.*)$/u;
/** A part letter: "A", "B.", "C)" (parts stop well before "K." or "Q.", which sign documents). */
const LETTER_ALONE_RE = /^([A-H])\s*[.):]?$/;
const LETTER_TITLE_RE = /^([A-H])\s*[.):-]\s+([^\d\s].*)$/;
const PART_RE = /^(ph[aầ]n\s+(?:th[uứ]\s+)?([\p{L}\d]{1,5}))\s*[.:)-]?\s*(.*)$/iu;
const PART_NUMBER_RE = /^([ivxl]{1,5}|\d{1,2}|nhat|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)$/;
const ARABIC_ALONE_RE = /^(\d{1,6}[a-z]?)\s*[.)]?$/;
const ARABIC_TITLE_RE = /^(\d{1,3})(?:\s*[.)]\s+|\s+[-–]\s+)(\S.*)$/;
const DECIMAL_ALONE_RE = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?$/;
const DECIMAL_TITLE_RE = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s+(\S.*)$/;
const LOWER_ALONE_RE = /^\(?([a-zđ])\s*[.)]$/;
const LOWER_TITLE_RE = /^\(?([a-zđ])\s*[.)]\s+(\S.*)$/;
const DASH_ALONE_RE = /^[-–—•·*]$/;
const DASH_TITLE_RE = /^[-–—•·*]\s*(\S.*)$/;
const PLUS_TITLE_RE = /^\+\s*(\S.*)$/;

function isRoman(s: string): boolean {
  return ROMAN_RE.test(s);
}

function decimal(id: string): LabelKind {
  const dots = id.split('.').length - 1;
  return dots === 1 ? 'decimal2' : dots === 2 ? 'decimal3' : 'decimal4';
}

/** The label a cell's whole text is ("I", "1.", "1.1", "a)", "-"), or null. `raw` is the
 * cell's text before lone dashes are read as empty. */
export function labelAlone(text: string): RowLabel | null {
  const t = text.trim();
  if (t === '' || t.length > 14) return null;
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    let m = ARABIC_ALONE_RE.exec(t);
    if (m) return { kind: 'arabic', id: m[1], rest: '' };
    m = DECIMAL_ALONE_RE.exec(t);
    if (m) return { kind: decimal(m[1]), id: m[1], rest: '' };
    return null;
  }
  let m = ROMAN_ALONE_RE.exec(t);
  if (m && isRoman(m[1])) return { kind: 'roman', id: m[1], rest: '' };
  m = LETTER_ALONE_RE.exec(t);
  if (m) return { kind: 'letter', id: m[1], rest: '' };
  m = LOWER_ALONE_RE.exec(t);
  if (m) return { kind: 'lower', id: m[1], rest: '' };
  if (DASH_ALONE_RE.test(t)) return { kind: 'dash', id: '-', rest: '' };
  if (t === '+') return { kind: 'plus', id: '+', rest: '' };
  const part = partLabel(t);
  return part && part.rest === '' ? part : null;
}

function partLabel(t: string): RowLabel | null {
  const m = PART_RE.exec(t);
  if (!m || !PART_NUMBER_RE.test(fold(m[2]))) return null;
  // "PHẦN II", "Phần thứ hai": the word as in a sentence, a Roman numeral in capitals.
  const ordinal = /^th/i.test(m[1].split(/\s+/)[1] ?? '') ? 'thứ ' : '';
  const n = /^[ivxl]+$/i.test(m[2]) ? m[2].toUpperCase() : m[2].toLowerCase();
  return { kind: 'part', id: `Phần ${ordinal}${n}`, rest: m[3].trim() };
}

/** A heading label followed by its title in one cell ("I. CẢI CÁCH THỂ CHẾ", "A. NHIỆM VỤ
 * CHUNG", "Phần II: …", "1. Cải cách thể chế", "1.2 Hạ tầng số"). */
export function labelWithTitle(text: string): RowLabel | null {
  const t = text.trim();
  let m = ROMAN_TITLE_RE.exec(t) ?? ROMAN_SPACE_TITLE_RE.exec(t);
  if (m && isRoman(m[1])) return { kind: 'roman', id: m[1], rest: m[2].trim() };
  m = LETTER_TITLE_RE.exec(t);
  if (m) return { kind: 'letter', id: m[1], rest: m[2].trim() };
  const part = partLabel(t);
  if (part && part.rest !== '') return part;
  m = DECIMAL_TITLE_RE.exec(t);
  if (m) return { kind: decimal(m[1]), id: m[1], rest: m[2].trim() };
  m = ARABIC_TITLE_RE.exec(t);
  if (m) return { kind: 'arabic', id: m[1], rest: m[2].trim() };
  return itemPrefix(t);
}

/** An item marker at the start of a descriptive cell: "a) …", "- …", "+ …". */
export function itemPrefix(text: string): RowLabel | null {
  const c = text.charCodeAt(0);
  if (c === 43 /* + */) {
    const m = PLUS_TITLE_RE.exec(text);
    return m ? { kind: 'plus', id: '+', rest: m[1] } : null;
  }
  if (c === 45 /* - */ || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 42 /* * */) {
    const m = DASH_TITLE_RE.exec(text);
    return m ? { kind: 'dash', id: '-', rest: m[1] } : null;
  }
  if ((c >= 97 && c <= 122) || c === 0x111 || c === 40 /* ( */) {
    const m = LOWER_TITLE_RE.exec(text);
    return m ? { kind: 'lower', id: m[1], rest: m[2] } : null;
  }
  return null;
}

/**
 * The numbering scheme met so far, shallowest kind first. A kind met for the first time is one
 * level deeper than the kind of the row before it; a kind already open closes the deeper ones.
 */
export class Outline {
  private readonly kinds: LabelKind[] = [];

  /** Record a label of this kind; its depth (0 = shallowest). */
  enter(kind: LabelKind): number {
    const at = this.kinds.indexOf(kind);
    if (at >= 0) {
      this.kinds.length = at + 1;
      return at;
    }
    this.kinds.push(kind);
    return this.kinds.length - 1;
  }

  /** Is this kind open at this depth or above (so a row of it closes the level at `depth`)? */
  closes(kind: LabelKind, depth: number): boolean {
    const at = this.kinds.indexOf(kind);
    return at >= 0 && at <= depth;
  }

  /** Reset to a single section level (an unlabelled section title). */
  reset(kind: LabelKind): number {
    this.kinds.length = 0;
    this.kinds.push(kind);
    return 0;
  }
}

/**
 * Deadline text → tokens. The text is cleaned (NFC, HTML-like tags dropped, white space folded,
 * new lines kept as boundaries), then folded character by character (lower case, no
 * diacritics, đ→d, dashes→"-", compatibility forms such as "Ⅳ" or full-width digits expanded)
 * while remembering where each folded character came from, so that a step can quote the
 * user's own words. Everything here is one linear pass; no regex can backtrack.
 */

/** Tags left by HTML conversions ("<i>", "</b>", "<br/>"); "< 5 ngày" is not a tag. */
const TAG_RE = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:[\s/][^<>]*)?>/g;
const COMBINING_RE = /[\u0300-\u036f]/g;
const LETTER_RE = /[\p{L}\p{M}]/u;
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d']);

export type TokType = 'num' | 'word' | 'punct';

export interface Tok {
  type: TokType;
  /** Folded text of the token ("quy", "2024", "/"). */
  s: string;
  /** Numeric value of a num token (NaN otherwise). */
  v: number;
  /** Offsets in the cleaned text: [start, end). */
  start: number;
  end: number;
  /** White space precedes the token. */
  sp: boolean;
}

export interface Lexed {
  /** The cleaned text (NFC, tags dropped, white space folded, new lines kept). */
  clean: string;
  tokens: Tok[];
  /** The text carries Vietnamese diacritics (so a bare "nam" is not "năm"). */
  marked: boolean;
}

// The zero-width joiner stays out of the class (no-misleading-character-class).
const WHITESPACE_RUN_RE = /(?:[\s\u00a0\u200b\u200c\u2028\u2029\ufeff]|\u200d)+/g;
const NEWLINE_RE = /[\n\r\u2028\u2029]/;
/** Letters with Vietnamese diacritics (and đ). */
const MARKED_RE = /[\u00c0-\u024f\u1e00-\u1eff]/;

/** NFC, tags removed, runs of white space → one space (or one new line if the run held one). */
export function cleanDeadlineText(s: string): string {
  let t = s.normalize('NFC');
  if (t.includes('<')) t = t.replace(TAG_RE, ' ');
  if (!NEWLINE_RE.test(t)) return t.replace(WHITESPACE_RUN_RE, ' ').trim();
  return t.replace(WHITESPACE_RUN_RE, (run) => (NEWLINE_RE.test(run) ? '\n' : ' ')).trim();
}

const foldCache = new Map<string, string>();

/** Folded form of one character; '' for a lone combining mark, several for "Ⅳ" or "…". */
function computeFold(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  if (DASHES.has(c)) return '-';
  return c.toLowerCase().normalize('NFKD').replace(COMBINING_RE, '').toLowerCase();
}

function foldChar(c: string): string {
  const hit = foldCache.get(c);
  if (hit !== undefined) return hit;
  const f = computeFold(c);
  if (foldCache.size < 4096) foldCache.set(c, f);
  return f;
}

function isLetterChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_RE.test(c);
}

// Folding table for U+0000–U+1EFF (ASCII, Latin-1, Latin Extended A/B, Latin Extended
// Additional — every Vietnamese letter): the folded character and its class, computed once.
const TABLE_SIZE = 0x1f00;
const FOLDED = new Uint16Array(TABLE_SIZE);
/** 0: slow path, 1: digit, 2: letter, 3: punctuation. */
const CLASS = new Uint8Array(TABLE_SIZE);
for (let code = 0; code < TABLE_SIZE; code++) {
  const c = String.fromCharCode(code);
  const f = code < 128 ? c.toLowerCase() : computeFold(c);
  if (f.length !== 1) continue;
  const fc = f.charCodeAt(0);
  FOLDED[code] = fc;
  CLASS[code] = fc >= 48 && fc <= 57 ? 1 : isLetterChar(f) ? 2 : 3;
}
const TYPES: readonly TokType[] = ['punct', 'num', 'word', 'punct'];

/** Clean, fold and split into number, word and punctuation tokens. */
export function lex(input: string): Lexed {
  const clean = cleanDeadlineText(input);
  const tokens: Tok[] = [];
  let cur: Tok | null = null;
  let sp = false;
  const push = (type: TokType, ch: string, i: number): void => {
    if (cur !== null && cur.type === type && type !== 'punct') {
      cur.s += ch;
      cur.end = i + 1;
      return;
    }
    if (cur !== null) tokens.push(finish(cur));
    cur = { type, s: ch, v: NaN, start: i, end: i + 1, sp };
    sp = false;
  };
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    if (code === 32 || code === 10) {
      if (cur !== null) tokens.push(finish(cur));
      cur = null;
      if (code === 10) tokens.push({ type: 'punct', s: '\n', v: NaN, start: i, end: i + 1, sp: true });
      sp = true;
      continue;
    }
    const cls = code < TABLE_SIZE ? CLASS[code] : 0;
    if (cls !== 0) {
      push(TYPES[cls], String.fromCharCode(FOLDED[code]), i);
      continue;
    }
    // A character that folds to nothing (a stray mark) or to several ("Ⅳ" → "iv", "…" → "...").
    const f = foldChar(clean[i]);
    for (let k = 0; k < f.length; k++) {
      const fc = f.charCodeAt(k);
      const fcls = fc < TABLE_SIZE ? CLASS[fc] : isLetterChar(f[k]) ? 2 : 3;
      push(TYPES[fcls === 0 ? 3 : fcls], f[k], i);
    }
  }
  if (cur !== null) tokens.push(finish(cur));
  return { clean, tokens, marked: MARKED_RE.test(clean) };
}

function finish(t: Tok): Tok {
  if (t.type === 'num') t.v = t.s.length > 15 ? Number.POSITIVE_INFINITY : Number(t.s);
  return t;
}

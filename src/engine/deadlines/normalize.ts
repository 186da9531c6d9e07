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
const SPACES_RE = /[\s\u00a0\u200b\u200c\u200d\u2028\u2029\ufeff]/;

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

/** NFC, tags removed, runs of white space → one space (or one new line if the run held one). */
export function cleanDeadlineText(s: string): string {
  const nfc = s.normalize('NFC').replace(TAG_RE, ' ');
  let out = '';
  let pendingSpace = false;
  let pendingNewline = false;
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc[i];
    if (c === '\n' || c === '\r') {
      pendingNewline = true;
      continue;
    }
    if (SPACES_RE.test(c)) {
      pendingSpace = true;
      continue;
    }
    if (out.length > 0 && (pendingNewline || pendingSpace)) out += pendingNewline ? '\n' : ' ';
    pendingSpace = false;
    pendingNewline = false;
    out += c;
  }
  return out;
}

const foldCache = new Map<string, string>();

/** Folded form of one (non-ASCII) character; '' for a lone combining mark. */
function foldChar(c: string): string {
  const hit = foldCache.get(c);
  if (hit !== undefined) return hit;
  let f: string;
  if (c === 'đ' || c === 'Đ') f = 'd';
  else if (DASHES.has(c)) f = '-';
  else f = c.toLowerCase().normalize('NFKD').replace(COMBINING_RE, '').toLowerCase();
  if (foldCache.size < 4096) foldCache.set(c, f);
  return f;
}

function isLetterChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_RE.test(c);
}

/** Clean, fold and split into number, word and punctuation tokens. */
export function lex(input: string): Lexed {
  const clean = cleanDeadlineText(input);
  const tokens: Tok[] = [];
  let marked = false;
  let cur: Tok | null = null;
  let sp = false;
  const flush = (): void => {
    if (cur) {
      if (cur.type === 'num') cur.v = cur.s.length > 15 ? Number.POSITIVE_INFINITY : Number(cur.s);
      tokens.push(cur);
      cur = null;
    }
  };
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === ' ') {
      flush();
      sp = true;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ type: 'punct', s: '\n', v: NaN, start: i, end: i + 1, sp: true });
      sp = true;
      continue;
    }
    const code = c.charCodeAt(0);
    let f: string;
    if (code < 128) f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
    else {
      f = foldChar(c);
      if (f !== c.toLowerCase() && isLetterChar(c)) marked = true;
    }
    // A folded character may expand ("Ⅳ" → "iv", "²" → "2"): each piece is typed on its own.
    for (let k = 0; k < f.length; k++) {
      const ch = f[k];
      const cc = ch.charCodeAt(0);
      const type: TokType = cc >= 48 && cc <= 57 ? 'num' : isLetterChar(ch) ? 'word' : 'punct';
      if (cur && cur.type === type && type !== 'punct') {
        cur.s += ch;
        cur.end = i + 1;
      } else {
        flush();
        cur = { type, s: ch, v: NaN, start: i, end: i + 1, sp };
        sp = false;
        if (type === 'punct') flush();
      }
    }
  }
  flush();
  return { clean, tokens, marked };
}

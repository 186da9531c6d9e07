/**
 * Per cell: is this text TCVN3, VNI or Unicode? Legacy text reaches us as Latin-1 characters
 * ("NhiÖm vô" is TCVN3 for "Nhiệm vụ", "Nhieäm vuï" the same in VNI), so the question only arises
 * for text that holds characters of U+00A1–U+00FF and no Vietnamese letter beyond Latin-1 (a cell
 * with "ệ" or "ư" is Unicode, whatever else it holds). Such text is read three ways and the
 * accented words counted that are real Vietnamese syllables under each reading (syllable.ts);
 * a legacy reading wins only when it makes more of them than the Unicode reading and the cell
 * then reads as Vietnamese overall. English and French words, numbers and dates never change
 * the count in favour of a legacy reading.
 *
 * The font, when the host knows it, settles what the user sees: a ".Vn…" font draws TCVN3, a
 * "VNI-…" font draws VNI; the text is then read in that encoding unless the Unicode reading
 * makes more syllables (Unicode text typed into a cell that kept an old font).
 */
import type { LegacyEncoding } from '../model';
import { decodeTcvn3 } from './tcvn3';
import { isVietnameseSyllable } from './syllable';
import { decodeVni } from './vni';

export type { LegacyEncoding } from '../model';

export interface LegacyFont {
  encoding: LegacyEncoding;
  /** A ".Vn…H" font: TCVN3 drawn in capitals. */
  upper: boolean;
}

/** What a font name says about the encoding of the text it draws, or null for a Unicode font. */
export function legacyFontOf(name: string | null | undefined): LegacyFont | null {
  if (!name) return null;
  const n = name.trim();
  if (/^\.vn/i.test(n)) return { encoding: 'tcvn3', upper: /[a-z0-9 ]H$/.test(n) };
  if (/^vni[- _]/i.test(n)) return { encoding: 'vni', upper: false };
  return null;
}

export type Verdict =
  /** Read as this legacy encoding. */
  | { kind: 'legacy'; encoding: LegacyEncoding; text: string }
  /** Thin evidence: a legacy reading that only ties with the Unicode one, rests on one word of
   * letters Unicode uses too ("Où"), or ties with the other legacy reading ("Thuû" is TCVN3
   * "Thuỷ" and VNI "Thủ"). Taken when the rest of the sheet is in one of these encodings. */
  | { kind: 'ambiguous'; readings: Partial<Record<LegacyEncoding, string>> }
  | { kind: 'unicode'; vietnamese: boolean };

/** Vietnamese letters outside Latin-1, and the combining marks of decomposed text. */
// The combining marks are the point of the class: decomposed Vietnamese is Unicode too.
// eslint-disable-next-line no-misleading-character-class
const UNICODE_VIETNAMESE_RE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300-\u0323\u1ea0-\u1ef9]/;
/** The characters legacy text is made of, besides ASCII. */
const LATIN1_RE = /[\u00a1-\u00ff]/;

const UNICODE_PLAIN: Verdict = { kind: 'unicode', vietnamese: false };
const UNICODE_VIETNAMESE: Verdict = { kind: 'unicode', vietnamese: true };

/** Two regular-expression scans: the text is Unicode Vietnamese, or has no Latin-1 character a
 * legacy encoding uses, or needs the full test (null). Settles nearly every cell of a Unicode
 * sheet; runs on every text cell of every analysis. */
export function quickLook(text: string): Verdict | null {
  if (UNICODE_VIETNAMESE_RE.test(text)) return UNICODE_VIETNAMESE;
  return LATIN1_RE.test(text) ? null : UNICODE_PLAIN;
}

const TOKEN = /[A-Za-z\u00a1-\u00ff]+/g;

interface Counts {
  /** Accented words that are syllables as read. */
  valid: number;
  /** Plain ASCII words that are syllables, and all plain ASCII words (acronyms left out). */
  plainValid: number;
  plain: number;
  /** Words holding a character of U+00A1–U+00FF. */
  accented: number;
}

function isAsciiLetters(w: string): boolean {
  return /^[A-Za-z]+$/.test(w);
}

/** A capital after a small letter ("phÝ", "NhiÖm") is no Vietnamese spelling: in TCVN3 those
 * Latin-1 capitals are small toned letters. */
const MIXED_CASE = /\p{Ll}\p{Lu}/u;

function isSyllable(word: string): boolean {
  return !MIXED_CASE.test(word) && isVietnameseSyllable(word);
}

/** Counts of one reading: `decode` maps an accented word to the letters it is read as. */
function countReading(words: readonly string[], decode: (w: string) => string, withLoneSigns: boolean): Counts {
  const counts: Counts = { valid: 0, plainValid: 0, plain: 0, accented: 0 };
  for (const w of words) {
    if (isAsciiLetters(w)) {
      // "UBND", "CCHC": acronyms say nothing about the language.
      if (w.length >= 2 && w === w.toUpperCase()) continue;
      counts.plain++;
      if (isSyllable(w)) counts.plainValid++;
      continue;
    }
    // A lone sign ("×" in "3×4", "½", "«") is not a word unless the font says it is a letter.
    if (w.length === 1 && !withLoneSigns) continue;
    counts.accented++;
    if (isSyllable(decode(w))) counts.valid++;
  }
  return counts;
}

/** Share of the words that are Vietnamese syllables under a reading. */
function vietnameseShare(c: Counts): number {
  const words = c.plain + c.accented;
  return words === 0 ? 0 : (c.plainValid + c.valid) / words;
}

function decoderOf(encoding: LegacyEncoding, upper: boolean): (s: string) => string {
  return encoding === 'vni' ? decodeVni : (s) => decodeTcvn3(s, { upperFont: upper });
}

/** Toned letters that are rare in Vietnamese words; a reading that makes fewer of them wins a
 * tie ("Chuû trì" is VNI "Chủ trì", not TCVN3 "Chuỷ trỡ"). */
const RARE_LETTERS = /[ẳẵẫẽỗỡỵẲẴẪẼỖỠỴ]/g;

function rareLetters(text: string): number {
  return text.match(RARE_LETTERS)?.length ?? 0;
}

interface Candidate {
  encoding: LegacyEncoding;
  valid: number;
  rare: number;
  text: string;
  /** Only as good as the Unicode reading. */
  tie: boolean;
}

/**
 * Decide how one cell's text is to be read. `font` is the cell's font name, when known.
 *
 * A legacy reading is taken when it makes more accented words real syllables than the Unicode
 * reading does, on more than thin evidence (see Verdict). A text whose every word is good Unicode
 * never becomes VNI ("Hoàn thành" would read "Hồn thành", and the add-in writes it), and becomes
 * TCVN3 only as thin evidence ("Céng" is TCVN3 "Cộng"; TCVN3 leaves "Hoàn thành" as it is). With
 * the font's word for it, a tie with a flawed Unicode reading is taken.
 */
export function detectLegacy(text: string, font?: string | null): Verdict {
  const quick = quickLook(text);
  if (quick) return quick;
  const hint = legacyFontOf(font);
  const words = text.match(TOKEN) ?? [];
  const lone = hint !== null;
  const unicode = countReading(words, (w) => w, lone);
  const unicodeFlawed = unicode.valid < unicode.accented;

  if (hint) {
    const decoded = decoderOf(hint.encoding, hint.upper)(text);
    if (decoded === text) return UNICODE_PLAIN;
    const reading = countReading(words, decoderOf(hint.encoding, false), lone);
    const better = reading.valid > unicode.valid || (reading.valid === unicode.valid && unicodeFlawed);
    return better ? { kind: 'legacy', encoding: hint.encoding, text: decoded } : UNICODE_PLAIN;
  }

  const candidates: Candidate[] = [];
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const decode = decoderOf(encoding, false);
    const reading = countReading(words, decode, false);
    if (reading.valid === 0 || reading.valid < unicode.valid) continue;
    const tie = reading.valid === unicode.valid;
    if (tie && !unicodeFlawed && encoding === 'vni') continue;
    if (vietnameseShare(reading) <= 0.5) continue;
    const decoded = decode(text);
    if (decoded !== text) candidates.push({ encoding, valid: reading.valid, rare: rareLetters(decoded), text: decoded, tie });
  }
  if (candidates.length === 0) return UNICODE_PLAIN;
  candidates.sort((a, b) => b.valid - a.valid || a.rare - b.rare);
  const [best, other] = candidates;
  const tiedEncodings = other !== undefined && other.valid === best.valid && other.rare === best.rare;
  // One word made of letters Unicode Vietnamese (or French) also uses is thin evidence: "Où"
  // is French, though VNI for "Ó". A sign no Vietnamese word holds ("¸" in "Th¸ng") is not.
  const clear = !best.tie && !tiedEncodings && (best.valid >= 2 || hasForeignSign(text));
  if (clear) return { kind: 'legacy', encoding: best.encoding, text: best.text };
  const readings: Partial<Record<LegacyEncoding, string>> = { [best.encoding]: best.text };
  if (tiedEncodings) readings[other.encoding] = other.text;
  return { kind: 'ambiguous', readings };
}

/** Latin-1 letters of Unicode Vietnamese. */
const VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

/** A character of U+00A1–U+00FF that is not a letter of Unicode Vietnamese. */
function hasForeignSign(text: string): boolean {
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xa1 && c <= 0xff && !VIETNAMESE_LATIN1.has(ch)) return true;
  }
  return false;
}

/** The text may be legacy text: it has Latin-1 letters or signs and no Vietnamese letter beyond
 * Latin-1. A cheap first filter for hosts that fetch fonts only where they can matter. */
export function mayBeLegacy(text: string): boolean {
  return quickLook(text) === null;
}

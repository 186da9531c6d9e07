/**
 * VNI Windows: the Vietnamese encoding of the "VNI-…" fonts (VNI-Times, VNI-Helve…). A toned
 * vowel is two bytes, the base letter then a mark byte ("eä" = ệ, "aù" = á); ơ, ư, đ and the
 * toned i and ỵ are single bytes ("ô" = ơ, "ö" = ư, "ñ" = đ, "ò" = ị). As with TCVN3, a workbook
 * stores each byte as the Latin-1 character of the same code.
 *
 * Capitals have their own bytes ("EÄ" = Ệ); the mark's case follows its letter's in well-formed
 * text, but a mark of either case is accepted after a letter and the letter's case is kept.
 */

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';

type Mark = { quality: '' | typeof CIRCUMFLEX | typeof BREVE; tone: string };

/** Mark bytes (small form; the capital form is the same code minus 0x20). */
const MARKS: ReadonlyMap<string, Mark> = new Map<string, Mark>([
  ['ù', { quality: '', tone: ACUTE }],
  ['ø', { quality: '', tone: GRAVE }],
  ['û', { quality: '', tone: HOOK }],
  ['õ', { quality: '', tone: TILDE }],
  ['ï', { quality: '', tone: DOT }],
  ['â', { quality: CIRCUMFLEX, tone: '' }],
  ['á', { quality: CIRCUMFLEX, tone: ACUTE }],
  ['à', { quality: CIRCUMFLEX, tone: GRAVE }],
  ['å', { quality: CIRCUMFLEX, tone: HOOK }],
  ['ã', { quality: CIRCUMFLEX, tone: TILDE }],
  ['ä', { quality: CIRCUMFLEX, tone: DOT }],
  ['ê', { quality: BREVE, tone: '' }],
  ['é', { quality: BREVE, tone: ACUTE }],
  ['è', { quality: BREVE, tone: GRAVE }],
  ['ú', { quality: BREVE, tone: HOOK }],
  ['ü', { quality: BREVE, tone: TILDE }],
  ['ë', { quality: BREVE, tone: DOT }],
]);

/** Single bytes that are whole letters (small form). */
const SINGLES: ReadonlyMap<string, string> = new Map([
  ['í', 'í'],
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['ò', 'ị'],
  ['î', 'ỵ'],
  ['ô', 'ơ'],
  ['ö', 'ư'],
  ['ñ', 'đ'],
]);

/** Letters a mark byte may follow: the vowels that take a tone, and ơ, ư as their bytes. */
const BASES = new Set(['a', 'e', 'o', 'u', 'y', 'ô', 'ö']);

function markOf(ch: string): Mark | undefined {
  return MARKS.get(ch) ?? MARKS.get(ch.toLowerCase());
}

/** The mark can sit on this (small) base letter. */
function fits(base: string, mark: Mark): boolean {
  if (mark.quality === CIRCUMFLEX) return base === 'a' || base === 'e' || base === 'o';
  if (mark.quality === BREVE) return base === 'a';
  return true;
}

function single(ch: string): string | undefined {
  const small = ch.toLowerCase();
  const letter = SINGLES.get(small);
  if (letter === undefined) return undefined;
  return ch === small ? letter : letter.toUpperCase();
}

/** VNI text → Unicode (NFC). Characters that are not VNI codes are kept. */
export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const small = ch.toLowerCase();
    const isCapital = ch !== small;
    if (BASES.has(small)) {
      const base = single(ch) ?? ch;
      const next = i + 1 < text.length ? text[i + 1] : '';
      const mark = next ? markOf(next) : undefined;
      // ơ and ư (bytes ô, ö) take a tone mark only.
      const horned = small === 'ô' || small === 'ö';
      if (mark && (horned ? mark.quality === '' : fits(small, mark))) {
        const composed = (base + mark.quality + mark.tone).normalize('NFC');
        out += isCapital ? composed.toUpperCase() : composed;
        i++;
        continue;
      }
      out += base;
      continue;
    }
    out += single(ch) ?? ch;
  }
  return out.normalize('NFC');
}

const TONE_BYTE: Readonly<Record<string, string>> = { [ACUTE]: 'ù', [GRAVE]: 'ø', [HOOK]: 'û', [TILDE]: 'õ', [DOT]: 'ï' };
const CIRCUMFLEX_BYTE: Readonly<Record<string, string>> = { '': 'â', [ACUTE]: 'á', [GRAVE]: 'à', [HOOK]: 'å', [TILDE]: 'ã', [DOT]: 'ä' };
const BREVE_BYTE: Readonly<Record<string, string>> = { '': 'ê', [ACUTE]: 'é', [GRAVE]: 'è', [HOOK]: 'ú', [TILDE]: 'ü', [DOT]: 'ë' };
const I_BYTE: Readonly<Record<string, string>> = { [ACUTE]: 'í', [GRAVE]: 'ì', [HOOK]: 'æ', [TILDE]: 'ó', [DOT]: 'ò' };

/** One Unicode letter → its VNI bytes, or undefined when it is not a Vietnamese letter. */
function encodeLetter(ch: string): string | undefined {
  if (ch === 'đ') return 'ñ';
  if (ch === 'Đ') return 'Ñ';
  const parts = ch.normalize('NFD');
  const base = parts[0];
  const small = base.toLowerCase();
  if (!/^[aeiouy]$/.test(small)) return undefined;
  const marks = parts.slice(1);
  const tone = [ACUTE, GRAVE, HOOK, TILDE, DOT].find((t) => marks.includes(t)) ?? '';
  const capital = base !== small;
  const cased = (s: string) => (capital ? s.toUpperCase() : s);
  if (marks.includes(HORN)) return cased((small === 'o' ? 'ô' : 'ö') + (tone ? TONE_BYTE[tone] : ''));
  if (marks.includes(CIRCUMFLEX)) return cased(small + CIRCUMFLEX_BYTE[tone]);
  if (marks.includes(BREVE)) return cased(small + BREVE_BYTE[tone]);
  if (!tone) return undefined;
  if (small === 'i') return cased(I_BYTE[tone]);
  if (small === 'y' && tone === DOT) return cased('î');
  return cased(small + TONE_BYTE[tone]);
}

/** Unicode → VNI, as a legacy editor would have stored it (tests, and the inverse of the
 * tables). Characters VNI does not change are kept. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += encodeLetter(ch) ?? ch;
  return out;
}

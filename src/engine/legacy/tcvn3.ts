/**
 * TCVN3 (TCVN 5712:1993 VN3, "ABC"): the single-byte Vietnamese encoding of the ".Vn…" fonts
 * (.VnTime, .VnArial…). A workbook stores each byte as the Latin-1 character of the same code
 * (0xD6 is kept as "Ö" and drawn as "ệ" by the font), which is what a host reads.
 *
 * VN3 has lower-case toned letters only, plus the seven upper-case base letters Ă Â Ê Ô Ơ Ư Đ.
 * Capitals with a tone are written with the companion ".Vn…H" font (.VnTimeH, .VnArialH), which
 * draws every code, the ASCII letters included, as a capital: text in such a font is decoded
 * and then upper-cased.
 */

/** Code (as its Latin-1 character) → Unicode letter. */
const TCVN3_TABLE: Readonly<Record<string, string>> = {
  '\u00a1': 'Ă', '\u00a2': 'Â', '\u00a3': 'Ê', '\u00a4': 'Ô', '\u00a5': 'Ơ', '\u00a6': 'Ư', '\u00a7': 'Đ',
  '\u00a8': 'ă', '\u00a9': 'â', '\u00aa': 'ê', '\u00ab': 'ô', '\u00ac': 'ơ', '\u00ad': 'ư', '\u00ae': 'đ',
  '\u00b5': 'à', '\u00b6': 'ả', '\u00b7': 'ã', '\u00b8': 'á', '\u00b9': 'ạ',
  '\u00bb': 'ằ', '\u00bc': 'ẳ', '\u00bd': 'ẵ', '\u00be': 'ắ', '\u00c6': 'ặ',
  '\u00c7': 'ầ', '\u00c8': 'ẩ', '\u00c9': 'ẫ', '\u00ca': 'ấ', '\u00cb': 'ậ',
  '\u00cc': 'è', '\u00ce': 'ẻ', '\u00cf': 'ẽ', '\u00d0': 'é', '\u00d1': 'ẹ',
  '\u00d2': 'ề', '\u00d3': 'ể', '\u00d4': 'ễ', '\u00d5': 'ế', '\u00d6': 'ệ',
  '\u00d7': 'ì', '\u00d8': 'ỉ', '\u00dc': 'ĩ', '\u00dd': 'í', '\u00de': 'ị',
  '\u00df': 'ò', '\u00e1': 'ỏ', '\u00e2': 'õ', '\u00e3': 'ó', '\u00e4': 'ọ',
  '\u00e5': 'ồ', '\u00e6': 'ổ', '\u00e7': 'ỗ', '\u00e8': 'ố', '\u00e9': 'ộ',
  '\u00ea': 'ờ', '\u00eb': 'ở', '\u00ec': 'ỡ', '\u00ed': 'ớ', '\u00ee': 'ợ',
  '\u00ef': 'ù', '\u00f1': 'ủ', '\u00f2': 'ũ', '\u00f3': 'ú', '\u00f4': 'ụ',
  '\u00f5': 'ừ', '\u00f6': 'ử', '\u00f7': 'ữ', '\u00f8': 'ứ', '\u00f9': 'ự',
  '\u00fa': 'ỳ', '\u00fb': 'ỷ', '\u00fc': 'ỹ', '\u00fd': 'ý', '\u00fe': 'ỵ',
};

const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = new Map(Object.entries(TCVN3_TABLE));

/** Unicode letter → code; a capital with a tone, which VN3 lacks, → the code of its small
 * letter (what the ".Vn…H" fonts draw as that capital). */
const UNICODE_TO_TCVN3: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [code, letter] of TCVN3_TO_UNICODE) m.set(letter, code);
  for (const [code, letter] of TCVN3_TO_UNICODE) {
    const upper = letter.toUpperCase();
    if (!m.has(upper)) m.set(upper, code);
  }
  return m;
})();

/** The character is a TCVN3 code of a Vietnamese letter (one a Unicode reading would not
 * give). */
export function isTcvn3Code(ch: string): boolean {
  const letter = TCVN3_TO_UNICODE.get(ch);
  return letter !== undefined && letter !== ch;
}

export interface Tcvn3DecodeOptions {
  /** The text is in a ".Vn…H" font: every letter is a capital. */
  upperFont?: boolean;
}

/**
 * TCVN3 text → Unicode (NFC). Without the capitals font, a word whose ASCII letters are all
 * capitals ("NHIÖM") is taken as typed in capitals throughout ("NHIỆM"), and so is a whole text
 * whose ASCII letters are all capitals ("Vô" in "NHIÖM Vô").
 */
export function decodeTcvn3(text: string, options: Tcvn3DecodeOptions = {}): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  if (options.upperFont) return out.toUpperCase().normalize('NFC');
  if (allCapitals(text)) return out.toUpperCase().normalize('NFC');
  return out.replace(/[^\s\-–—/,;:.()]+/g, (word, offset: number) => (allCapitals(text.slice(offset, offset + word.length)) ? word.toUpperCase() : word)).normalize('NFC');
}

/** At least two ASCII letters, none of them small. */
function allCapitals(s: string): boolean {
  let capitals = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capitals++;
  }
  return capitals >= 2;
}

/**
 * Unicode → TCVN3, as a legacy editor would have stored it (tests, and the inverse of the
 * table). Capitals with a tone take their small letter's code: decode such text with
 * `upperFont`. Characters VN3 cannot hold are kept as they are.
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += UNICODE_TO_TCVN3.get(ch) ?? ch;
  return out;
}

/** The Vietnamese alphabet generated from its parts: every vowel with every tone, and đ. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** Every small letter: 12 vowels × 6 tones, and đ (73 letters), NFC. */
export function smallLetters(): string[] {
  const out: string[] = [];
  for (const v of VOWELS) for (const t of TONES) out.push((v + t).normalize('NFC'));
  out.push('đ');
  return out;
}

/** A syllable carrying the letter: "t" + letter + "n" ("tặn", "tờn"), "ty…" for y, "đi" for đ. */
export function syllableWith(letter: string): string {
  const base = letter.normalize('NFD')[0].toLowerCase();
  if (letter.toLowerCase() === 'đ') return `${letter}i`;
  return base === 'y' ? `t${letter}` : `t${letter}n`;
}

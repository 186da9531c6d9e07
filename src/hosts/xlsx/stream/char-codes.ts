/**
 * The characters the XML scanners look for, as char codes (the same in a UTF-16 string and in
 * UTF-8 bytes: every byte of a multi-byte UTF-8 character is ≥ 0x80), shared by the string
 * scanner (xml.ts) and the byte fast path (sheet-data.ts, feed.ts).
 */
export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const EQUALS = 0x3d;
export const QUOTE = 0x22;
export const APOS = 0x27;
export const AMP = 0x26;
export const BANG = 0x21;
export const QUESTION = 0x3f;

/** XML white space. */
export function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

/** A character that ends an element's name: white space, "/" or ">". */
export function isNameEnd(ch: number): boolean {
  return isSpace(ch) || ch === SLASH || ch === GT;
}

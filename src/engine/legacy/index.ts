/** Pre-Unicode Vietnamese text (TCVN3, VNI): detection per cell and reading as Unicode. */
export { decodeTcvn3, encodeTcvn3 } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
export { detectLegacy, legacyFontOf, mayBeLegacy, type LegacyFont, type Verdict } from './detect';
export { decodeLegacyGrid, readSheetTexts, type DecodedGrid, type LegacyReading, type SheetText } from './sheet';
export { isVietnameseSyllable } from './syllable';
export type { LegacyCell, LegacyEncoding } from '../model';

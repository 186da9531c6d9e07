/**
 * The font names the engine uses: a ".Vn…" (TCVN3) or "VNI-…" font tells how a cell's legacy
 * text is to be read, another font that the text is Unicode as shown (src/engine/legacy). Only
 * the fonts of text that may be legacy text are passed on: a Unicode workbook's grid carries few
 * font names, or none.
 */
import { legacyFontOf } from '../../engine/legacy/detect';

interface FontLike {
  name?: unknown;
}

export interface FontedCellLike {
  value: unknown;
  font?: FontLike;
}

function legacyName(font: FontLike | undefined): string | null {
  const name = font?.name;
  return typeof name === 'string' && legacyFontOf(name) ? name : null;
}

function nameOf(font: FontLike | undefined): string | null {
  return typeof font?.name === 'string' && font.name !== '' ? font.name : null;
}

/** The font the cell's text is drawn in, when known: for rich text, the first run in a legacy
 * font, else the first run's font, else the cell's. */
export function textFontName(cell: FontedCellLike): string | null {
  const value = cell.value as { richText?: { font?: FontLike }[] } | null;
  if (value && typeof value === 'object' && Array.isArray(value.richText)) {
    const runs = value.richText;
    for (const run of runs) {
      const name = legacyName(run?.font);
      if (name) return name;
    }
    const first = nameOf(runs[0]?.font);
    if (first) return first;
  }
  return nameOf(cell.font);
}

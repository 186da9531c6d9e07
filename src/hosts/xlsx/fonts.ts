/**
 * The font names the engine uses: a ".Vn…" (TCVN3) or "VNI-…" font tells how a cell's legacy
 * text is to be read (src/engine/legacy). Other fonts are not passed on, so a Unicode workbook's
 * grid carries no font table at all.
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

/** The cell's font when it is a legacy font; for rich text, the first run in one. */
export function legacyFontName(cell: FontedCellLike): string | null {
  const value = cell.value as { richText?: { font?: FontLike }[] } | null;
  if (value && typeof value === 'object' && Array.isArray(value.richText)) {
    for (const run of value.richText) {
      const name = legacyName(run?.font);
      if (name) return name;
    }
  }
  return legacyName(cell.font);
}

/**
 * Addresses as Excel returns them ("Sheet1!A1:H40", "'Phụ lục 1'!B7", comma-separated areas for
 * RangeAreas) to 0-based rectangles, and the few unit conversions the executor needs.
 */
import type { CellRange } from '../../engine/model';
import { columnLetter, parseA1Range } from '../../engine/text';

/** Split a RangeAreas address on the commas that separate areas (not those inside a quoted
 * sheet name). */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** "Sheet!A1:B2" or "A1" → 0-based rectangle (the sheet part is dropped: the address after the
 * last "!" never contains one). */
export function areaRect(area: string): CellRange {
  const ref = area.slice(area.lastIndexOf('!') + 1);
  return parseA1Range(ref);
}

export function areasRects(address: string): CellRange[] {
  return splitAreas(address).map(areaRect);
}

/** Sheet name as Excel references it: quoted unless plain letters, digits and underscores. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Whole columns "B:D" of a rectangle. */
export function columnsAddress(left: number, right: number): string {
  return `${columnLetter(left)}:${columnLetter(right)}`;
}

/**
 * Column width in characters (of the default font's digits, Excel's own unit) to points, the
 * unit of Range.format.columnWidth: Excel pads a column by 5 pixels and a Calibri 11 digit is 7
 * pixels wide; 96 pixels make 72 points.
 */
export function charactersToPoints(characters: number): number {
  const pixels = Math.round(characters * 7 + 5);
  return pixels * 0.75;
}

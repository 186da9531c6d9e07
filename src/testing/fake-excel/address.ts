/**
 * Addresses as Excel's JavaScript API writes and reads them: "A1", "A1:C9", "$A$1", whole
 * columns "B:D", whole rows "3:7", optionally prefixed by a sheet name ("Sheet1!A1",
 * "'Phụ lục 1'!A1:H9"), and comma-separated lists for RangeAreas. The text is parsed and written
 * by the one A1 module (src/engine/a1.ts), as in the hosts; what is the fake's own is the
 * geometry of rectangles (intersections, containment) and the strictness about Excel's grid.
 */
import { MAX_COLS, MAX_ROWS, a1, a1Range, columnIndex, columnLetter, parseQualifiedA1, qualifiedA1, splitAreas } from '../../engine/a1';
import type { CellRange } from '../../engine/model';

export { MAX_COLS, MAX_ROWS };

// The fake's other files know the A1 module's functions and CellRange under these names.
/** 0-based, inclusive. */
export type Rect = CellRange;
export const colLetters = (col: number): string => columnLetter(col);
export const colIndex = (letters: string): number => columnIndex(letters);
export const cellKey = (row: number, col: number): string => a1(row, col);
/** "A1", "A1:C9", "B:D" (whole columns) or "3:7" (whole rows), without sheet. */
export const rectRef = (rect: Rect): string => a1Range(rect);
export const qualified = (sheetName: string, rect: Rect): string => qualifiedA1(sheetName, rect);

/** One rectangular area, with its sheet name when the address names one. Throws on nonsense. */
export function parseArea(address: string): { sheet: string | null; rect: Rect } {
  const { sheet, range } = parseQualifiedA1(address);
  return { sheet, rect: range };
}

export function parseAreas(address: string): { sheet: string | null; rect: Rect }[] {
  return splitAreas(address).map(parseArea);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

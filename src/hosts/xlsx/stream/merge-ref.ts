/**
 * A merge's ref as Excel, LibreOffice and exceljs write it ("B7:C9", "D4"), read in place from
 * the tag's text: a sheet may hold tens of thousands of merges, and the general reading (the
 * attribute as a string, then parseA1Range) costs several objects each. Anything else — "$",
 * lower case, spaces, a sheet name, whole rows or columns, a reference outside Excel's grid —
 * is left to the general reading (undefined), which decides as before.
 */
import type { CellRange } from '../../../engine/model';
import { MAX_COLS, MAX_ROWS } from './rows';

/** Reads [A-Z]{1,3}[0-9]{1,7} at `at`, up to `to`; returns where it ends (or -1), the cell in `cell`. */
function plainCell(s: string, at: number, to: number, cell: { row: number; col: number }): number {
  let i = at;
  let col = 0;
  for (let c = s.charCodeAt(i); i < to && c >= 65 && c <= 90; c = s.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === at || i - at > 3) return -1;
  const digitsAt = i;
  let row = 0;
  for (let c = s.charCodeAt(i); i < to && c >= 48 && c <= 57; c = s.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === digitsAt || i - digitsAt > 7 || row < 1 || row > MAX_ROWS || col > MAX_COLS) return -1;
  cell.row = row - 1;
  cell.col = col - 1;
  return i;
}

/** The range of a plain ref in s[from, to) (0-based, corners in order), or undefined. */
export function plainMergeRange(s: string, from: number, to: number): CellRange | undefined {
  const a = { row: 0, col: 0 };
  const end = plainCell(s, from, to, a);
  if (end === to) return { top: a.row, left: a.col, bottom: a.row, right: a.col };
  const b = { row: 0, col: 0 };
  if (end === -1 || s.charCodeAt(end) !== 0x3a /* : */ || plainCell(s, end + 1, to, b) !== to) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

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

/** `<mergeCell ref="`: the start of the one shape of a merge the sheet's fast path reads. */
const MERGE_OPEN = Uint8Array.from('<mergeCell ref="', (ch) => ch.charCodeAt(0));

/** As plainCell, over bytes. */
function plainCellBytes(b: Uint8Array, at: number, cell: { row: number; col: number }): number {
  let i = at;
  let col = 0;
  for (let c = b[i]; i < b.length && c >= 65 && c <= 90; c = b[++i]) col = col * 26 + (c - 64);
  if (i === at || i - at > 3) return -1;
  const digitsAt = i;
  let row = 0;
  for (let c = b[i]; i < b.length && c >= 48 && c <= 57; c = b[++i]) row = row * 10 + (c - 48);
  if (i === digitsAt || i - digitsAt > 7 || row < 1 || row > MAX_ROWS || col > MAX_COLS) return -1;
  cell.row = row - 1;
  cell.col = col - 1;
  return i;
}

const first = { row: 0, col: 0 };
const second = { row: 0, col: 0 };

/**
 * A whole `<mergeCell ref="…"/>` at b[at…] whose ref is plain: its range, the element's end in
 * `end[0]`. Undefined for any other bytes (another element, another shape, an element cut by
 * the end of `b`): the general path reads those, to the same range (sheet.ts's plainMerge, then
 * plainMergeRange, for this shape).
 */
export function plainMergeElement(b: Uint8Array, at: number, end: number[]): CellRange | undefined {
  if (at + MERGE_OPEN.length > b.length) return undefined;
  for (let k = 0; k < MERGE_OPEN.length; k++) if (b[at + k] !== MERGE_OPEN[k]) return undefined;
  let i = plainCellBytes(b, at + MERGE_OPEN.length, first);
  if (i < 0) return undefined;
  let range: CellRange;
  if (b[i] === 0x3a /* : */) {
    i = plainCellBytes(b, i + 1, second);
    if (i < 0) return undefined;
    range = { top: Math.min(first.row, second.row), left: Math.min(first.col, second.col), bottom: Math.max(first.row, second.row), right: Math.max(first.col, second.col) };
  } else {
    range = { top: first.row, left: first.col, bottom: first.row, right: first.col };
  }
  if (i + 3 > b.length || b[i] !== 0x22 || b[i + 1] !== 0x2f || b[i + 2] !== 0x3e) return undefined;
  end[0] = i + 3;
  return range;
}

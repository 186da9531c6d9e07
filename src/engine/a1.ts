/**
 * A1 notation, the one implementation: column letters, cell and range references, sheet-name
 * quoting, and the parser for the addresses Excel and exceljs hand back.
 *
 * Why it lives in the engine rather than under src/hosts: the engine and the report write Excel
 * formulas (the highlight rules, the report's totals and rates), and a formula holds A1
 * references; neither layer may import from the hosts. Everything else is numeric: change sets
 * and report sheets carry CellRange (0-based, inclusive), and A1 text is made from them only in
 * formulas and at the edges — the Office.js host, the exceljs host and the fake Excel all import
 * this module and have no A1 code of their own.
 */
import type { CellRange } from './model';

/** Excel's grid: rows 1…1,048,576, columns A…XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Which parts of a reference carry a "$": the column ($B7), the row (B$7) or both ($B$7). */
export type Anchor = 'col' | 'row' | 'both';

/** Column index (0-based) to Excel letters: 0 → A, 27 → AB. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel letters to column index (0-based): A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colPart(col: number, anchor: Anchor | undefined): string {
  return anchor === 'col' || anchor === 'both' ? `$${columnLetter(col)}` : columnLetter(col);
}

function rowPart(row: number, anchor: Anchor | undefined): string {
  return anchor === 'row' || anchor === 'both' ? `$${row + 1}` : String(row + 1);
}

/** A1 reference of a 0-based cell: a1(6, 1) → "B7", a1(6, 1, 'col') → "$B7". */
export function a1(row: number, col: number, anchor?: Anchor): string {
  return colPart(col, anchor) + rowPart(row, anchor);
}

/** A1 reference of a 0-based rectangle: "B7" for one cell, "B7:F20", and as Excel writes them,
 * "B:D" for whole columns and "3:7" for whole rows. */
export function a1Range(range: CellRange, anchor?: Anchor): string {
  const { top, left, bottom, right } = range;
  if (top === 0 && bottom === MAX_ROWS - 1) return `${colPart(left, anchor)}:${colPart(right, anchor)}`;
  if (left === 0 && right === MAX_COLS - 1) return `${rowPart(top, anchor)}:${rowPart(bottom, anchor)}`;
  const first = a1(top, left, anchor);
  return top === bottom && left === right ? first : `${first}:${a1(bottom, right, anchor)}`;
}

/** The rectangle of whole rows first…last (0-based). */
export function wholeRows(first: number, last: number): CellRange {
  return { top: first, left: 0, bottom: last, right: MAX_COLS - 1 };
}

/** The rectangle of whole columns first…last (0-based). */
export function wholeColumns(first: number, last: number): CellRange {
  return { top: 0, left: first, bottom: MAX_ROWS - 1, right: last };
}

/** Sheet name as a reference writes it ("Sheet1", "'Phụ lục 1'", "'It''s'"): quoted unless it
 * is plain ASCII letters, digits, "_" and "." that cannot be read as a cell reference, as Excel
 * itself writes addresses. A quoted name is accepted everywhere. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!B7" with the sheet name quoted when it must be. */
export function qualifiedA1(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${a1Range(range)}`;
}

function unquoteSheet(s: string): string {
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** "B7" or "B7:F20" (capital letters, "$" allowed): read by hand, the common case (a sheet's
 * merges and validations hold thousands); null for anything else, which the regexes then read. */
function plainRef(ref: string): CellRange | null {
  const first = plainCell(ref, 0);
  if (first < 0) return null;
  const [r1, c1] = [cellRow, cellCol];
  if (first === ref.length) return { top: r1, left: c1, bottom: r1, right: c1 };
  if (ref.charCodeAt(first) !== 58 /* : */ || plainCell(ref, first + 1) !== ref.length) return null;
  return { top: Math.min(r1, cellRow), left: Math.min(c1, cellCol), bottom: Math.max(r1, cellRow), right: Math.max(c1, cellCol) };
}

let cellRow = 0;
let cellCol = 0;

/** Reads $?[A-Z]{1,3}$?[0-9]{1,7} at `at` into cellRow/cellCol (0-based); returns where it
 * ends, or -1. */
function plainCell(s: string, at: number): number {
  let i = at;
  if (s.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersAt = i;
  for (let c = s.charCodeAt(i); c >= 65 && c <= 90; c = s.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === lettersAt || i - lettersAt > 3) return -1;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsAt = i;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === digitsAt || i - digitsAt > 7) return -1;
  cellRow = row - 1;
  cellCol = col - 1;
  return i;
}

function parseRef(ref: string): CellRange | null {
  const plain = plainRef(ref);
  if (plain) return plain;
  const cols = COLUMNS.exec(ref);
  if (cols) return wholeColumns(Math.min(columnIndex(cols[1]), columnIndex(cols[2])), Math.max(columnIndex(cols[1]), columnIndex(cols[2])));
  const rows = ROWS.exec(ref);
  if (rows) return wholeRows(Math.min(Number(rows[1]), Number(rows[2])) - 1, Math.max(Number(rows[1]), Number(rows[2])) - 1);
  const [a, b, extra] = ref.split(':');
  const first = CELL.exec(a);
  const second = b === undefined ? first : CELL.exec(b);
  if (!first || !second || extra !== undefined) return null;
  const [r1, r2] = [Number(first[2]) - 1, Number(second[2]) - 1];
  const [c1, c2] = [columnIndex(first[1]), columnIndex(second[1])];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** One area, "B7", "$B$7:F20", "B:D", "3:7", optionally after a sheet name ("'Phụ lục'!B7"),
 * to its sheet (null when the address names none) and 0-based rectangle. Corners may come in
 * either order. Throws on anything else, and on a cell outside Excel's grid. */
export function parseQualifiedA1(address: string): { sheet: string | null; range: CellRange } {
  const text = address.trim();
  // A sheet name may hold "!", a reference never does: the last one separates them.
  const bang = text.lastIndexOf('!');
  const sheet = bang >= 0 ? unquoteSheet(text.slice(0, bang).trim()) : null;
  const range = parseRef((bang >= 0 ? text.slice(bang + 1) : text).trim());
  if (!range || range.top < 0 || range.left < 0 || range.bottom >= MAX_ROWS || range.right >= MAX_COLS) {
    throw new Error(`not an A1 address: ${address}`);
  }
  return { sheet, range };
}

/** "B7" or "Sheet1!B7:F20" → 0-based rectangle (the sheet name is dropped). */
export function parseA1Range(address: string): CellRange {
  return parseQualifiedA1(address).range;
}

/** Split a list of areas ("Sheet1!A1:C4, 'a, b'!A6") on the commas that separate them, not
 * those inside a quoted sheet name. An empty area inside the list is kept, for the parser to
 * refuse. */
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
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** A RangeAreas address to its rectangles. */
export function parseA1Areas(address: string): CellRange[] {
  return splitAreas(address).map(parseA1Range);
}

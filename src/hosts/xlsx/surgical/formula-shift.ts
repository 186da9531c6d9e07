/**
 * Moving a formula's relative references by a number of rows and columns, as Excel does when a
 * formula is filled. Needed in one place: when the tool overwrites the cell that holds a shared
 * formula's text (its "master") while other cells still use it, the next of those cells becomes
 * the master and must hold the formula as seen from where it is.
 *
 * String literals, quoted sheet names, structured references ([…]) and function names are left
 * alone; a reference's sheet prefix is kept; "$" parts do not move.
 */
import { columnIndex, columnLetter, MAX_COLS, MAX_ROWS } from '../../../engine/a1';

/** A column or row reference part, maybe anchored. */
const COL = '(\\$?)([A-Za-z]{1,3})';
const ROW = '(\\$?)([0-9]{1,7})';
const CELL_RE = new RegExp(`^${COL}${ROW}`);
const COLS_RE = new RegExp(`^${COL}:${COL}(?![0-9A-Za-z_(])`);
const ROWS_RE = new RegExp(`^${ROW}:${ROW}(?![0-9A-Za-z_(.])`);

function moveCol(anchor: string, letters: string, by: number): string | null {
  if (anchor) return `$${letters.toUpperCase()}`;
  const col = columnIndex(letters) + by;
  return col >= 0 && col < MAX_COLS ? columnLetter(col) : null;
}

function moveRow(anchor: string, digits: string, by: number): string | null {
  if (anchor) return `$${digits}`;
  const row = Number(digits) + by;
  return row >= 1 && row <= MAX_ROWS ? String(row) : null;
}

/** A reference at the start of `rest`, moved; null when `rest` does not start with one. */
function moveReference(rest: string, dRow: number, dCol: number): { text: string; length: number } | null {
  const rows = ROWS_RE.exec(rest);
  if (rows) {
    const [a, b] = [moveRow(rows[1], rows[2], dRow), moveRow(rows[3], rows[4], dRow)];
    return { text: a && b ? `${a}:${b}` : '#REF!', length: rows[0].length };
  }
  const cols = COLS_RE.exec(rest);
  if (cols && columnIndex(cols[2]) < MAX_COLS && columnIndex(cols[4]) < MAX_COLS) {
    const [a, b] = [moveCol(cols[1], cols[2], dCol), moveCol(cols[3], cols[4], dCol)];
    return { text: a && b ? `${a}:${b}` : '#REF!', length: cols[0].length };
  }
  const cell = CELL_RE.exec(rest);
  if (!cell || columnIndex(cell[2]) >= MAX_COLS) return null;
  const after = rest[cell[0].length] ?? '';
  // "LOG10(", "A1B", "A1.x" are names, not references.
  if (/[A-Za-z0-9_(.]/.test(after)) return null;
  const col = moveCol(cell[1], cell[2], dCol);
  const row = moveRow(cell[3], cell[4], dRow);
  return { text: col && row ? col + row : '#REF!', length: cell[0].length };
}

/** Skip a quoted run starting at `i` (the quote itself), doubled quotes inside. */
function quotedEnd(formula: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < formula.length) {
    if (formula[j] === quote) {
      if (formula[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      // Structured reference or external book index: copied whole, nested brackets included.
      let depth = 0;
      let j = i;
      do {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']') depth--;
        j++;
      } while (depth > 0 && j < formula.length);
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!/[A-Za-z0-9_.]/.test(prev)) {
      const moved = moveReference(formula.slice(i, i + 24), dRow, dCol);
      if (moved) {
        out += moved.text;
        i += moved.length;
        continue;
      }
    }
    // A name or function: copy the whole word so its tail is never read as a reference.
    const word = /^[A-Za-z0-9_.\\]+/.exec(formula.slice(i));
    const length = word ? word[0].length : 1;
    out += formula.slice(i, i + length);
    i += length;
  }
  return out;
}

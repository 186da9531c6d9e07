/**
 * Text helpers shared by every recogniser: what counts as empty, NFC, and a folded form for
 * tolerant matching (lower case, no diacritics, đ→d, single spaces).
 */
import type { CellValue } from './model';

const ERROR_RE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** The cell holds an Excel error value ("#REF!", "#N/A"…). */
export function cellError(value: CellValue): string | null {
  return typeof value === 'string' && ERROR_RE.test(value.trim()) ? value.trim().toUpperCase() : null;
}

/** NFC, tags left by HTML conversions removed, runs of white space folded, trimmed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, ' ')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}

/** Text of a cell as the rules see it: numbers and booleans as text, errors and lone dashes and
 * white space as "". */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (cellError(value)) return '';
  const t = cleanText(value);
  return /^[-–—]+$/.test(t) ? '' : t;
}

export function isEmptyCell(value: CellValue): boolean {
  return cellText(value) === '' && !cellError(value);
}

/** Lower case, no diacritics (đ→d), single spaces: for tolerant comparisons only. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

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

/** A1 address of a 0-based cell. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A1 address of a 0-based rectangle. */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  return top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
}

/** Parse "B7" or "B7:F20" into a 0-based rectangle. */
export function parseA1Range(address: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.replace(/^.*!/, ''));
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return { top, left, bottom, right };
}

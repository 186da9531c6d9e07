/**
 * The cells of an existing row read from its bytes, never decoded: where they end and the
 * columns they hold. This is what the writer's append fast path (sheet-data.ts) needs to leave
 * the row's text as it is and add the tool's cells after it. The cells are found exactly as the
 * general path finds them (RowEditor.mergeCells: the next "<c", its first ">", the next "</c>"),
 * so that both read the same cells; anything the general path would treat specially — a cell
 * without a readable reference (it gets one written), an element that is not a cell (refused),
 * a row without cells — answers null, and the general path takes the row.
 */
import { columnIndex } from '../../../engine/a1';

/** The reference attribute of a cell's start tag: its column letters. */
export const CELL_R_ATTR = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?[0-9]+["']/;

export interface RowCells {
  /** Smallest and largest column (0-based) of the row's cells. */
  minCol: number;
  maxCol: number;
  /** Offset just after the last cell's element. */
  end: number;
}

/** First offset of `needle` in data[from, to), or -1. */
function find(data: Buffer, needle: Buffer, from: number, to: number): number {
  const first = needle[0];
  const last = to - needle.length;
  for (let i = from; i <= last; i++) {
    if (data[i] !== first) continue;
    let j = 1;
    while (j < needle.length && data[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function findByte(data: Buffer, byte: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (data[i] === byte) return i;
  return -1;
}

/** The byte ends an element's name as the general path's endsName() sees it: ASCII white
 * space, "/" or ">" (a non-ASCII space there sends the row to the general path). */
function endsName(byte: number): boolean {
  return byte === 0x20 || byte === 0x3e || byte === 0x2f || (byte >= 0x09 && byte <= 0x0d);
}

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isQuote(byte: number): boolean {
  return byte === 0x22 || byte === 0x27;
}

/**
 * The column of the cell whose start tag is data[lt, gt], as CELL_R_ATTR reads it, or -1 when
 * it has no reference that pattern reads. `nameEnd` is the offset just after the element's
 * name. The common shape — ` r="AB12"` right after the name — is read from the bytes: no match
 * of the pattern can start earlier, and a shape read whole here is the match it finds. Any
 * other shape is decoded and given to the pattern itself.
 */
function cellColumn(data: Buffer, lt: number, nameEnd: number, gt: number): number {
  let i = nameEnd;
  if (data[i] === 0x20 && data[i + 1] === 0x72 && data[i + 2] === 0x3d && isQuote(data[i + 3])) {
    i += 4;
    if (data[i] === 0x24) i++;
    let n = 0;
    let letters = 0;
    while (letters < 4 && isLetter(data[i])) {
      n = n * 26 + ((data[i] & 0xdf) - 64);
      letters++;
      i++;
    }
    if (letters >= 1 && letters <= 3) {
      if (data[i] === 0x24) i++;
      const digitsFrom = i;
      while (isDigit(data[i])) i++;
      if (i > digitsFrom && i <= gt && isQuote(data[i])) return n - 1;
    }
  }
  const ref = CELL_R_ATTR.exec(data.toString('utf8', lt, gt + 1));
  return ref ? columnIndex(ref[1]) : -1;
}

/**
 * The cells of the row content data[from, to) (between the row's start tag and its end tag);
 * `open` is "<c" with the sheet's prefix, `close` "</c>" likewise. Null when the general path
 * must read the row (see the top of this file).
 */
export function scanRowCells(data: Buffer, from: number, to: number, open: Buffer, close: Buffer): RowCells | null {
  let minCol = Infinity;
  let maxCol = -1;
  let end = -1;
  let at = from;
  while (at < to) {
    const lt = find(data, open, at, to);
    if (lt < 0) break;
    const nameEnd = lt + open.length;
    if (nameEnd >= to || !endsName(data[nameEnd])) return null;
    const gt = findByte(data, 0x3e, nameEnd, to);
    if (gt < 0) return null;
    let cellEnd = gt + 1;
    if (data[gt - 1] !== 0x2f) {
      const closeAt = find(data, close, gt, to);
      if (closeAt < 0) return null;
      cellEnd = closeAt + close.length;
    }
    const col = cellColumn(data, lt, nameEnd, gt);
    if (col < 0) return null;
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
    end = at = cellEnd;
  }
  return maxCol < 0 ? null : { minCol, maxCol, end };
}

/**
 * A1 addresses as Excel's JavaScript API writes and reads them: "A1", "A1:C9", "$A$1", whole
 * columns "B:D", whole rows "3:7", optionally prefixed by a sheet name ("Sheet1!A1",
 * "'Phụ lục 1'!A1:H9"), and comma-separated lists for RangeAreas. Kept apart from the host's own
 * parser on purpose: the fake is an independent check of what the host sends.
 */

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellKey(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** Split on commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted) {
      parts.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim() !== '') parts.push(cur.trim());
  return parts;
}

function unquoteSheet(s: string): string {
  if (s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** One rectangular area, with its sheet name when the address names one. Throws on nonsense. */
export function parseArea(address: string): { sheet: string | null; rect: Rect } {
  const text = address.trim();
  const bang = text.lastIndexOf('!');
  const sheet = bang >= 0 ? unquoteSheet(text.slice(0, bang)) : null;
  const ref = (bang >= 0 ? text.slice(bang + 1) : text).trim();
  let rect: Rect | null = null;
  const cols = COLS.exec(ref);
  const rows = ROWS.exec(ref);
  if (cols) {
    rect = { top: 0, bottom: MAX_ROWS - 1, left: colIndex(cols[1]), right: colIndex(cols[2]) };
  } else if (rows) {
    rect = { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLS - 1 };
  } else {
    const [a, b, extra] = ref.split(':');
    const ma = a !== undefined ? CELL.exec(a) : null;
    const mb = b !== undefined ? CELL.exec(b) : ma;
    if (ma && mb && extra === undefined) {
      const r1 = Number(ma[2]) - 1;
      const r2 = Number(mb[2]) - 1;
      const c1 = colIndex(ma[1]);
      const c2 = colIndex(mb[1]);
      rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
    }
  }
  if (!rect || rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) {
    throw new Error(`not an A1 address: ${address}`);
  }
  return { sheet, rect };
}

export function parseAreas(address: string): { sheet: string | null; rect: Rect }[] {
  return splitAreas(address).map(parseArea);
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:C9", "B:D" (whole columns) or "3:7" (whole rows), without sheet. */
export function rectRef(rect: Rect): string {
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) return `${colLetters(rect.left)}:${colLetters(rect.right)}`;
  if (rect.left === 0 && rect.right === MAX_COLS - 1) return `${rect.top + 1}:${rect.bottom + 1}`;
  const a = cellKey(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? a : `${a}:${cellKey(rect.bottom, rect.right)}`;
}

export function qualified(sheetName: string, rect: Rect): string {
  return `${quoteSheet(sheetName)}!${rectRef(rect)}`;
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

/**
 * What range proxies resolve to, and the cell reads and writes behind Range.values / formulas /
 * numberFormat / text and the format properties, checked the way Excel checks them.
 */
import { FakeExcelError } from './errors';
import { MAX_GET_CELLS, type FakeRequestContext } from './context';
import { MAX_COLS, MAX_ROWS, cellCount, colLetters, intersect, rectRef, type Rect } from './address';
import { DEFAULT_STYLE, MAX_FORMULA_LENGTH, STANDARD_ROW_HEIGHT_POINTS, coerceTyped, type CellStyle, type FakeCellValue, type SheetState } from './model';

export interface RangeEntity {
  sheet: SheetState;
  rect: Rect;
}
export interface AreasEntity {
  sheet: SheetState;
  rects: Rect[];
}

export function sheetAlive(ctx: FakeRequestContext, sheet: SheetState): void {
  if (!ctx.state.sheets.includes(sheet)) throw new FakeExcelError('ItemNotFound', `The worksheet '${sheet.name}' no longer exists.`);
}

export function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}
export function cols(r: Rect): number {
  return r.right - r.left + 1;
}

export function checkRect(r: Rect): Rect {
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS || r.top > r.bottom || r.left > r.right) {
    throw new FakeExcelError('InvalidArgument', 'The range goes beyond the edge of the worksheet.');
  }
  return r;
}

const COLOR_RE = /^#[0-9A-Fa-f]{6}$/;
export function color(c: unknown): string {
  if (typeof c !== 'string' || !COLOR_RE.test(c)) throw new FakeExcelError('InvalidArgument', `Colour '${String(c)}' is not #RRGGBB.`);
  return c.toUpperCase();
}

/** Subtract b from a: up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push({ top: a.top, bottom: i.top - 1, left: a.left, right: a.right });
  if (i.bottom < a.bottom) out.push({ top: i.bottom + 1, bottom: a.bottom, left: a.left, right: a.right });
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  return out;
}

type CellKind = 'values' | 'formulas' | 'formulasR1C1' | 'numberFormat';

/**
 * An R1C1 formula as the A1 formula of the cell at (row, col): R[n]/C[n] are relative, Rn/Cn
 * absolute (1-based), R or C alone the cell's own row or column. Text in quotes is left alone.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  const part = (spec: string | undefined, here: number): { index: number; abs: boolean } => {
    if (spec === undefined || spec === '') return { index: here, abs: false };
    if (spec.startsWith('[')) return { index: here + Number(spec.slice(1, -1)), abs: false };
    return { index: Number(spec) - 1, abs: true };
  };
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(/(^|[^A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g, (_m, lead: string, r?: string, c?: string) => {
            const rr = part(r, row);
            const cc = part(c, col);
            if (rr.index < 0 || cc.index < 0 || rr.index >= MAX_ROWS || cc.index >= MAX_COLS) throw new FakeExcelError('InvalidArgument', `The formula ${formula} refers outside the sheet.`);
            return `${lead}${cc.abs ? '$' : ''}${colLetters(cc.index)}${rr.abs ? '$' : ''}${rr.index + 1}`;
          }),
    )
    .join('');
}

/** Range.values / formulas / numberFormat = x: a 2-D array of the range's shape (null leaves a
 * cell as it is) — the API's type is any[][], and no scalar form is documented for these
 * properties, so the fake refuses one. Validated in full before anything is written. */
export function writeCells(ctx: FakeRequestContext, e: RangeEntity, input: unknown, kind: CellKind): void {
  e.sheet.assertWritable();
  const nr = rows(e.rect);
  const nc = cols(e.rect);
  const at = (r: number, c: number): unknown => (input as unknown[][])[r][c];
  if (!Array.isArray(input)) {
    throw new FakeExcelError('InvalidArgument', `Range.${kind} takes a 2-D array of the range's shape (${nr}×${nc}), with null for the cells to leave unchanged; got ${input === null ? 'null' : typeof input}.`);
  }
  if (input.length !== nr || input.some((row) => !Array.isArray(row) || row.length !== nc)) {
    throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${nr}×${nc}).`);
  }
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const v = at(r, c);
      if (v === null || v === undefined) continue;
      if (kind === 'numberFormat') {
        if (typeof v !== 'string') throw new FakeExcelError('InvalidArgument', 'A number format must be text.');
        continue;
      }
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new FakeExcelError('InvalidArgument', 'A cell value must be text, a number or a boolean.');
      const row = e.rect.top + r;
      const col = e.rect.left + c;
      const m = e.sheet.mergeAt(row, col);
      if (m && (m.top !== row || m.left !== col) && v !== '') {
        throw new FakeExcelError('InvalidOperation', `Cannot change part of a merged cell (${rectRef(m)}).`);
      }
      if (typeof v === 'string' && (kind === 'formulas' || kind === 'formulasR1C1') && v.startsWith('=') && v.length > MAX_FORMULA_LENGTH) {
        throw new FakeExcelError('InvalidArgument', 'The formula is too long.');
      }
      if (typeof v === 'string' && v.length > 32_767) throw new FakeExcelError('InvalidArgument', 'A cell can hold at most 32,767 characters.');
    }
  }
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const v = at(r, c);
      if (v === null || v === undefined) continue;
      const cell = e.sheet.cellForWrite(e.rect.top + r, e.rect.left + c);
      if (kind === 'numberFormat') {
        cell.numberFormat = v === '' ? 'General' : (v as string);
      } else if ((kind === 'formulas' || kind === 'formulasR1C1') && typeof v === 'string' && v.startsWith('=')) {
        cell.formula = kind === 'formulasR1C1' ? r1c1ToA1(v, e.rect.top + r, e.rect.left + c) : v;
        cell.value = '';
      } else {
        const typed = coerceTyped(v as FakeCellValue, cell.numberFormat, ctx.state.date1904);
        cell.value = typed.value;
        cell.formula = typed.formula;
        cell.numberFormat = typed.numberFormat;
      }
    }
  }
}

export function readCells(e: RangeEntity, kind: 'values' | 'formulas' | 'numberFormat' | 'text'): unknown[][] {
  if (cellCount(e.rect) > MAX_GET_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'The range is limited to 5,000,000 cells for get operations.');
  const out: unknown[][] = [];
  for (let r = e.rect.top; r <= e.rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = e.rect.left; c <= e.rect.right; c++) {
      if (kind === 'values') row.push(e.sheet.readValue(r, c));
      else if (kind === 'formulas') row.push(e.sheet.readFormula(r, c));
      else if (kind === 'text') row.push(String(e.sheet.readValue(r, c)));
      else row.push(e.sheet.cell(r, c)?.numberFormat ?? 'General');
    }
    out.push(row);
  }
  return out;
}

export function styleAll(sheet: SheetState, rects: Rect[], patch: Partial<CellStyle>): void {
  sheet.assertWritable();
  for (const rect of rects) {
    if (cellCount(rect) > MAX_GET_CELLS) throw new FakeExcelError('RangeExceedsLimit', 'Formatting more than 5,000,000 cells at once is not supported by the fake.');
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cellForWrite(r, c);
        cell.style = { ...cell.style, ...patch };
      }
    }
  }
}

/** A range's format as the fake reads it: the top-left cell of the first area. */
export function topLeftStyle(e: AreasEntity): Readonly<CellStyle> {
  return e.sheet.cell(e.rects[0].top, e.rects[0].left)?.style ?? DEFAULT_STYLE;
}

/** A column's width and a row's height in points as Excel reports them. Hidden, 0: the reference
 * does not say what RangeFormat.columnWidth / rowHeight give for a hidden column or row, Excel's
 * object model (Range.ColumnWidth, RowHeight) gives 0; the hosts ignore them either way. */
export function columnWidthOf(sheet: SheetState, col: number): number {
  return sheet.hiddenCols.has(col) ? 0 : sheet.columnWidth(col);
}
export function rowHeightOf(sheet: SheetState, row: number): number {
  return sheet.hiddenRows.has(row) ? 0 : (sheet.rowHeights.get(row) ?? STANDARD_ROW_HEIGHT_POINTS);
}

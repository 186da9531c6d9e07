/**
 * Where a worksheet's rows and cells land as the part streams by: the values row by row, hidden
 * rows, the heights the user set, and the running count of cells against the sheet's budget.
 * Both readers of <sheetData> — the general one driven by the XML scanner (sheet.ts) and the
 * fast one for the common shapes (sheet-data.ts) — store through this one class, so a row or a
 * cell means the same whichever of them read it, and they can take turns within a row.
 */
import type { CellValue } from '../../../engine/model';
import type { CellContext } from './cells';
import { WorkbookFormatError } from './workbook';

/** Excel's grid: 1,048,576 rows × 16,384 columns; anything addressed beyond is ignored. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface SheetReadOptions extends CellContext {
  /**
   * The cells other than the top-left of a merge read as "" (as exceljs reads them). Filling
   * them costs one entry per cell, so at most this many are filled, merge by merge in file
   * order; the merges themselves are always all reported.
   */
  maxMergeFollowers: number;
  /** At most this many cells with a value, plus merges, per sheet: past it the read stops with
   * WorkbookFormatError 'too-many-cells' (memory follows these, not the part's size). */
  maxCells: number;
  /** Stop after this row (0-based): the rest of the part is not inflated. */
  lastRow?: number;
}

export class SheetRows {
  readonly values: (CellValue[] | undefined)[] = [];
  readonly hiddenRows = new Set<number>();
  /** Heights in points of rows the user sized (<row ht customHeight="1">). */
  readonly rowHeights: Record<number, number> = {};
  /** Past `lastRow`: nothing more is stored, and the caller stops inflating. */
  stopped = false;
  /** The current row (0-based), -1 before the first. */
  row = -1;
  /** The column (0-based) of the row's last cell, -1 before its first. */
  col = -1;
  private maxRow = -1;
  private line: CellValue[] | undefined;
  private cells = 0;

  constructor(readonly options: SheetReadOptions) {}

  /**
   * A <row>: `number` is its r attribute (1-based; NaN or below 1 when absent or unreadable: the
   * row after the one before, which exceljs cannot read at all); `height` is its ht when the
   * user sized it (customHeight), else undefined.
   */
  openRow(number: number, hidden: boolean, height: number | undefined): void {
    this.row = number >= 1 ? number - 1 : this.row + 1;
    this.col = -1;
    this.line = undefined;
    if (this.options.lastRow !== undefined && this.row > this.options.lastRow) {
      this.stopped = true;
      return;
    }
    if (this.row >= MAX_ROWS) return;
    if (this.row <= this.maxRow) {
      // The same row again replaces the earlier one, as in exceljs.
      this.values[this.row] = undefined;
      this.hiddenRows.delete(this.row);
    }
    this.maxRow = Math.max(this.maxRow, this.row);
    if (hidden) this.hiddenRows.add(this.row);
    if (height !== undefined && height >= 0) this.rowHeights[this.row] = height;
  }

  closeRow(): void {
    if (this.line && this.row < MAX_ROWS) this.values[this.row] = this.line;
    this.line = undefined;
  }

  /** A <c>: `col` is its reference's column, or -1 without one (the cell after the previous). */
  openCell(col: number): void {
    this.col = col >= 0 ? col : this.col + 1;
  }

  /** Whether the current cell's value would be kept (worth working out). */
  get storing(): boolean {
    return this.col < MAX_COLS && !this.stopped;
  }

  /** The current cell's value (null: none, nothing is stored). */
  store(value: CellValue): void {
    if (value === null || !this.storing) return;
    this.count();
    (this.line ??= [])[this.col] = value;
  }

  /** One more cell, merge or validated range against the sheet's budget. */
  count(): void {
    if (++this.cells > this.options.maxCells) {
      const max = this.options.maxCells;
      throw new WorkbookFormatError('too-many-cells', `more than ${max} cells with values or merges in one sheet`, max);
    }
  }
}

/** Column of the A1 reference at `from` in `s` ("AB12" → 27), or -1 when it has no letters;
 * read in place, so a cell's reference needs no string of its own. */
export function columnOf(s: string, from = 0): number {
  let col = 0;
  let i = s.charCodeAt(from) === 0x24 ? from + 1 : from;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i) | 0x20; // lower-case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
    if (col > MAX_COLS) return MAX_COLS;
  }
  return col - 1;
}

/**
 * Read access to a Grid in sheet coordinates, with merged areas resolved: the top-left value of
 * a merge is visible from every cell it covers (Excel itself returns it only at the top-left).
 */
import type { CellRange, CellValue, Grid } from '../model';
import { cellError, cellText } from '../text';

export class SheetView {
  readonly firstRow: number;
  readonly firstCol: number;
  /** One past the last row / column holding anything. */
  readonly endRow: number;
  readonly endCol: number;
  private readonly hidden: Set<number>;
  /** Every covered cell (not top-left) → its merge; and each merge by its top-left cell. */
  private readonly mergeByCell = new CellIndex<CellRange>();
  private readonly mergeByTopLeft = new CellIndex<CellRange>();

  constructor(readonly grid: Grid) {
    this.firstRow = grid.origin.row;
    this.firstCol = grid.origin.col;
    let width = 0;
    for (const row of grid.values) if (row && row.length > width) width = row.length;
    this.endRow = grid.origin.row + grid.values.length;
    this.endCol = grid.origin.col + width;
    this.hidden = new Set(grid.hiddenRows);
    for (const m of grid.merges) {
      this.mergeByTopLeft.set(m.top, m.left, m);
      // Merges are small in practice (a few rows or columns); very large ones are capped so a
      // pathological sheet cannot make this quadratic.
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells > 200_000) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.mergeByCell.set(r, c, m);
        }
      }
    }
  }

  /** The row's values as the grid holds them (index 0 = column firstCol), or undefined. */
  rowValues(row: number): readonly CellValue[] | undefined {
    return this.grid.values[row - this.firstRow];
  }

  /** The value written in this very cell (no merge resolution). */
  raw(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined ? null : v;
  }

  /** The merge this cell belongs to, if any (including as top-left). */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeByCell.get(row, col) ?? this.mergeByTopLeft.get(row, col);
  }

  /** The cell is covered by a merge whose value sits in another cell. */
  isCovered(row: number, col: number): boolean {
    return this.mergeByCell.get(row, col) !== undefined;
  }

  /** The value shown in this cell: a covered cell shows its merge's top-left value. */
  value(row: number, col: number): CellValue {
    const m = this.mergeByCell.get(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** cellText of the cell's own value (no merge resolution). Not cached: a per-row cache costs
   * more in allocation than the few repeated reads save. */
  text(row: number, col: number): string {
    return cellText(this.raw(row, col));
  }

  /** cellText of the shown value (merge resolved). */
  shownText(row: number, col: number): string {
    const m = this.mergeByCell.get(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  isHidden(row: number): boolean {
    return this.hidden.has(row);
  }

  /** Columns of this row holding their own non-empty text. */
  filledColumns(row: number, fromCol = this.firstCol, toCol = this.endCol - 1): number[] {
    const out: number[] = [];
    const r = this.grid.values[row - this.firstRow];
    if (!r) return out;
    const start = Math.max(fromCol, this.firstCol);
    const end = Math.min(toCol, this.firstCol + r.length - 1);
    for (let c = start; c <= end; c++) {
      const v = r[c - this.firstCol];
      if (v === null || v === undefined || v === '') continue;
      // Error values count as filled (the rules report them); blank text and lone dashes do not.
      if (this.text(row, c) !== '' || cellError(v)) out.push(c);
    }
    return out;
  }
}

/**
 * A sparse table of cells: one array per row that holds anything, indexed by column. Asked for
 * every cell of the body (is it covered by a merge?), so a lookup is two array reads — a Map keyed
 * by row*16384+col cost a hash lookup each, the largest single cost of the body scan on a
 * 50,000-row plan with a merge per task group. Rows and columns are sheet coordinates (≥ 0);
 * arrays of far-apart indices fall back to V8's dictionary storage, still correct.
 */
class CellIndex<T> {
  private readonly rows: (T | undefined)[][] = [];

  get(row: number, col: number): T | undefined {
    const cells = this.rows[row];
    return cells === undefined ? undefined : cells[col];
  }

  set(row: number, col: number, value: T): void {
    (this.rows[row] ??= [])[col] = value;
  }
}

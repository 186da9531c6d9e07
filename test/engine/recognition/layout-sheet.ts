/**
 * A small sheet writer for generated appendices: rows in table terms (column 0 = the table's
 * first column), merges, and the kind each row is meant to be; turned into the Grid a host
 * would read, placed further right or lower when asked.
 */
import type { CellRange, CellValue, ColumnRole, Grid, RowKind } from '../../../src/engine/model';

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

export type RowMark = RowKind | 'title' | 'closing';

export class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly marks: RowMark[] = [];
  /** Table-relative [top, left, bottom, right]. */
  readonly merges: [number, number, number, number][] = [];

  constructor(
    readonly roles: readonly ColumnRole[],
    private readonly rowOffset: number,
    private readonly colOffset: number,
  ) {}

  get width(): number {
    return this.roles.length;
  }

  colOf(role: ColumnRole): number {
    return this.roles.indexOf(role);
  }

  has(role: ColumnRole): boolean {
    return this.roles.includes(role);
  }

  /** Sheet row / column of a table-relative one. */
  rowAt(r: number): number {
    return this.rowOffset + r;
  }

  colAt(c: number): number {
    return this.colOffset + c;
  }

  /** A row of values by table column (index 0 = first column). */
  row(values: CellValue[], mark: RowMark): number {
    this.rows.push([...values]);
    this.marks.push(mark);
    return this.rows.length - 1;
  }

  rowByRole(values: CellValue[], mark: RowMark): number {
    return this.row(values, mark);
  }

  /** A row of values by role; roles the table lacks are dropped. */
  cells(values: Partial<Record<ColumnRole, CellValue>>, mark: RowMark): number {
    const row: CellValue[] = this.roles.map(() => null);
    for (const [role, v] of Object.entries(values) as [ColumnRole, CellValue][]) {
      const c = this.colOf(role);
      if (c >= 0 && v !== undefined) row[c] = v;
    }
    return this.row(row, mark);
  }

  set(r: number, c: number, v: CellValue): void {
    const row = this.rows[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  }

  get(r: number, c: number): CellValue {
    return this.rows[r]?.[c] ?? null;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push([top, left, bottom, right]);
  }

  mark(r: number): RowMark {
    return this.marks[r];
  }

  /** The grid a host reads: values of covered cells are "", the table offset by padding or by
   * the grid's origin. */
  grid(useOrigin: boolean): Grid {
    const values = this.rows.map((r) => r.map((v) => (v === undefined ? null : v)));
    const merges: CellRange[] = this.merges.map(([t, l, b, r]) => ({ top: this.rowAt(t), left: this.colAt(l), bottom: this.rowAt(b), right: this.colAt(r) }));
    for (const [t, l, b, r] of this.merges) {
      for (let y = t; y <= b; y++) {
        for (let x = l; x <= r; x++) {
          if ((y !== t || x !== l) && values[y]) {
            while (values[y].length <= x) values[y].push(null);
            values[y][x] = '';
          }
        }
      }
    }
    if (useOrigin) {
      return { sheetName: 'Sinh', values, origin: { row: this.rowOffset, col: this.colOffset }, merges, hiddenRows: [], date1904: false };
    }
    const padded: CellValue[][] = [];
    for (let i = 0; i < this.rowOffset; i++) padded.push([]);
    for (const r of values) padded.push([...Array.from({ length: this.colOffset }, () => null), ...r]);
    return { sheetName: 'Sinh', values: padded, origin: { row: 0, col: 0 }, merges, hiddenRows: [], date1904: false };
  }
}

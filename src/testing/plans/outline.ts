/**
 * A plan's appendix told the way a reader tells it — title rows, the header's columns, sections,
 * groups of tasks sharing a merged STT and objective (or a lead unit), each task's cells by role,
 * a row cut by a page break, hidden rows, notes under the table — and laid out into a PlanSheet.
 * The generators (synthetic.ts, district.ts, scripts/sample-plan.ts, the report bench) write
 * outlines; layOutPlan is the one place that decides rows, merges and dates.
 */
import type { CellValue, ColumnRole, ISODate } from '../../engine/model';
import { isoToSerial } from '../../engine/dates';
import { columnLetter } from '../../engine/a1';
import type { PlanSheet } from './sheet';

/** A calendar day written into its cell as a real Excel date (1900 date system). */
export interface DateCell {
  date: ISODate;
}

export type OutlineValue = CellValue | DateCell;

/** A row's cells by column role; a role not given is an empty cell (""). */
export type TaskCells = Partial<Record<ColumnRole, OutlineValue>>;

export interface OutlineColumn {
  role: ColumnRole;
  /** Header text. */
  title: string;
  /** In a two-row header, the merged heading above this column ("Đơn vị thực hiện"). */
  under?: string;
}

/** A row outside the table: title lines, blank lines, notes. */
export interface LooseRow {
  cells: CellValue[];
  /** Column spans merged on this row: "A:C", or "across" for the table's whole width. */
  merge?: string[];
}

export type OutlineTask = TaskCells & {
  /** A page break cut the row: these cells sit alone on the next row. */
  tail?: TaskCells;
  hidden?: boolean;
};

/**
 * Tasks under one merged cell: the group's own cells (STT and objective over the tasks of one
 * objective, or a lead unit over a pair of tasks) are written on its first row and merged down
 * over all its rows.
 */
export type OutlineGroup = TaskCells & { tasks: OutlineTask[] };

export interface OutlineSection {
  /** Roman numeral in column A. */
  id: string;
  /** Title in column B. */
  title: string;
  groups: OutlineGroup[];
}

export interface PlanOutline {
  sheetName: string;
  titleRows: LooseRow[];
  columns: OutlineColumn[];
  /** A numbering row "(1) (2) …" under the header. */
  numbered?: boolean;
  /** Section titles merged from column B to the table's last column (default true). */
  mergeSectionTitles?: boolean;
  sections: OutlineSection[];
  /** Rows under the table. */
  footerRows?: LooseRow[];
}

/** The laid-out sheet, and where its parts landed (Excel row numbers). */
export interface LaidOutPlan {
  sheet: PlanSheet;
  headerRows: number[];
  sectionRows: number[];
  taskRows: number[];
  /** Last row of the table (before the footer). */
  lastTableRow: number;
}

const NOT_CELLS = new Set(['tasks', 'tail', 'hidden']);

function isDateCell(v: OutlineValue | undefined): v is DateCell {
  return typeof v === 'object' && v !== null;
}

/** Lays rows out one by one, recording merges, dates and hidden rows as it goes. */
class Layout {
  readonly rows: CellValue[][] = [];
  readonly merges: string[] = [];
  readonly dates: string[] = [];
  readonly hiddenRows: number[] = [];
  private readonly lastLetter: string;
  private readonly roles: Set<string>;

  constructor(private readonly columns: OutlineColumn[]) {
    this.lastLetter = columnLetter(columns.length - 1);
    this.roles = new Set(columns.map((c) => c.role));
  }

  /** Excel row number of the last row written. */
  get last(): number {
    return this.rows.length;
  }

  loose(row: LooseRow): void {
    this.rows.push(row.cells.slice());
    for (const span of row.merge ?? []) {
      const [from, to] = span === 'across' ? ['A', this.lastLetter] : span.split(':');
      this.merges.push(`${from}${this.last}:${to}${this.last}`);
    }
  }

  header(numbered: boolean): number[] {
    const first = this.last + 1;
    const twoRows = this.columns.some((c) => c.under !== undefined);
    if (!twoRows) {
      this.rows.push(this.columns.map((c) => c.title));
    } else {
      this.rows.push(this.columns.map((c, i) => (c.under === undefined ? c.title : this.columns[i - 1]?.under === c.under ? '' : c.under)));
      this.rows.push(this.columns.map((c) => (c.under === undefined ? '' : c.title)));
      this.columns.forEach((c, i) => {
        const letter = columnLetter(i);
        if (c.under === undefined) this.merges.push(`${letter}${first}:${letter}${first + 1}`);
        else if (this.columns[i - 1]?.under !== c.under) {
          let end = i;
          while (this.columns[end + 1]?.under === c.under) end++;
          this.merges.push(`${letter}${first}:${columnLetter(end)}${first}`);
        }
      });
    }
    const headerRows = twoRows ? [first, first + 1] : [first];
    if (numbered) this.rows.push(this.columns.map((_, i) => `(${i + 1})`));
    return headerRows;
  }

  section(s: OutlineSection, merged: boolean): void {
    this.rows.push([s.id, s.title]);
    if (merged) this.merges.push(`B${this.last}:${this.lastLetter}${this.last}`);
  }

  /** A full-width row: `cells` by role, then `shared` over them where given. */
  cells(cells: TaskCells, shared: TaskCells | null): void {
    this.check(cells);
    const r = this.last;
    this.rows.push(
      this.columns.map((col, c) => {
        const v = shared && shared[col.role] !== undefined ? shared[col.role] : cells[col.role];
        if (!isDateCell(v)) return v === undefined ? '' : v;
        this.dates.push(`${columnLetter(c)}${r + 1}`);
        return isoToSerial(v.date);
      }),
    );
  }

  group(g: OutlineGroup, taskRows: number[]): void {
    this.check(g);
    const top = this.last + 1;
    g.tasks.forEach((task, k) => {
      // The group's own cells on its first row only; its other rows are covered by the merge.
      const shared = Object.fromEntries(this.columns.filter((c) => g[c.role] !== undefined).map((c) => [c.role, k === 0 ? g[c.role] : '']));
      this.cells(task, shared);
      taskRows.push(this.last);
      if (task.hidden) this.hiddenRows.push(this.last);
      if (task.tail) this.cells(task.tail, null);
    });
    if (this.last <= top) return;
    this.columns.forEach((c, i) => {
      const letter = columnLetter(i);
      if (g[c.role] !== undefined) this.merges.push(`${letter}${top}:${letter}${this.last}`);
    });
  }

  private check(cells: object): void {
    for (const key of Object.keys(cells)) {
      if (!NOT_CELLS.has(key) && !this.roles.has(key)) throw new Error(`a cell for "${key}", a column the plan does not have`);
    }
  }
}

export function layOutPlan(outline: PlanOutline): LaidOutPlan {
  const layout = new Layout(outline.columns);
  outline.titleRows.forEach((row) => layout.loose(row));
  const headerRows = layout.header(!!outline.numbered);
  const sectionRows: number[] = [];
  const taskRows: number[] = [];
  for (const section of outline.sections) {
    layout.section(section, outline.mergeSectionTitles ?? true);
    sectionRows.push(layout.last);
    for (const group of section.groups) layout.group(group, taskRows);
  }
  const lastTableRow = layout.last;
  (outline.footerRows ?? []).forEach((row) => layout.loose(row));
  const sheet: PlanSheet = { name: outline.sheetName, rows: layout.rows, merges: layout.merges, hiddenRows: layout.hiddenRows, dates: layout.dates };
  return { sheet, headerRows, sectionRows, taskRows, lastTableRow };
}

/**
 * A change set's cell edits, one row at a time. The change set describes rectangles (a column of
 * 50,000 values, a format over the tracking block); gathering them into one object per cell
 * held ~85 MB at 50,000 rows while the sheet was rewritten. Here a row's edits are made when the
 * writer reaches that row, from the rectangles that cross it (a sweep over them sorted by their
 * first row), and dropped after it: only the list of rows with an edit is kept.
 *
 * Same result, cell for cell, as gathering every cell first (apply.ts's semantics): writes in
 * order (null leaves a cell, a later write wins), then every format with a style appended to
 * the cell's list in order, then formulas (a fill of several cells is one shared formula, its
 * index taken in order from `nextSi`); a cell of a user's merge other than its top-left keeps
 * its formats but not its value or formula, and goes when it has no format left.
 */
import { a1Range } from '../../../engine/a1';
import type { CellInput, CellRange, CellStyle, ChangeSet } from '../../../engine/model';
import { ChangeSetError } from '../../change-set-error';
import type { CellEdit } from './cells';
import { hasStyle } from './styles';

type CellFormula = NonNullable<CellEdit['formula']>;

/** Largest number of cells one change set may format: the engine's block is a few columns of
 * the table's rows; a format over whole columns would be a malformed change set. */
const MAX_FORMATTED_CELLS = 20_000_000;

/** One rectangle of the change set, with its place in the change set (the order edits apply). */
interface Item {
  order: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  apply(line: Map<number, CellEdit>, row: number): void;
  /** The first and last column `apply` edits in `row` (a row the item crosses), or null when it
   * edits none there. */
  extent(row: number): readonly [number, number] | null;
}

/** The items crossing each row, in the change set's order, for rows asked in ascending order
 * (asking for an earlier row starts the sweep again). */
function lowestBottom(items: readonly Item[]): number {
  let bottom = Infinity;
  for (const it of items) bottom = Math.min(bottom, it.bottom);
  return bottom;
}

class Sweep {
  private readonly byTop: Item[];
  private next = 0;
  private active: Item[] = [];
  /** The smallest bottom of the active items: none to drop before that row. */
  private activeUntil = Infinity;
  private last = -Infinity;

  constructor(readonly all: readonly Item[]) {
    this.byTop = [...all].sort((a, b) => a.top - b.top || a.order - b.order);
  }

  at(row: number): Item[] {
    if (row === this.last) return this.active;
    if (row < this.last) {
      this.next = 0;
      this.active = [];
      this.activeUntil = Infinity;
    }
    this.last = row;
    let added = false;
    while (this.next < this.byTop.length && this.byTop[this.next].top <= row) {
      this.active.push(this.byTop[this.next++]);
      added = true;
    }
    if (!added && this.activeUntil >= row) return this.active;
    if (lowestBottom(this.active) < row) this.active = this.active.filter((it) => it.bottom >= row);
    if (added) this.active.sort((a, b) => a.order - b.order);
    this.activeUntil = lowestBottom(this.active);
    return this.active;
  }
}

/** The styles of a cell edit that has none yet. */
const NO_STYLES: readonly CellStyle[] = Object.freeze([]);

function editAt(line: Map<number, CellEdit>, col: number): CellEdit {
  let edit = line.get(col);
  if (!edit) line.set(col, (edit = { styles: NO_STYLES }));
  return edit;
}

/** The columns of a rectangle, or null when it has none. */
function columnsOf(r: CellRange): readonly [number, number] | null {
  return r.left <= r.right ? [r.left, r.right] : null;
}

function writeItems(changes: ChangeSet, order: { n: number }): Item[] {
  return changes.writes.map((write) => {
    const r = write.range;
    if (write.values.length > r.bottom - r.top + 1) throw new ChangeSetError(`more rows than ${a1Range(r)} holds`);
    for (const line of write.values) {
      if (line.length > r.right - r.left + 1) throw new ChangeSetError(`more columns than ${a1Range(r)} holds`);
      for (const v of line) if (typeof v === 'number' && !Number.isFinite(v)) throw new ChangeSetError(`not a number Excel can store: ${v}`);
    }
    const values = write.values;
    const single: readonly [number, number] = [r.left, r.left];
    return {
      order: order.n++,
      top: r.top,
      bottom: r.top + values.length - 1,
      left: r.left,
      right: r.right,
      apply(line, row) {
        const lineValues: readonly CellInput[] = values[row - r.top];
        for (let j = 0; j < lineValues.length; j++) {
          const v = lineValues[j];
          if (v !== null) editAt(line, r.left + j).value = v;
        }
      },
      extent(row) {
        const lineValues: readonly CellInput[] = values[row - r.top];
        let first = 0;
        while (first < lineValues.length && lineValues[first] === null) first++;
        if (first === lineValues.length) return null;
        let last = lineValues.length - 1;
        while (lineValues[last] === null) last--;
        return first === 0 && last === 0 ? single : [r.left + first, r.left + last];
      },
    };
  });
}

function formatItems(changes: ChangeSet, order: { n: number }): Item[] {
  let formatted = 0;
  const items: Item[] = [];
  for (const f of changes.formats) {
    if (!hasStyle(f)) continue;
    const r = f.range;
    formatted += (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (formatted > MAX_FORMATTED_CELLS) throw new ChangeSetError(`formats over more than ${MAX_FORMATTED_CELLS} cells`);
    const spec: CellStyle = f;
    const extent = columnsOf(r);
    items.push({
      order: order.n++,
      ...r,
      apply(line) {
        for (let col = r.left; col <= r.right; col++) {
          // A new list at its length (an empty one grown by push holds room for 17): this runs
          // for every cell of the tracking block.
          const edit = editAt(line, col);
          edit.styles = edit.styles.length === 0 ? [spec] : [...edit.styles, spec];
        }
      },
      extent: () => extent,
    });
  }
  return items;
}

function formulaItems(changes: ChangeSet, order: { n: number }, nextSi: number): Item[] {
  let si = nextSi;
  return (changes.formulas ?? []).map((fill) => {
    const r = fill.range;
    const text = fill.formula.replace(/^=/, '');
    const extent = columnsOf(r);
    if (r.top === r.bottom && r.left === r.right) {
      const single: CellFormula = { text };
      return { order: order.n++, ...r, apply: (line) => void (editAt(line, r.left).formula = single), extent: () => extent };
    }
    // One shared formula: the master (top-left) holds the text, the others point at it.
    const shared = si++;
    const master: CellFormula = { text, shared: { si: shared, ref: a1Range(r) } };
    const user: CellFormula = { text, shared: { si: shared, ref: null } };
    return {
      order: order.n++,
      ...r,
      apply(line, row) {
        for (let col = r.left; col <= r.right; col++) {
          const edit = editAt(line, col);
          delete edit.value;
          // Shared by the cells: the writer reads a formula, never changes it.
          edit.formula = row === r.top && col === r.left ? master : user;
        }
      },
      extent: () => extent,
    };
  });
}

/** Every row some item crosses, ascending, each once. */
function candidateRows(items: readonly Item[]): number[] {
  const spans = items.filter((it) => it.bottom >= it.top).map((it) => [it.top, it.bottom]).sort((a, b) => a[0] - b[0]);
  const rows: number[] = [];
  let upTo = -Infinity;
  for (const [top, bottom] of spans) {
    for (let row = Math.max(top, upTo + 1); row <= bottom; row++) rows.push(row);
    upTo = Math.max(upTo, bottom);
  }
  return rows;
}

export interface GridLimits {
  maxRows: number;
  maxCols: number;
}

export class RowEdits {
  private rowList: number[] | null = null;
  private box: CellRange | null = null;
  private readonly items: Sweep;
  private readonly merges: Sweep;

  /** Checks the change set's writes, formats and formulas (ChangeSetError: a write larger than
   * its range, a number Excel cannot store, formats over too many cells); nothing per cell is
   * kept. `check` then finds the rows they touch. */
  constructor(changes: ChangeSet, nextSi: number, merges: readonly CellRange[]) {
    const order = { n: 0 };
    const items = [...writeItems(changes, order), ...formatItems(changes, order), ...formulaItems(changes, order, nextSi)];
    this.items = new Sweep(items);
    // Only the merges that meet an item can drop an edit: a plan's table has thousands of merges,
    // its tracking block (where the edits are) usually none.
    const meeting = merges.filter((m) => items.some((it) => it.top <= m.bottom && m.top <= it.bottom && it.left <= m.right && m.left <= it.right));
    this.merges = new Sweep(meeting.map((m, i) => ({ order: i, ...m, apply: () => undefined, extent: () => null })));
  }

  /**
   * Find the rows with an edit and their bounds; ChangeSetError for a cell outside `grid`. A row
   * is built (as the writer builds it) only where it must be: where an item may reach outside
   * the grid (the refusal names the first cell as the built row has it), or where a merge meets
   * the row's edited columns (it may drop edits). Elsewhere its edited columns are those of the
   * items crossing it, read from their rectangles and values: nothing per cell is made.
   */
  check(grid: GridLimits): void {
    const rows: number[] = [];
    let bounds: CellRange | null = null;
    const add = (row: number, left: number, right: number) => {
      rows.push(row);
      if (!bounds) bounds = { top: row, left, bottom: row, right };
      else {
        bounds.bottom = row;
        bounds.left = Math.min(bounds.left, left);
        bounds.right = Math.max(bounds.right, right);
      }
    };
    const inside = this.items.all.every((it) => it.top >= 0 && it.bottom < grid.maxRows && it.left >= 0 && it.right < grid.maxCols);
    for (const row of candidateRows(this.items.all)) {
      if (inside) {
        let left = Infinity;
        let right = -Infinity;
        for (const item of this.items.at(row)) {
          const extent = item.extent(row);
          if (!extent) continue;
          left = Math.min(left, extent[0]);
          right = Math.max(right, extent[1]);
        }
        if (right < left) continue;
        if (!this.merges.at(row).some((m) => m.left <= right && m.right >= left)) {
          add(row, left, right);
          continue;
        }
      }
      const line = this.build(row, grid);
      if (!line) continue;
      let left = Infinity;
      let right = -Infinity;
      for (const col of line.keys()) {
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
      add(row, left, right);
    }
    this.rowList = rows;
    this.box = bounds;
  }

  /** Rows with at least one cell edit, ascending (after `check`). */
  get rows(): readonly number[] {
    if (!this.rowList) throw new Error('RowEdits.check first');
    return this.rowList;
  }

  /** The rectangle of the cells the edits may create or change, or null (after `check`). */
  get bounds(): CellRange | null {
    if (!this.rowList) throw new Error('RowEdits.check first');
    return this.box;
  }

  /** The row's edits by column (a new Map on each call), or undefined when it has none. Rows
   * asked in ascending order cost least. */
  line(row: number): Map<number, CellEdit> | undefined {
    return this.build(row, null);
  }

  /** The row's edits; with `grid`, ChangeSetError for an edit outside it — checked before a
   * merge drops the edits aimed inside it, as apply.ts checks the change set as given. */
  private build(row: number, grid: GridLimits | null): Map<number, CellEdit> | undefined {
    const crossing = this.items.at(row);
    if (crossing.length === 0) return undefined;
    const line = new Map<number, CellEdit>();
    let left = Infinity;
    let right = -Infinity;
    for (const item of crossing) {
      item.apply(line, row);
      left = Math.min(left, item.left);
      right = Math.max(right, item.right);
    }
    if (grid && line.size > 0) {
      if (row < 0 || row >= grid.maxRows) throw new ChangeSetError(`row ${row + 1} is outside the sheet`);
      for (const col of line.keys()) if (col < 0 || col >= grid.maxCols) throw new ChangeSetError(`column ${col + 1} is outside the sheet`);
    }
    for (const m of this.merges.at(row)) {
      // A merge apart from every item's columns drops nothing (the common case: many merges).
      if (m.right < left || m.left > right) continue;
      for (const [col, edit] of line) {
        if (col < m.left || col > m.right || (row === m.top && col === m.left)) continue;
        delete edit.value;
        delete edit.formula;
        if (edit.styles.length === 0) line.delete(col);
      }
    }
    return line.size === 0 ? undefined : line;
  }
}

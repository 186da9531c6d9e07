/**
 * A task as the body scan builds it (its own row, then any continuation rows) and the cells it
 * ends with once merges and task groups are resolved: own text joined across continuations,
 * else a vertical merge from above, else (objective, task) the text of the row that opened the
 * group.
 */
import type { CellRange, CellValue, ColumnRole, ResolvedCell } from '../model';
import { cellError } from '../text';
import type { RowCell } from './row-shapes';
import type { SheetView } from './sheet-view';

export interface ScannedTask {
  row: number;
  section: string | null;
  stt: string | null;
  continuationRows: number[];
  cells: Partial<Record<ColumnRole, ResolvedCell>>;
}

export interface TaskBuilder {
  task: ScannedTask;
  /** First part per sheet column (its text and the value written), and the text of any further
   * parts from continuation rows (rare). Sparse arrays rather than Maps or per-column arrays:
   * this is built for every task. */
  first: (RowCell | undefined)[];
  more: (string[] | undefined)[];
  lastPartRow: number;
  /** The row carries its own number (STT or item label). */
  sttOwn: boolean;
  /** The task starts a group: rows after it without a number inherit its objective and task. */
  opensGroup: boolean;
}

/** Roles a group row inherits from the rows above it without a merge (domain.md). */
const GROUP_INHERITED: readonly ColumnRole[] = ['objective', 'task'];

export function startTask(row: number, section: string | null, stt: string | null, own: { stt: boolean; group: boolean }, content: RowCell[]): TaskBuilder {
  const b: TaskBuilder = {
    task: { row, section, stt, continuationRows: [], cells: {} },
    first: [],
    more: [],
    lastPartRow: row,
    sttOwn: own.stt,
    opensGroup: own.group,
  };
  addParts(b, content);
  return b;
}

export function appendRow(b: TaskBuilder, row: number, content: RowCell[]): void {
  b.task.continuationRows.push(row);
  b.lastPartRow = row;
  addParts(b, content);
}

function addParts(b: TaskBuilder, content: RowCell[]): void {
  for (const c of content) {
    if (b.first[c.col] === undefined) b.first[c.col] = c;
    else (b.more[c.col] ??= []).push(c.text);
  }
}

/** The last text part of a column ("" when the task has none there). */
export function lastPart(b: TaskBuilder, col: number): string {
  const more = b.more[col];
  return more ? more[more.length - 1] : (b.first[col]?.text ?? '');
}

/** The task lacks a lead or a deadline of its own (a cut-off first part). */
export function isIncomplete(b: TaskBuilder, columns: Partial<Record<ColumnRole, number>>): boolean {
  const lead = columns.lead;
  const deadline = columns.deadline;
  return (lead !== undefined && b.first[lead] === undefined) || (deadline !== undefined && b.first[deadline] === undefined);
}

/** Resolves each finished task's cells; keeps the group and merge state between tasks. */
export class CellResolver {
  private readonly lastGroup = new Map<ColumnRole, ResolvedCell>();
  /** Per column, the merge last inherited from and its cell, shared by the rows it covers. A
   * merge covers consecutive rows and tasks are resolved in row order, so the rows of one merge
   * ask one after another: one entry per column is enough (a Map by merge cost a lookup per
   * covered cell). */
  private readonly lastMerged: ({ merge: CellRange; cell: ResolvedCell } | undefined)[] = [];
  private lastSection: string | null | undefined;
  /** Per resolved column: its role and whether a group row inherits it (no lookups per task). */
  private readonly cols: { col: number; role: ColumnRole; grouped: boolean }[];
  private readonly hasMerges: boolean;
  /** Single-part own cells by the value written, shared by every task whose cell holds that
   * value ("Văn phòng Sở" as lead, "Thường xuyên" as deadline, on thousands of rows): a
   * resolved cell is a function of that value alone (its text is the value's cellText, or its
   * error's name), and cells are never mutated. Short values only: a task's long text rarely
   * repeats, and keeping it would only grow the map. Lives as long as the resolver, one scan. */
  private readonly sharedOwn = new Map<CellValue, ResolvedCell>();

  constructor(
    private readonly view: SheetView,
    roleByCol: Map<number, ColumnRole>,
    private readonly firstBodyRow: number,
  ) {
    this.hasMerges = view.grid.merges.length > 0;
    this.cols = [...roleByCol.keys()]
      .sort((a, b) => a - b)
      .filter((c) => roleByCol.get(c) !== 'stt')
      .map((col) => {
        const role = roleByCol.get(col)!;
        return { col, role, grouped: GROUP_INHERITED.includes(role) };
      });
  }

  resolve(b: TaskBuilder): void {
    if (b.opensGroup || b.task.section !== this.lastSection) {
      this.lastGroup.clear();
      this.lastSection = b.task.section;
    }
    const row = b.task.row;
    for (const { col, role, grouped } of this.cols) {
      const cell = b.first[col] !== undefined ? this.own(b, col) : this.inherited(row, col, role, grouped);
      if (cell) {
        b.task.cells[role] = cell;
        if (grouped && cell.text) this.lastGroup.set(role, cell);
      }
    }
  }

  private own(b: TaskBuilder, col: number): ResolvedCell {
    const first = b.first[col]!;
    const more = b.more[col];
    if (!more) {
      if (!isShareable(first.raw)) return singlePart(first);
      let cell = this.sharedOwn.get(first.raw);
      if (!cell) this.sharedOwn.set(first.raw, (cell = singlePart(first)));
      return cell;
    }
    const firstPart = first.text;
    const error = cellErrorOf(first.raw);
    const all = [firstPart, ...more];
    return { text: all.filter((t) => !cellError(t)).join(' '), value: all.join(' '), error, inherited: false };
  }

  private inherited(row: number, col: number, role: ColumnRole, grouped: boolean): ResolvedCell | undefined {
    const m = this.hasMerges && this.view.isCovered(row, col) ? this.view.mergeAt(row, col) : undefined;
    if (m && m.top < row && m.top >= this.firstBodyRow) {
      const last = this.lastMerged[col];
      if (last && last.merge === m) return last.cell;
      const v = this.view.raw(m.top, m.left);
      const cell: ResolvedCell = { text: this.view.text(m.top, m.left), value: v, error: cellError(v), inherited: true };
      this.lastMerged[col] = { merge: m, cell };
      return cell;
    }
    if (!grouped) return undefined;
    // One inherited copy per group cell, shared by the group's rows (cells are never mutated).
    const source = this.lastGroup.get(role);
    if (!source) return undefined;
    const cell = source.inherited ? source : { ...source, inherited: true };
    this.lastGroup.set(role, cell);
    return cell;
  }
}

/** The cell of a column written on one row only. */
function singlePart(first: RowCell): ResolvedCell {
  const error = cellErrorOf(first.raw);
  return { text: error ? '' : first.text, value: first.raw ?? first.text, error, inherited: false };
}

function cellErrorOf(raw: CellValue): string | null {
  return typeof raw === 'string' && raw.charCodeAt(0) === 35 /* # */ ? cellError(raw) : null;
}

/** Longest text whose cell is shared between tasks (as cellText's memo: lead units, statuses,
 * deadlines and outputs are shorter; a task's own wording is mostly longer). */
const SHARED_MAX_LENGTH = 100;

/** Short texts, numbers and booleans; not -0, which the map would take for 0. */
function isShareable(raw: CellValue): boolean {
  if (typeof raw === 'string') return raw.length <= SHARED_MAX_LENGTH;
  return raw !== null && !Object.is(raw, -0);
}

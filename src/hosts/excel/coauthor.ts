/**
 * Co-authoring (Excel on the web): someone else can insert or delete rows between our read and
 * our write. Excel applies our writes at the addresses we send, so the tracking values and the
 * highlights would land on the wrong rows, silently.
 *
 * Detection: every write batch first re-reads a few key cells — the table's header row and its
 * first and last task rows, over the user's own columns — and compares them, after the sync,
 * with what the analysis read (apply.ts). Any difference means the rows moved.
 *
 * Repair, when the whole table moved by k rows (rows inserted or deleted above it, the usual
 * case): read the sheet again; put back, at every address our batch wrote, what the shifted
 * content had there before (known from the first read); analyse again; undo the formats and the
 * drop-down our batch left where the new change set does not put them again, and the heights
 * of the rows it grew; write again, checked the same way, with the tracking record's grown rows
 * moved with the table. The analysis sees the hidden columns, validations, heights and page of
 * the first read: the misplaced batch's own helper column and drop-down must not push the block.
 * When rows moved inside the table, or they move again: our highlight rules are removed
 * (never left on the wrong rows) and one sentence asks to check again.
 *
 * The report's write is watched the same way: its sheet links every listed task to its appendix
 * row, so the repair builds the report again from the new analysis (the sheet our misplaced batch
 * wrote is replaced), and giving up also deletes the report sheet — never links to wrong rows.
 */
import type { AnalyzeResult, Analysis, CellRange, CellValue, ChangeSet, FormatChange, Grid, Lang } from '../../engine/model';
import { a1Range } from '../../engine/a1';
import { OP_OVERHEAD_BYTES } from './payload';
import { planChangeSet, type PlanContext, type PlannedOp } from './plan';
import { sameSheetName } from '../../engine/text';
import type { ExistingFormat, SheetRead } from './read';
import type { WorkbookState } from '../../engine/settings';

/** Cells re-read in the write batch, with the values the analysis read there. */
export interface KeyCells {
  sheet: string;
  address: string;
  expected: CellValue[][];
}

/** The rows under the key cells moved between the read and a write group. */
export class RowsMovedError extends Error {
  constructor(
    readonly groupsDone: number,
    readonly groupsTotal: number,
  ) {
    super('The rows of the table moved while it was being written (another person edited the sheet).');
    this.name = 'RowsMovedError';
  }
}

const TRACKING_ROLES = ['status', 'doneDate', 'result', 'dueDate', 'check'] as const;

function valueAt(grid: Grid, row: number, col: number): CellValue {
  const v = grid.values[row - grid.origin.row]?.[col - grid.origin.col];
  return v === null || v === undefined ? '' : v;
}

/** The user's columns of the table: from its first column up to the first tracking column. */
function userColumns(analysis: Analysis): { left: number; right: number } {
  const { firstCol, lastCol, columns } = analysis.table;
  const tracking = TRACKING_ROLES.map((r) => analysis.tracking.columns[r]).filter((c) => c >= firstCol && c <= lastCol);
  const right = Math.min(lastCol, ...tracking.map((c) => c - 1));
  if (right >= firstCol) return { left: firstCol, right };
  const task = columns.task ?? firstCol;
  return { left: task, right: task };
}

function keyRows(analysis: Analysis): number[] {
  const rows = [analysis.table.headerRows[analysis.table.headerRows.length - 1]];
  if (analysis.tasks.length > 0) rows.push(analysis.tasks[0].row, analysis.tasks[analysis.tasks.length - 1].row);
  return [...new Set(rows)];
}

function rowValues(grid: Grid, row: number, cols: { left: number; right: number }): CellValue[] {
  return Array.from({ length: cols.right - cols.left + 1 }, (_, i) => valueAt(grid, row, cols.left + i));
}

export function keyCellsOf(analysis: Analysis, grid: Grid): KeyCells[] {
  // An analysis without a table (a replaced engine in tests) has nothing to anchor on.
  if (!analysis.table || !analysis.tracking) return [];
  const cols = userColumns(analysis);
  return keyRows(analysis).map((row) => ({
    sheet: analysis.sheetName,
    address: a1Range({ top: row, left: cols.left, bottom: row, right: cols.right }),
    expected: [rowValues(grid, row, cols)],
  }));
}

export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How far the whole table moved (rows), found by its header row; null unless its key rows all
 * moved by the same amount. */
export function tableShift(analysis: Analysis, before: Grid, after: Grid): number | null {
  const cols = userColumns(analysis);
  const rows = keyRows(analysis);
  const header = rowValues(before, rows[0], cols);
  const last = after.origin.row + after.values.length - 1;
  const candidates: number[] = [];
  for (let r = after.origin.row; r <= last; r++) if (sameValues(rowValues(after, r, cols), header)) candidates.push(r - rows[0]);
  candidates.sort((a, b) => Math.abs(a) - Math.abs(b));
  return candidates.find((k) => rows.every((row) => sameValues(rowValues(after, row + k, cols), rowValues(before, row, cols)))) ?? null;
}

function setValue(grid: Grid, row: number, col: number, v: CellValue): void {
  const r = row - grid.origin.row;
  const c = col - grid.origin.col;
  if (r < 0 || c < 0) return;
  while (grid.values.length <= r) grid.values.push([]);
  const line = grid.values[r];
  while (line.length <= c) line.push('');
  line[c] = v;
}

/** `range` less the rows `covers` cover over the same columns. */
function rowsNotCovered(range: CellRange, covers: readonly CellRange[]): CellRange[] {
  let parts = [range];
  for (const c of covers) {
    if (c.left !== range.left || c.right !== range.right) continue;
    parts = parts.flatMap((p) => {
      if (c.bottom < p.top || c.top > p.bottom) return [p];
      const out: CellRange[] = [];
      if (p.top < c.top) out.push({ ...p, bottom: c.top - 1 });
      if (p.bottom > c.bottom) out.push({ ...p, top: c.bottom + 1 });
      return out;
    });
  }
  return parts;
}

/**
 * The value every cell our misplaced batch wrote would hold had we not written — the content now
 * there came from k rows away, known from the first read — patched into `after` as well, so
 * that the next analysis sees the sheet as the user left it.
 */
export function undoValues(changes: ChangeSet, before: Grid, after: Grid, k: number): ChangeSet['writes'] {
  // Values written, and formulas filled (the helper column, the as-of cell): a value put back
  // over a formula removes it.
  const written = [...changes.writes.map((w) => w.range), ...(changes.formulas ?? []).map((f) => f.range)];
  return written.map((range) => {
    const values = Array.from({ length: range.bottom - range.top + 1 }, (_, i) =>
      Array.from({ length: range.right - range.left + 1 }, (_, j) => valueAt(before, range.top + i - k, range.left + j)),
    );
    values.forEach((line, i) => line.forEach((v, j) => setValue(after, range.top + i, range.left + j, v)));
    return { range, values };
  });
}

/** A format's cell style (what it does to each cell), without its range and column settings. */
function cellSpec(f: FormatChange): string {
  const entries = Object.entries(f).filter(([key, v]) => key !== 'range' && key !== 'columnWidth' && key !== 'columnHidden' && v !== undefined);
  return JSON.stringify(entries.sort((a, b) => a[0].localeCompare(b[0])));
}

/**
 * What the misplaced batch formatted or gave a drop-down that the new change set does not
 * format the very same way again: number formats back to General, other formats and drop-downs
 * cleared (the new change set then applies its own, so every cell ends as the new write alone
 * would leave it — a header style left under the as-of label would not); a column it hid that
 * the new one does not hide is shown again.
 */
function leftoverOps(sheetName: string, old: ChangeSet, next: ChangeSet): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const op = (label: string, r: CellRange, act: (range: Excel.Range) => void): PlannedOp => ({
    label: `${label} ${a1Range(r)}`,
    bytes: OP_OVERHEAD_BYTES,
    queue: ({ sheet }) => act(sheet(sheetName).getRange(a1Range(r))),
  });
  for (const f of old.formats) {
    if (f.columnHidden === true && !next.formats.some((g) => g.columnHidden === true && g.range.left <= f.range.left && f.range.right <= g.range.right)) {
      ops.push(op('show column', f.range, (range) => (range.columnHidden = false)));
    }
    const spec = cellSpec(f);
    if (spec === '[]') continue;
    const styled = Object.keys(f).some((key) => key !== 'range' && key !== 'numberFormat' && key !== 'columnWidth' && key !== 'columnHidden');
    const same = next.formats.filter((g) => cellSpec(g) === spec);
    for (const r of rowsNotCovered(f.range, same.map((g) => g.range))) {
      if (styled) ops.push(op('clear formats', r, (range) => range.clear('Formats')));
      else ops.push(op('number format back', r, (range) => (range.numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => new Array<string>(r.right - r.left + 1).fill('General')))));
    }
  }
  for (const v of old.validations) {
    for (const r of rowsNotCovered(v.range, next.validations.map((x) => x.range))) ops.push(op('clear validation', r, (range) => range.dataValidation.clear()));
  }
  return ops;
}

/**
 * The sheet as the user left it, for the next analysis: what the re-read cannot tell from our
 * misplaced batch — the hidden columns and the validations (the batch hid its helper column and
 * gave its status a drop-down), the row heights and the page — from the first read, rows moved by
 * k as undoValues moves the values.
 */
export function asUserLeftIt(again: Grid, before: Grid, k: number): Grid {
  const { hiddenCols: _h, validatedRanges: _v, rowHeights: _r, page: _p, ...grid } = again;
  const moved = (r: CellRange) => ({ ...r, top: Math.max(0, r.top + k), bottom: Math.max(0, r.bottom + k) });
  return {
    ...grid,
    ...(before.page ? { page: before.page } : {}),
    ...(before.hiddenCols ? { hiddenCols: before.hiddenCols } : {}),
    ...(before.validatedRanges ? { validatedRanges: before.validatedRanges.map(moved) } : {}),
    ...(before.rowHeights ? { rowHeights: Object.fromEntries(Object.entries(before.rowHeights).map(([r, h]) => [Number(r) + k, h])) } : {}),
  };
}

/** The rows our misplaced batch grew get the height the row now there had before it (its
 * height k rows away in the first read; the standard height when it had none of its own). */
function undoHeightsOps(sheetName: string, changes: ChangeSet, before: Grid, k: number): PlannedOp[] {
  return (changes.rowHeights ?? []).map((h) => {
    const was = before.rowHeights?.[h.row - k];
    const rows = `${h.row + 1}:${h.row + 1}`;
    return {
      label: `height back ${rows}`,
      bytes: OP_OVERHEAD_BYTES,
      queue: ({ sheet }) => {
        const format = sheet(sheetName).getRange(rows).format;
        if (was !== undefined) format.rowHeight = was;
        else format.useStandardHeight = true;
      },
    };
  });
}

/** The record our misplaced batch stored, its rows moved by k with the table: the rows it grew
 * are grown again k rows away, and taking the block back must find them there. */
function movedRecord(state: WorkbookState, sheetName: string, k: number): WorkbookState {
  const record = state.tracking[sheetName];
  if (!record?.rows) return state;
  const rows = record.rows.map((r) => ({ ...r, row: r.row + k })).filter((r) => r.row >= 0);
  return { ...state, tracking: { ...state.tracking, [sheetName]: { ...record, rows } } };
}

/** Deletes every highlight rule of ours (found by the tag), one op. */
export function removeHighlightsOp(tag: string, existing: ExistingFormat[]): PlannedOp[] {
  const ours = tag === '' ? [] : existing.filter((f) => f.formula.includes(tag));
  if (ours.length === 0) return [];
  return [{ label: `delete ${ours.length} tagged conditional formats`, bytes: OP_OVERHEAD_BYTES * ours.length, queue: () => ours.forEach((f) => f.proxy.delete()) }];
}

/** Deletes the sheets of `written` (the report) that the workbook now has, one op. */
function removeSheetsOp(written: ChangeSet['sheets'], sheets: SheetRead['sheets']): PlannedOp[] {
  const present = sheets.filter((s) => written.some((w) => sameSheetName(w.name, s.name)));
  if (present.length === 0) return [];
  return [
    {
      label: `delete sheets ${present.map((s) => s.name).join(', ')}`,
      bytes: OP_OVERHEAD_BYTES * present.length,
      queue: ({ ctx }) => present.forEach((s) => ctx.workbook.worksheets.getItem(s.name).delete()),
    },
  ];
}

export type WatchedOperation = 'check' | 'report';

export interface RepairDeps {
  lang: Lang;
  pieceBytes: number;
  /** The check or the report: what giving up says. */
  operation: WatchedOperation;
  /** Reads the active sheet again (with its conditional formats). */
  reread(): Promise<SheetRead>;
  analyze(grid: Grid): AnalyzeResult;
  /** The write an analysis of the sheet as now read makes (the report adds its sheet). */
  changesOf(analysis: Analysis, read: SheetRead): ChangeSet;
  /** Sends planned ops, verifying `keys` in each group (throws RowsMovedError). */
  execute(ops: PlannedOp[], keys: KeyCells[]): Promise<void>;
  /** The change set with its fontLike formats resolved (font-like.ts). */
  resolveFonts?(changes: ChangeSet, read: SheetRead): Promise<ChangeSet>;
  /** What plan-block.ts needs besides the sheet (page, state sheet, used rows). */
  block?(read: SheetRead): PlanContext['block'];
}

export const coauthorMessages = {
  moved: (lang: Lang) =>
    lang === 'vi'
      ? 'Trong lúc kiểm tra, có người đã thêm hoặc xoá dòng trong bảng (cùng sửa tệp): tiện ích đã gỡ phần tô màu để không tô nhầm dòng; hãy bấm Kiểm tra lại.'.normalize('NFC')
      : 'While the plan was being checked, someone added or deleted rows in the table (co-editing): the highlights were removed so that no row is highlighted wrongly; choose Check again.',
  movedReport: (lang: Lang) =>
    lang === 'vi'
      ? 'Trong lúc tạo báo cáo, có người đã thêm hoặc xoá dòng trong bảng (cùng sửa tệp): tiện ích đã gỡ trang báo cáo và phần tô màu để không liên kết hay tô màu nào chỉ nhầm dòng; hãy bấm Tạo báo cáo lại.'.normalize('NFC')
      : 'While the report was being built, someone added or deleted rows in the table (co-editing): the report sheet and the highlights were removed so that nothing points at the wrong row; choose Build report again.',
};

/** After a RowsMovedError: repaired (the outcome of the second write) or reported in one sentence.
 * `old.changes` is the write that went to the wrong rows. */
export async function repairMovedRows(
  old: { read: SheetRead; analysis: Analysis; changes: ChangeSet },
  deps: RepairDeps,
): Promise<{ ok: true; analysis: Analysis } | { ok: false; message: string }> {
  const again = await deps.reread();
  const tag = old.changes.conditionalFormats.tag;
  const giveUp = async (now: SheetRead) => {
    await deps.execute([...removeHighlightsOp(tag, now.customFormats), ...removeSheetsOp(old.changes.sheets, now.sheets)], []);
    return { ok: false as const, message: deps.operation === 'report' ? coauthorMessages.movedReport(deps.lang) : coauthorMessages.moved(deps.lang) };
  };
  const k = tableShift(old.analysis, old.read.grid, again.grid);
  if (k === null || k === 0) return giveUp(again);
  const restored = undoValues(old.changes, old.read.grid, again.grid, k);
  // The printout, hidden columns, validations and heights are judged as they were before the
  // misplaced batch changed them: the new change set sets its own again where the table now is.
  const result = deps.analyze(asUserLeftIt(again.grid, old.read.grid, k));
  if (!result.ok) return giveUp(again);
  const unresolved = deps.changesOf(result.analysis, again);
  const resolved = deps.resolveFonts ? await deps.resolveFonts(unresolved, again) : unresolved;
  const next = old.changes.state ? { ...resolved, state: movedRecord(old.changes.state, again.sheetName, k) } : resolved;
  const restore: ChangeSet = { sheet: again.sheetName, writes: restored, formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [] };
  const context: PlanContext = { sheetName: again.sheetName, sheets: again.sheets, customFormats: again.customFormats, sheetNames: again.sheetNames, lang: deps.lang, pieceBytes: deps.pieceBytes, block: deps.block?.(again) };
  const ops = [...planChangeSet(restore, context), ...leftoverOps(again.sheetName, old.changes, next), ...undoHeightsOps(again.sheetName, old.changes, old.read.grid, k), ...planChangeSet(next, context)];
  try {
    await deps.execute(ops, keyCellsOf(result.analysis, again.grid));
  } catch (e) {
    if (!(e instanceof RowsMovedError)) throw e;
    return giveUp(await deps.reread());
  }
  return { ok: true, analysis: result.analysis };
}

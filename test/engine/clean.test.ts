/**
 * Taking it back, in the engine: which cells, columns, names and validations the two actions
 * remove, what they count as lost, and that a column of the user's is never on the list.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import { a1Range, columnLetter } from '../../src/engine/a1';
import { AS_OF_NAME, DONE_NAME } from '../../src/engine/as-of';
import { cleanPlan, stateWithCreated, stateWithoutRecord, totalLost, type CleanScope } from '../../src/engine/clean';
import type { Analysis, CellInput, ChangeSet, Grid } from '../../src/engine/model';
import { emptyWorkbookState, isEmptyState, type TrackingRecord } from '../../src/engine/settings';
import { SheetView } from '../../src/engine/table/sheet-view';
import { CF_TAG } from '../../src/engine/tracking';
import { engineWording } from '../../src/i18n/engine';
import { toGrid } from '../../src/testing/plans';
import { congThuongPlan, trackedPlan } from '../fixtures/plans';

function analyse(grid: Grid): Analysis {
  const res = analyzeSheet(grid, { asOf: '2024-07-01', wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  return res.analysis;
}

function setCell(values: CellInput[][], r: number, c: number, v: CellInput): void {
  while (values.length <= r) values.push([]);
  while (values[r].length <= c) values[r].push(null);
  values[r][c] = v;
}

/** The grid as a host shows it after the check's change set: values written, formulas computed
 * (the helper's code 0, the as-of cell a date). */
function checked(grid: Grid, changes: ChangeSet): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const w of changes.writes) w.values.forEach((line, i) => line.forEach((v, j) => v !== null && setCell(values, w.range.top + i, w.range.left + j, v)));
  for (const f of changes.formulas ?? []) {
    for (let r = f.range.top; r <= f.range.bottom; r++) setCell(values, r, f.range.left, f.formula === '=TODAY()' ? 45_500 : 0);
  }
  return { ...grid, values };
}

function plan(grid: Grid, record: TrackingRecord | undefined, scope: CleanScope = 'block') {
  const a = analyse(grid);
  return cleanPlan({ sheet: grid.sheetName, view: new SheetView(grid), table: a.table, record, scope });
}

describe('a plan whose block the tool created', () => {
  const original = toGrid(congThuongPlan.sheets[0]);
  const first = analyse(original);
  const grid = checked(original, first.changes);
  const record = { created: first.tracking.created! };

  it('records every tracking column as created on the first check, none on the second', () => {
    expect(record.created).toEqual(['status', 'doneDate', 'result', 'dueDate', 'check']);
    expect(analyse(grid).tracking.created).toEqual([]);
  });

  it('removes the five columns from the header down, the helper column, the as-of cell, the names, the drop-down', () => {
    const p = plan(grid, record);
    const removals = p.changes.removals!;
    expect(p.removedColumns.map(columnLetter)).toEqual(['J', 'K', 'L', 'M', 'N']);
    expect(removals.cells.map((r) => a1Range(r))).toEqual(['J5:J21', 'K5:K21', 'L5:L21', 'M5:M21', 'N5:N21', 'O5:O21', 'L4:M4']);
    expect(removals.columns.map(columnLetter)).toEqual(['J', 'K', 'L', 'M', 'N', 'O']);
    expect(removals.names).toEqual([AS_OF_NAME, DONE_NAME]);
    expect(removals.validations.map((r) => a1Range(r))).toEqual(['J6:J21']);
    expect(p.changes.conditionalFormats).toEqual({ tag: CF_TAG, rules: [] });
    // Nothing is written, formatted or added: only taken away.
    expect([p.changes.writes, p.changes.formats, p.changes.validations, p.changes.sheets]).toEqual([[], [], [], []]);
    expect(p.lost).toEqual({ statuses: 0, doneDates: 0, results: 0 });
    expect(p.blockFound).toBe(true);
    expect(p.unrecorded).toBe(false);
  });

  it('counts the statuses, completion dates and results typed in the block', () => {
    const values = grid.values.map((r) => [...r]);
    setCell(values, 6, 9, 'Hoàn thành');
    setCell(values, 8, 9, 'Đang thực hiện');
    setCell(values, 6, 10, 45_300);
    setCell(values, 6, 11, 'Đã ban hành Kế hoạch số 12/KH-SCT');
    const p = plan({ ...grid, values }, record);
    expect(p.lost).toEqual({ statuses: 2, doneDates: 1, results: 1 });
    expect(totalLost(p.lost)).toBe(4);
  });

  it('"Gỡ tô màu" removes the tagged rules only, and nothing of the block', () => {
    const p = plan(grid, record, 'highlights');
    expect(p.changes.conditionalFormats).toEqual({ tag: CF_TAG, rules: [] });
    expect(p.changes.removals).toBeUndefined();
    expect(totalLost(p.lost)).toBe(0);
  });

  it('without a record keeps every column, and still removes the helper, the as-of cell and the names', () => {
    const p = plan(grid, undefined);
    expect(p.unrecorded).toBe(true);
    expect(p.removedColumns).toEqual([]);
    expect(p.keptColumns.map(columnLetter)).toEqual(['J', 'K', 'L', 'M', 'N']);
    expect(p.changes.removals!.cells.map((r) => a1Range(r))).toEqual(['O5:O21', 'L4:M4']);
    expect(p.changes.removals!.validations).toEqual([]);
  });

  it('keeps a column the user renamed since', () => {
    const values = grid.values.map((r) => [...r]);
    setCell(values, 4, 11, 'Kết quả (ghi rõ số văn bản)');
    const p = plan({ ...grid, values }, record);
    expect(p.removedColumns.map(columnLetter)).not.toContain('L');
  });

  it('finds nothing to remove on a sheet never checked', () => {
    const p = plan(original, undefined);
    expect(p.blockFound).toBe(false);
    expect(p.changes.removals!.cells).toEqual([]);
    expect(p.changes.removals!.columns).toEqual([]);
  });
});

describe('a plan whose own status and completion columns the block reused', () => {
  const original = toGrid(trackedPlan.sheets[0]);
  const first = analyse(original);
  const grid = checked(original, first.changes);
  const record = { created: first.tracking.created! };

  it('records only the columns the tool added', () => {
    expect(record.created).toEqual(['result', 'dueDate', 'check']);
  });

  it('never removes the user’s “Tình trạng” and “Ngày hoàn thành”, nor counts their cells as lost', () => {
    const p = plan(grid, record);
    expect(p.removedColumns.map(columnLetter)).toEqual(['I', 'J', 'K']);
    expect(p.keptColumns.map(columnLetter)).toEqual(['G', 'H']);
    const touched = new Set(p.changes.removals!.cells.flatMap((r) => Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i)));
    expect(touched.has(6)).toBe(false);
    expect(touched.has(7)).toBe(false);
    expect(p.lost).toEqual({ statuses: 0, doneDates: 0, results: 0 });
    // The tool added no drop-down to the user's status column: none to take back.
    expect(p.changes.removals!.validations).toEqual([]);
  });
});

describe('the record in the stored state', () => {
  it('adds created roles once, in block order, and says when nothing changes', () => {
    const s0 = emptyWorkbookState();
    const s1 = stateWithCreated(s0, 'Phụ lục', ['dueDate', 'status'])!;
    expect(s1.tracking['Phụ lục']).toEqual({ created: ['status', 'dueDate'] });
    expect(stateWithCreated(s1, 'Phụ lục', ['status'])).toBeNull();
    expect(stateWithCreated(s1, 'Phụ lục', ['check'])!.tracking['Phụ lục'].created).toEqual(['status', 'dueDate', 'check']);
    expect(s0.tracking).toEqual({});
  });

  it('drops the sheet’s record when the block is taken back', () => {
    const s1 = stateWithCreated(emptyWorkbookState(), 'Phụ lục', ['status'])!;
    expect(stateWithoutRecord(s1, 'Phụ lục')!.tracking).toEqual({});
    expect(stateWithoutRecord(emptyWorkbookState(), 'Phụ lục')).toBeNull();
    // Nothing left to remember: no state sheet is needed; settings of the user's are something.
    expect(isEmptyState(stateWithoutRecord(s1, 'Phụ lục')!)).toBe(true);
    expect(isEmptyState({ ...emptyWorkbookState(), settings: { ...emptyWorkbookState().settings, dueSoonDays: 14 } })).toBe(false);
    expect(isEmptyState(s1)).toBe(false);
  });

  it('keeps the widths the columns had when the tool first takes them, never the tool’s own', () => {
    const s1 = stateWithCreated(emptyWorkbookState(), 'Phụ lục', ['status', 'check'], undefined, [], { status: 70, helper: 20 })!;
    expect(s1.tracking['Phụ lục'].widths).toEqual({ status: 70, helper: 20 });
    // A later check sees the tool's widths on those columns: they are not recorded again; a role
    // created now for the first time is.
    const s2 = stateWithCreated(s1, 'Phụ lục', ['result'], undefined, [], { status: 84, result: 40, helper: 0 })!;
    expect(s2.tracking['Phụ lục'].widths).toEqual({ status: 70, result: 40, helper: 20 });
  });
});

describe('heights given back', () => {
  it('a row the tool grew gets its height back while it has the tool’s, to a pixel', () => {
    const original = toGrid(congThuongPlan.sheets[0]);
    const analysis = analyse(original);
    const grid = checked(original, analysis.changes);
    const [a, b, c] = analysis.tasks.map((t) => t.row);
    const record: TrackingRecord = { created: [...(analysis.tracking.created ?? [])], rows: [a, b, c].map((row) => ({ row, before: 16, after: 47.5 })) };
    // Excel keeps 47.25 for 47.5 (whole pixels); the user set the third row's height since.
    const p = plan({ ...grid, rowHeights: { [a]: 47.5, [b]: 47.25, [c]: 30 } }, record);
    expect(p.changes.rowHeights).toEqual([
      { row: a, height: 16, before: 47.5 },
      { row: b, height: 16, before: 47.5 },
    ]);
  });
});

describe('widths given back', () => {
  it('a taken-back column with a width on record gets it; the others the default', () => {
    const original = toGrid(congThuongPlan.sheets[0]);
    const analysis = analyse(original);
    const record: TrackingRecord = { created: [...(analysis.tracking.created ?? [])], widths: { status: 70, check: 130.5, helper: 20 } };
    const p = plan(checked(original, analysis.changes), record);
    const { status, check } = analysis.tracking.columns;
    expect(p.changes.removals!.widths).toEqual({ [status]: 70, [check]: 130.5, [analysis.tracking.helper!]: 20 });
    expect(p.changes.removals!.columns).toEqual(expect.arrayContaining([status, check, analysis.tracking.helper!]));
  });
});

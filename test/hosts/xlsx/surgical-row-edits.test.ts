/**
 * The surgical writer's cell edits, made row by row from the change set's rectangles
 * (row-edits.ts), are the edits the writer used to gather cell by cell before writing: checked
 * here against that per-cell gathering, kept as the reference, on random change sets (writes
 * shorter than their range, nulls, later writes over earlier ones, formats with and without a
 * style, single and shared formulas, merges over all of them).
 */
import fc from 'fast-check';
import { a1Range } from '../../../src/engine/a1';
import type { CellRange, CellStyle, ChangeSet, FormatChange } from '../../../src/engine/model';
import { ChangeSetError } from '../../../src/hosts/change-set-error';
import { gatherEdits, type CellEdit } from '../../../src/hosts/xlsx/surgical/cells';
import { hasStyle } from '../../../src/hosts/xlsx/surgical/styles';

type Rows = Map<number, Map<number, CellEdit>>;

/** The per-cell gathering the writer did before (every cell's edit made up front). */
function referenceEdits(changes: ChangeSet, nextSi: number, merges: CellRange[], grid: { maxRows: number; maxCols: number }): { rows: Rows; bounds: CellRange | null } {
  const rows: Rows = new Map();
  const editAt = (row: number, col: number): CellEdit => {
    let line = rows.get(row);
    if (!line) rows.set(row, (line = new Map()));
    let edit = line.get(col);
    if (!edit) line.set(col, (edit = { styles: [] }));
    return edit;
  };
  for (const write of changes.writes) {
    const r = write.range;
    write.values.forEach((line, i) => {
      if (r.top + i > r.bottom) throw new ChangeSetError('more rows');
      line.forEach((v, j) => {
        if (r.left + j > r.right) throw new ChangeSetError('more columns');
        if (v === null) return;
        editAt(r.top + i, r.left + j).value = v;
      });
    });
  }
  for (const f of changes.formats) {
    const r = f.range;
    if (!hasStyle(f)) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const edit = editAt(row, col);
        edit.styles = [...edit.styles, f];
      }
    }
  }
  let si = nextSi;
  for (const fill of changes.formulas ?? []) {
    const r = fill.range;
    const text = fill.formula.replace(/^=/, '');
    if (r.top === r.bottom && r.left === r.right) {
      editAt(r.top, r.left).formula = { text };
      continue;
    }
    const shared = si++;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const edit = editAt(row, col);
        delete edit.value;
        edit.formula = row === r.top && col === r.left ? { text, shared: { si: shared, ref: a1Range(r) } } : { text, shared: { si: shared, ref: null } };
      }
    }
  }
  for (const [row, line] of rows) {
    if (row < 0 || row >= grid.maxRows) throw new ChangeSetError('row outside');
    for (const col of line.keys()) if (col < 0 || col >= grid.maxCols) throw new ChangeSetError('column outside');
  }
  for (const m of merges) {
    for (let row = m.top; row <= m.bottom; row++) {
      const line = rows.get(row);
      if (!line) continue;
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        const edit = line.get(col);
        if (!edit) continue;
        delete edit.value;
        delete edit.formula;
        if (edit.styles.length === 0) line.delete(col);
      }
      if (line.size === 0) rows.delete(row);
    }
  }
  let bounds: CellRange | null = null;
  for (const [row, line] of rows) {
    for (const col of line.keys()) {
      if (!bounds) bounds = { top: row, left: col, bottom: row, right: col };
      else bounds = { top: Math.min(bounds.top, row), left: Math.min(bounds.left, col), bottom: Math.max(bounds.bottom, row), right: Math.max(bounds.right, col) };
    }
  }
  return { rows, bounds };
}

const range = (maxRow: number, maxCol: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxRow }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: maxCol }), fc.integer({ min: 0, max: 3 }))
    .map(([top, h, left, w]): CellRange => ({ top, bottom: top + h, left, right: left + w }));

const cellValue = fc.oneof(fc.constant(null), fc.constant(''), fc.string({ maxLength: 4 }), fc.integer(), fc.boolean());

const write = range(24, 8).chain((r) =>
  fc
    .array(fc.array(cellValue, { minLength: 0, maxLength: r.right - r.left + 1 }), { minLength: 0, maxLength: r.bottom - r.top + 1 })
    .map((values) => ({ range: r, values })),
);

const STYLES: CellStyle[] = [{ bold: true }, { border: true, wrapText: true }, { numberFormat: 'dd/mm/yyyy' }, {}];
const format = fc
  .tuple(range(24, 8), fc.integer({ min: 0, max: STYLES.length - 1 }), fc.option(fc.integer({ min: 5, max: 30 }), { nil: undefined }))
  .map(([r, s, width]): FormatChange => ({ range: r, ...STYLES[s], ...(width === undefined ? {} : { columnWidth: width }) }));

const formula = fc.tuple(range(24, 8), fc.boolean()).map(([r, single]) => ({
  range: single ? { ...r, bottom: r.top, right: r.left } : r,
  formula: `=A${r.top + 1}+1`,
  formulaR1C1: '=R[0]C1+1',
}));

const changeSet = fc
  .tuple(fc.array(write, { maxLength: 4 }), fc.array(format, { maxLength: 4 }), fc.array(formula, { maxLength: 3 }))
  .map(([writes, formats, formulas]): ChangeSet => ({ sheet: 'S', writes, formats, formulas, validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [] }));

function outcome<T>(run: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof ChangeSetError) return { ok: false };
    throw e;
  }
}

test('row by row, the edits are those of the per-cell gathering, in the same order, with the same bounds and refusals', () => {
  fc.assert(
    fc.property(changeSet, fc.array(range(24, 8), { maxLength: 4 }), fc.integer({ min: 0, max: 5 }), fc.boolean(), (changes, merges, nextSi, smallGrid) => {
      const grid = smallGrid ? { maxRows: 20, maxCols: 7 } : { maxRows: 1_048_576, maxCols: 16_384 };
      const expected = outcome(() => referenceEdits(changes, nextSi, merges, grid));
      const actual = outcome(() => gatherEdits(changes, nextSi, merges, grid));
      expect(actual.ok).toBe(expected.ok);
      if (!actual.ok || !expected.ok) return;
      const { rows, bounds } = expected.value;
      const cells = actual.value.cells;
      expect(cells.rows).toEqual([...rows.keys()].sort((a, b) => a - b));
      expect(cells.bounds).toEqual(bounds);
      for (let row = 0; row < 32; row++) {
        const line = cells.line(row);
        const want = rows.get(row);
        // Same cells, same edits, in the same order (the order new cells were first touched).
        expect(line ? [...line] : undefined).toEqual(want ? [...want] : undefined);
      }
    }),
  );
});

test('a row asked for again, or out of order, gives the same edits', () => {
  const changes: ChangeSet = {
    sheet: 'S',
    writes: [{ range: { top: 2, left: 1, bottom: 9, right: 2 }, values: Array.from({ length: 8 }, (_, i) => [`t${i}`, i]) }],
    formats: [{ range: { top: 0, left: 0, bottom: 11, right: 3 }, border: true }],
    formulas: [{ range: { top: 2, left: 3, bottom: 9, right: 3 }, formula: '=B3*2', formulaR1C1: '=RC[-2]*2' }],
    validations: [],
    conditionalFormats: { tag: '', rules: [] },
    sheets: [],
  };
  const { cells } = gatherEdits(changes, 0, [{ top: 4, left: 1, bottom: 5, right: 2 }], { maxRows: 100, maxCols: 100 });
  const forward = [0, 3, 5, 7, 11].map((row) => [...cells.line(row)!]);
  const backward = [11, 7, 5, 3, 0].map((row) => [...cells.line(row)!]).reverse();
  expect(backward).toEqual(forward);
  // The merge's other cells keep their border but lose the written text.
  expect(cells.line(5)!.get(1)).toStrictEqual({ styles: [changes.formats[0]] });
});

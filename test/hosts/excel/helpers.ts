/** Helpers for the Office.js host tests: which cells a change set may touch, and a comparison of
 * everything else before and after. */
import { a1, columnLetter, parseA1Range } from '../../../src/engine/a1';
import type { CellRange, ChangeSet } from '../../../src/engine/model';
import type { SheetDump } from '../../../src/testing/fake-excel';

/** Every cell address a change set names (writes, formats, formulas, validations). */
export function ownedCells(changes: ChangeSet): Set<string> {
  const owned = new Set<string>();
  const add = (r: CellRange) => {
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) owned.add(a1(row, col));
  };
  changes.writes.forEach((w) => add(w.range));
  changes.formats.forEach((f) => add(f.range));
  changes.validations.forEach((v) => add(v.range));
  (changes.formulas ?? []).forEach((f) => add(f.range));
  return owned;
}

/** Columns whose width the change set sets. */
export function ownedColumns(changes: ChangeSet): Set<string> {
  const cols = new Set<string>();
  for (const f of changes.formats) {
    if (f.columnWidth === undefined) continue;
    if (f.range.left === f.range.right) cols.add(columnLetter(f.range.left));
  }
  return cols;
}

/**
 * What the user owns, from a sheet dump: every cell outside `owned` (value, formula, number
 * format, style, link, comment), the merges, hidden rows, widths of columns not owned, their
 * conditional formats (those without the tag) and their validations.
 */
export function userView(dump: SheetDump, owned: Set<string>, ownedCols: Set<string>, tag: string) {
  const cells = Object.fromEntries(Object.entries(dump.cells).filter(([address]) => !owned.has(address)));
  const columnWidths = Object.fromEntries(Object.entries(dump.columnWidths).filter(([col]) => !ownedCols.has(col)));
  return {
    cells,
    merges: [...dump.merges].sort(),
    hiddenRows: dump.hiddenRows,
    columnWidths,
    conditionalFormats: dump.conditionalFormats.filter((c) => !(c.formula ?? '').includes(tag)).map(({ priority: _p, ...rest }) => rest),
    validations: dump.validations.filter((v) => ![...expand(v.address)].some((c) => owned.has(c))),
  };
}

function* expand(address: string): Generator<string> {
  const r = parseA1Range(address);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield a1(row, col);
}

/** Helpers for the Office.js host tests: which cells a change set may touch, and a comparison of
 * everything else before and after. */
import type { ChangeSet } from '../../../src/engine/model';
import { a1, parseA1Range } from '../../../src/engine/text';
import type { SheetDump } from '../../../src/testing/fake-excel';

/** Every cell address a change set names (writes, formats, validations). */
export function ownedCells(changes: ChangeSet): Set<string> {
  const owned = new Set<string>();
  const add = (address: string) => {
    const r = parseA1Range(address);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) owned.add(a1(row, col));
  };
  changes.writes.forEach((w) => add(w.address));
  changes.formats.forEach((f) => add(f.address));
  changes.validations.forEach((v) => add(v.address));
  return owned;
}

/** Columns whose width the change set sets. */
export function ownedColumns(changes: ChangeSet): Set<string> {
  const cols = new Set<string>();
  for (const f of changes.formats) {
    if (f.columnWidth === undefined) continue;
    const m = /^([A-Z]+)\d+(?::([A-Z]+)\d+)?$/.exec(f.address);
    if (m && (!m[2] || m[2] === m[1])) cols.add(m[1]);
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

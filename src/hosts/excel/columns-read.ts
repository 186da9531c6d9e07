/**
 * What the read learns of the sheet's columns, for the tracking block to go where the .xlsx host
 * would put it (docs/validation.md, "The tracking block"): which columns are hidden, how wide
 * each is, and which cells hold the user's own data validation — over the used columns and the
 * EXTRA_COLUMNS right of them, where the block goes. Queued with the read's second sync, two
 * calls whatever the row count:
 *
 * - Range.getColumnProperties({ columnHidden, format: { columnWidth } }) (ExcelApi 1.9) on one
 *   row across the columns: "a single-dimensional array … for each column" (its JSDoc), so no
 *   proxy per column; widths in points. A hidden column's width is ignored (the reference does not
 *   say what it reports; Excel's object model says 0).
 * - Range.getSpecialCellsOrNullObject("DataValidations") (ExcelApi 1.9, SpecialCellType
 *   "DataValidations": "cells with validation criteria") over the used rows and those columns:
 *   the validated cells as areas, or a null object when there are none.
 */
import { parseA1Areas } from '../../engine/a1';
import type { CellRange } from '../../engine/model';

/** Columns read right of the used range: the block's five columns, its helper and the as-of
 * cell, with room to skip hidden or validated columns on the way. */
export const EXTRA_COLUMNS = 64;
/** Excel's last column count (XFD). */
const SHEET_COLUMNS = 16_384;

export interface ColumnLoads {
  properties: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  validated: Excel.RangeAreas;
}

export interface ColumnFacts {
  /** Hidden columns, sheet indices. */
  hidden: number[];
  /** Width in points of every column read that is not hidden. */
  widths: Record<number, number>;
  /** The cells holding data validation, within the used rows. */
  validated: CellRange[];
}

/** Queue the loads (the read's second sync): columns 0 … lastUsedCol + EXTRA_COLUMNS. */
export function queueColumns(sheet: Excel.Worksheet, top: number, rowCount: number, lastUsedCol: number): ColumnLoads {
  const count = Math.min(SHEET_COLUMNS, lastUsedCol + 1 + EXTRA_COLUMNS);
  const properties = sheet.getRangeByIndexes(top, 0, 1, count).getColumnProperties({ columnHidden: true, format: { columnWidth: true } });
  const validated = sheet.getRangeByIndexes(top, 0, Math.max(1, rowCount), count).getSpecialCellsOrNullObject('DataValidations').load('address');
  return { properties, validated };
}

/** The columns' facts, once the loads are synced. */
export function columnFactsOf(loads: ColumnLoads): ColumnFacts {
  const hidden: number[] = [];
  const widths: Record<number, number> = {};
  loads.properties.value.forEach((p, c) => {
    if (p.columnHidden === true) hidden.push(c);
    else if (typeof p.format?.columnWidth === 'number') widths[c] = p.format.columnWidth;
  });
  const validated = loads.validated.isNullObject ? [] : parseA1Areas(loads.validated.address);
  return { hidden, widths, validated };
}

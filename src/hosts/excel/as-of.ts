/**
 * The active sheet's as-of cell (validation.md, "The as-of date"), found by its sheet-local
 * name CCHC_AsOf, read and set in 2 syncs whatever the sheet's size:
 *
 *   sync 1 — the name (NamedItemCollection.getItemOrNullObject, ExcelApi 1.4) and the workbook's
 *            date system (DATE(2000,1,1) is 36526 in the 1900 system, 35064 in 1904);
 *   sync 2 — the cell's formula and value (read), or its new content (set): =TODAY() for live
 *            highlights, a date serial for a day fixed for a review.
 *
 * A sheet never checked has no such name: nothing is read or written then.
 */
import { AS_OF_NAME } from '../../engine/as-of';
import { isoToSerial, serialToISO } from '../../engine/dates';
import type { AsOfSetting } from '../plan-host';

const LIVE_FORMULA = /^=\s*TODAY\s*\(\s*\)\s*$/i;

interface NamedCell {
  cell: Excel.Range;
  sheet: Excel.Worksheet;
  date1904: boolean;
}

/** Sync 1: the as-of cell of the active sheet, or null when the sheet has none. */
async function findAsOfCell(ctx: Excel.RequestContext): Promise<NamedCell | null> {
  const sheet = ctx.workbook.worksheets.getActiveWorksheet();
  const item = sheet.names.getItemOrNullObject(AS_OF_NAME);
  item.load('type');
  const epoch = ctx.workbook.functions.date(2000, 1, 1);
  epoch.load('value');
  await ctx.sync();
  if (item.isNullObject || item.type !== 'Range') return null;
  return { cell: item.getRange(), sheet, date1904: typeof epoch.value === 'number' && epoch.value < 36_000 };
}

/** What the as-of cell holds: live (=TODAY()), a fixed day, or null (no cell, or no date in it). */
export async function readAsOfCell(ctx: Excel.RequestContext): Promise<AsOfSetting | null> {
  const found = await findAsOfCell(ctx);
  if (!found) return null;
  found.cell.load('formulas,values');
  await ctx.sync();
  const formula = found.cell.formulas[0][0];
  if (typeof formula === 'string' && LIVE_FORMULA.test(formula)) return { mode: 'live' };
  const value = found.cell.values[0][0];
  const day = typeof value === 'number' ? serialToISO(Math.floor(value), found.date1904) : null;
  return day ? { mode: 'fixed', day } : null;
}

/** Put the setting into the as-of cell; false when the active sheet has none (never checked). */
export async function writeAsOfCell(ctx: Excel.RequestContext, setting: AsOfSetting): Promise<boolean> {
  const found = await findAsOfCell(ctx);
  if (!found) return false;
  if (setting.mode === 'live') found.cell.formulas = [['=TODAY()']];
  else found.cell.values = [[isoToSerial(setting.day, found.date1904)]];
  // Rules added through the API may not repaint until the sheet is calculated (office-js #5299).
  found.sheet.calculate(true);
  await ctx.sync();
  return true;
}

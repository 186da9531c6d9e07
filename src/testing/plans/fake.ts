/** A PlanWorkbook as the fake Excel's seed. */
import type { FakeSheetSeed, FakeWorkbookSeed } from '../fake-excel';
import type { PlanSheet, PlanWorkbook } from './sheet';

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

/**
 * Real dates are date serials shown dd/mm/yyyy, as Excel stores a typed date. The seed is a copy:
 * a test may change it without changing the plan it came from.
 */
function toFakeSheet(sheet: PlanSheet): FakeSheetSeed {
  const seed: FakeSheetSeed = { name: sheet.name, rows: sheet.rows };
  if (sheet.merges) seed.merges = sheet.merges;
  if (sheet.hiddenRows) seed.hiddenRows = sheet.hiddenRows;
  if (sheet.formulas) seed.formulas = Object.fromEntries(Object.entries(sheet.formulas).map(([a, f]) => [a, f.startsWith('=') ? f : `=${f}`]));
  if (sheet.visibility) seed.visibility = VISIBILITY[sheet.visibility];
  Object.assign(seed, sheet.fake);
  if (sheet.dates?.length) seed.numberFormats = { ...Object.fromEntries(sheet.dates.map((a) => [a, 'dd/mm/yyyy'])), ...sheet.fake?.numberFormats };
  return structuredClone(seed);
}

export function toFakeSeed(workbook: PlanWorkbook): FakeWorkbookSeed {
  const seed: FakeWorkbookSeed = { sheets: workbook.sheets.map(toFakeSheet) };
  if (workbook.date1904 !== undefined) seed.date1904 = workbook.date1904;
  if (workbook.activeSheet !== undefined) seed.activeSheet = workbook.activeSheet;
  return seed;
}

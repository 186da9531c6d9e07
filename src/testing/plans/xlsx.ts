/**
 * A PlanWorkbook as a real .xlsx, with exceljs: merges, hidden rows, real dates, formulas with
 * their cached results, error values, the 1904 date system, the active sheet and the sheet's
 * xlsx formatting. Used by the host, CLI and e2e tests, the bench and scripts/make-sample.ts.
 * Node only (exceljs), so it is not re-exported from index.ts.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/model';
import { columnLetter, parseA1Range } from '../../engine/a1';
import { cellError } from '../../engine/text';
import { serialToDate } from '../../hosts/xlsx/cell-value';
import type { PlanSheet, PlanWorkbook } from './sheet';

const DATE_FORMAT = 'dd/mm/yyyy';

function excelValue(v: CellValue, isDate: boolean, date1904: boolean): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') {
    const err = cellError(v);
    // An error text is stored as a real error value, as Excel would store #REF!.
    return err ? ({ error: err } as ExcelJS.CellErrorValue) : v;
  }
  if (typeof v === 'number' && isDate) return serialToDate(v, date1904);
  return v;
}

/** "row:col" keys (0-based) of every cell of the given A1 areas. */
function cellKeys(list: string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const address of list ?? []) {
    const r = parseA1Range(address);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) set.add(`${row}:${col}`);
    }
  }
  return set;
}

function formulaKeys(formulas: Record<string, string> | undefined): Map<string, string> {
  const at = new Map<string, string>();
  for (const [address, formula] of Object.entries(formulas ?? {})) {
    const r = parseA1Range(address);
    at.set(`${r.top}:${r.left}`, formula.replace(/^=/, ''));
  }
  return at;
}

function writeValues(ws: ExcelJS.Worksheet, sheet: PlanSheet, date1904: boolean): void {
  const dates = cellKeys(sheet.dates);
  const formulaAt = formulaKeys(sheet.formulas);
  sheet.rows.forEach((line, r) => {
    line.forEach((v, c) => {
      const key = `${r}:${c}`;
      const isDate = dates.has(key);
      const formula = formulaAt.get(key);
      const cell = ws.getCell(r + 1, c + 1);
      const value = excelValue(v, isDate, date1904);
      if (formula !== undefined) cell.value = { formula, result: value ?? undefined } as ExcelJS.CellFormulaValue;
      else if (value !== null) cell.value = value;
      if (isDate) cell.numFmt = DATE_FORMAT;
    });
  });
}

function addSheet(workbook: ExcelJS.Workbook, sheet: PlanSheet, date1904: boolean): void {
  const look = sheet.xlsx ?? {};
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility ?? 'visible',
    views: look.freezeRowsAbove ? [{ state: 'frozen', ySplit: look.freezeRowsAbove - 1 }] : [],
    ...(look.pageSetup ? { pageSetup: look.pageSetup } : {}),
  });
  writeValues(ws, sheet, date1904);
  for (const [address, target] of Object.entries(look.links ?? {})) {
    const cell = ws.getCell(address);
    cell.value = { text: String(cell.text ?? ''), hyperlink: target };
  }
  for (const range of sheet.merges ?? []) ws.mergeCells(range);
  for (const row of sheet.hiddenRows ?? []) ws.getRow(row).hidden = true;
  for (const { address, style } of look.styles ?? []) {
    const r = parseA1Range(address);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row + 1, col + 1);
        cell.style = { ...cell.style, ...style } as ExcelJS.Style;
      }
    }
  }
  for (const [letters, width] of Object.entries(look.columnWidths ?? {})) ws.getColumn(letters).width = width;
  for (const [row, height] of Object.entries(look.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
}

export function buildWorkbook(plan: PlanWorkbook): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const date1904 = !!plan.date1904;
  workbook.properties.date1904 = date1904;
  workbook.creator = 'cchc-plan test fixtures';
  // A fixed timestamp keeps generated files byte-stable across runs.
  workbook.created = new Date(Date.UTC(2024, 0, 2));
  workbook.modified = new Date(Date.UTC(2024, 0, 2));
  for (const sheet of plan.sheets) addSheet(workbook, sheet, date1904);
  const active = plan.activeSheet;
  const activeTab = active ? Math.max(0, plan.sheets.findIndex((s) => s.name === active)) : 0;
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible' }];
  return workbook;
}

export async function writeXlsx(plan: PlanWorkbook, file: string): Promise<void> {
  await buildWorkbook(plan).xlsx.writeFile(file);
}

export async function xlsxBuffer(plan: PlanWorkbook): Promise<Buffer> {
  return Buffer.from(await buildWorkbook(plan).xlsx.writeBuffer());
}

/**
 * One large sheet through exceljs's streaming writer: low memory even at 50,000 rows. Rows are
 * written once and committed, so styles reach only the cells that hold a value, links, freeze
 * and page setup are left out, and the sheet is in the 1900 date system.
 */
export async function writeXlsxStream(sheet: PlanSheet, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const look = sheet.xlsx ?? {};
  const ws = workbook.addWorksheet(sheet.name, sheet.visibility ? { state: sheet.visibility } : undefined);
  const widths = look.columnWidths ?? {};
  const lastCol = Math.max(-1, ...Object.keys(widths).map((letters) => parseA1Range(`${letters}1`).left));
  if (lastCol >= 0) ws.columns = Array.from({ length: lastCol + 1 }, (_, c) => (widths[columnLetter(c)] === undefined ? {} : { width: widths[columnLetter(c)] }));
  // The writer's own mergeCells compares each merge with all earlier ones (quadratic); a
  // PlanSheet's merges do not overlap, so they are recorded directly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Range = require('exceljs/lib/doc/range');
  const merges = (ws as unknown as { _merges: unknown[] })._merges;
  for (const m of sheet.merges ?? []) merges.push(new Range(m));
  const dates = cellKeys(sheet.dates);
  const formulaAt = formulaKeys(sheet.formulas);
  const hidden = new Set(sheet.hiddenRows ?? []);
  const styles = (look.styles ?? []).map(({ address, style }) => ({ area: parseA1Range(address), style }));
  sheet.rows.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    line.forEach((v, c) => {
      const value = excelValue(v, dates.has(`${r}:${c}`), false);
      const formula = formulaAt.get(`${r}:${c}`);
      if (value === null && formula === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = formula === undefined ? value : ({ formula, result: value ?? undefined } as ExcelJS.CellFormulaValue);
      if (dates.has(`${r}:${c}`)) cell.numFmt = DATE_FORMAT;
      for (const { area, style } of styles) {
        if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) cell.style = { ...cell.style, ...style } as ExcelJS.Style;
      }
    });
    if (hidden.has(r + 1)) row.hidden = true;
    row.commit();
  });
  ws.commit();
  await workbook.commit();
}

/**
 * The exceljs executor: applies an engine ChangeSet to a workbook in memory. Only the cells the
 * change set names are touched; everything else — the user's values, styles, merges, their own
 * validations and conditional formats — stays as exceljs read it.
 *
 * exceljs shares one style object between all cells read with the same style id, so a style is
 * always copied before it is changed (otherwise a bold header would make every cell sharing its
 * style bold).
 */
import ExcelJS from 'exceljs';
import { a1Range, parseA1Range, qualifiedA1, wholeColumns, wholeRows } from '../../engine/a1';
import type { CellInput, CellRange, CellStyle, ChangeSet, ConditionalFormatRule, FormatChange, PrintSettings, FormulaFill, SheetCell, SheetModel } from '../../engine/model';
import { sameSheetName } from '../../engine/text';
import { ChangeSetError } from '../change-set-error';
import { applyExceljsPatches, markExplicitWidth } from './exceljs-patches';
import { linkFormula } from './link-formula';
import { marginsInInches, pageNumberHeaderFooter } from '../../engine/page-setup';

applyExceljsPatches();

/** exceljs ValueType.Merge. */
const MERGE_TYPE = 1;
/** A width the tool sets, written even at exceljs's default of 9 (exceljs-patches.ts). */
function setWidth(column: ExcelJS.Column, width: number): void {
  column.width = width;
  markExplicitWidth(column);
}

/** Excel's default column width as the file stores it. */
const DEFAULT_COLUMN_WIDTH = 9.140625;
/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

/** The worksheet of that name; falls back to Excel's comparison (NFC, any case), under which a
 * workbook holds at most one sheet of a name. */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const exact = workbook.getWorksheet(name);
  if (exact) return exact;
  return workbook.worksheets.find((ws) => sameSheetName(ws.name, name));
}

function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new ChangeSetError(`not a #RRGGBB colour: ${hex}`);
  return `FF${m[1].toUpperCase()}`;
}

type CellLike = ExcelJS.Cell & { type: number; isMerged: boolean; master: ExcelJS.Cell };

/** A cell that belongs to a merge without being its top-left: writing it would write the merge's
 * top-left cell instead, i.e. a cell nobody asked to change. */
function isMergeFollower(cell: ExcelJS.Cell): boolean {
  const c = cell as CellLike;
  return c.type === MERGE_TYPE;
}

function writeValue(ws: ExcelJS.Worksheet, row: number, col: number, v: CellInput): void {
  if (v === null) return;
  // Clearing a cell that was never stored is nothing to do (and creating it costs memory).
  const existing = (ws as unknown as { findCell(r: number, c: number): ExcelJS.Cell | undefined }).findCell(row, col);
  if (v === '' && !existing) return;
  const cell = existing ?? ws.getCell(row, col);
  if (isMergeFollower(cell)) return;
  // Strings stay text: exceljs only makes a formula from { formula }, never from "=…".
  cell.value = v === '' ? null : v;
}

/** Replace the cell's style by a private copy so changing it cannot touch other cells. */
function ownStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  const copy = { ...(cell.style ?? {}) } as Partial<ExcelJS.Style>;
  cell.style = copy as ExcelJS.Style;
  return copy;
}

type StyleSpec = CellStyle;

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

function hasStyle(spec: StyleSpec): boolean {
  return (
    spec.numberFormat !== undefined || spec.bold !== undefined || spec.italic !== undefined || spec.fontSize !== undefined ||
    spec.fontName !== undefined || spec.underline !== undefined || spec.wrapText !== undefined || spec.fill !== undefined || spec.fontColor !== undefined ||
    spec.horizontalAlignment !== undefined || spec.verticalAlignment !== undefined || spec.border !== undefined
  );
}

/**
 * Styles already made for one format change, by the style a cell had before. Cells that shared
 * a style before share the new one after (as exceljs itself shares what it reads), which keeps
 * memory flat and lets exceljs's writer reuse one style id per object.
 */
type StyleCache = Map<object | 'empty', Partial<ExcelJS.Style>>;

function styleCell(cell: ExcelJS.Cell, spec: StyleSpec, cache?: StyleCache): void {
  if (!hasStyle(spec)) return;
  const before = (cell.style ?? {}) as object;
  const key = Object.keys(before).length === 0 ? 'empty' : before;
  const known = cache?.get(key);
  if (known) {
    cell.style = known as ExcelJS.Style;
    return;
  }
  const style = ownStyle(cell);
  cache?.set(key, style);
  if (spec.numberFormat !== undefined) style.numFmt = spec.numberFormat;
  if (spec.bold !== undefined || spec.italic !== undefined || spec.fontSize !== undefined || spec.fontColor !== undefined || spec.fontName !== undefined || spec.underline !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(style.font ?? {}) };
    if (spec.fontName !== undefined) {
      font.name = spec.fontName;
      // A theme scheme would show the theme's font instead.
      delete font.scheme;
      delete font.family;
    }
    if (spec.underline !== undefined) font.underline = spec.underline;
    if (spec.bold !== undefined) font.bold = spec.bold;
    if (spec.italic !== undefined) font.italic = spec.italic;
    if (spec.fontSize !== undefined) font.size = spec.fontSize;
    if (spec.fontColor !== undefined) font.color = { argb: argb(spec.fontColor) };
    style.font = font as ExcelJS.Font;
  }
  if (spec.wrapText !== undefined || spec.horizontalAlignment !== undefined || spec.verticalAlignment !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(style.alignment ?? {}) };
    if (spec.wrapText !== undefined) alignment.wrapText = spec.wrapText;
    if (spec.horizontalAlignment !== undefined) alignment.horizontal = spec.horizontalAlignment;
    if (spec.verticalAlignment !== undefined) alignment.vertical = spec.verticalAlignment === 'center' ? 'middle' : spec.verticalAlignment;
    style.alignment = alignment as ExcelJS.Alignment;
  }
  if (spec.fill !== undefined) {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } };
  }
  if (spec.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

/** Every cell of a rectangle, row by row (one row lookup per row, not per cell). */
function forEachCell(ws: ExcelJS.Worksheet, r: CellRange, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++) {
    const line = ws.getRow(row + 1);
    for (let col = r.left; col <= r.right; col++) fn(line.getCell(col + 1));
  }
}

function applyFormat(ws: ExcelJS.Worksheet, f: FormatChange): void {
  const spec: StyleSpec = f;
  if (hasStyle(spec)) {
    const cache: StyleCache = new Map();
    forEachCell(ws, f.range, (cell) => styleCell(cell, spec, cache));
  }
  if (f.columnWidth !== undefined) {
    const r = f.range;
    // exceljs column width is already in characters (the unit Excel shows).
    for (let col = r.left; col <= r.right; col++) setWidth(ws.getColumn(col + 1), f.columnWidth);
  }
  if (f.columnHidden !== undefined) {
    for (let col = f.range.left; col <= f.range.right; col++) {
      const column = ws.getColumn(col + 1);
      column.hidden = f.columnHidden;
      // A <col> needs a width: Excel's default (8.43 characters of Calibri 11, 9.140625 in the
      // file), as Excel and the surgical writer write it, not exceljs's 9.
      if (column.width === undefined) column.width = DEFAULT_COLUMN_WIDTH;
    }
  }
}

/** A formula over a range as Excel fills it down: one cell holds it, a larger range shares the
 * top-left cell's formula (exceljs's fillFormula, written as a shared formula). */
function applyFormula(ws: ExcelJS.Worksheet, fill: FormulaFill): void {
  const r = fill.range;
  const formula = fill.formula.replace(/^=/, '');
  if (r.top === r.bottom && r.left === r.right) ws.getCell(r.top + 1, r.left + 1).value = { formula } as ExcelJS.CellFormulaValue;
  else ws.fillFormula(a1Range(r), formula);
}

interface ValidationsModel {
  model: Record<string, unknown>;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A list's inline formula: "a,b,c" in quotes, inner quotes doubled. */
function listFormula(choices: string[]): string {
  return `"${choices.map((c) => c.replace(/"/g, '""')).join(',')}"`;
}

function applyValidation(ws: ExcelJS.Worksheet, target: CellRange, choices: string[]): void {
  const dv = (ws as unknown as { dataValidations: ValidationsModel }).dataValidations;
  // exceljs keeps validations per cell (it expands ranges on read): drop whatever overlaps.
  for (const key of Object.keys(dv.model)) {
    let range;
    try {
      range = parseA1Range(key);
    } catch {
      continue;
    }
    if (overlaps(range, target)) delete dv.model[key];
  }
  dv.model[a1Range(target)] = {
    type: 'list',
    allowBlank: true,
    formulae: [listFormula(choices)],
    // A warning, not a stop: wordings outside the list ("Đang triển khai") stay allowed.
    showErrorMessage: true,
    errorStyle: 'warning',
  };
}

interface CfRuleLike {
  priority?: number;
  formulae?: unknown[];
  [k: string]: unknown;
}
interface CfLike {
  ref: string;
  rules: CfRuleLike[];
}

function ruleHasTag(rule: CfRuleLike, tag: string): boolean {
  return (rule.formulae ?? []).some((f) => typeof f === 'string' && f.includes(tag));
}

function applyConditionalFormats(ws: ExcelJS.Worksheet, tag: string, rules: ConditionalFormatRule[]): void {
  const sheet = ws as unknown as { conditionalFormattings: CfLike[] };
  let existing: CfLike[] = sheet.conditionalFormattings ?? [];
  if (tag) {
    existing = existing
      .map((cf) => ({ ...cf, rules: cf.rules.filter((rule) => !ruleHasTag(rule, tag)) }))
      .filter((cf) => cf.rules.length > 0);
  }
  // Ours come first (priority 1…n, in the given order); the user's keep their order after them.
  const userRules = existing.flatMap((cf) => cf.rules).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  userRules.forEach((rule, i) => {
    rule.priority = rules.length + i + 1;
  });
  const ours: CfLike[] = rules.map((rule, i) => ({
    ref: a1Range(rule.range),
    rules: [
      {
        type: 'expression',
        priority: i + 1,
        formulae: [rule.formula.replace(/^=/, '')],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.fontColor) } },
        },
        stopIfTrue: rule.stopIfTrue,
      },
    ],
  }));
  sheet.conditionalFormattings = [...ours, ...existing];
}

function sheetCellValue(cell: SheetCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: cell.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  if (cell.link) {
    const shown = typeof cell.value === 'number' ? cell.value : cell.value === null || cell.value === undefined ? '' : String(cell.value);
    // A HYPERLINK formula wraps in LibreOffice where a hyperlinked cell does not (link-formula.ts).
    const formula = shown === '' ? null : linkFormula(shown, cell.link);
    if (formula !== null) return { formula, result: shown } as ExcelJS.CellFormulaValue;
    const { sheet, row, col } = cell.link;
    return { text: String(shown), hyperlink: `#${qualifiedA1(sheet, { top: row, left: col, bottom: row, right: col })}` };
  }
  if (cell.value === undefined || cell.value === null || cell.value === '') return null;
  return cell.value;
}

/** Create the sheet, or replace the one of the same name in its place in the tab order. */
export function buildSheet(workbook: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
  const old = findWorksheet(workbook, model.name);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(model.name);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  let hasFormula = false;
  for (const cell of model.cells) {
    const target = ws.getCell(cell.row + 1, cell.col + 1);
    const value = sheetCellValue(cell);
    if (cell.formula !== undefined) hasFormula = true;
    if (value !== null) target.value = value;
    styleCell(target, cell);
  }
  for (const m of model.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const [col, width] of Object.entries(model.columnWidths)) setWidth(ws.getColumn(Number(col) + 1), width);
  for (const [row, height] of Object.entries(model.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4 as ExcelJS.PaperSize,
    orientation: model.print.orientation,
    ...(model.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(model.print.repeatRows ? { printTitlesRow: a1Range(wholeRows(model.print.repeatRows.first, model.print.repeatRows.last)) } : {}),
    ...(model.print.margins ? { margins: marginsInInches(model.print.margins) } : {}),
  };
  const numbers = model.print.pageNumbers;
  if (numbers) {
    const code = pageNumberHeaderFooter(numbers);
    ws.headerFooter = { ...ws.headerFooter, differentFirst: numbers.skipFirst, ...(numbers.where === 'header' ? { oddHeader: code } : { oddFooter: code }) };
  }
  // exceljs cannot compute formulas: have the spreadsheet program compute them on opening.
  if (hasFormula) workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  return ws;
}

/** FormatChange.fontLike resolved against the sheet as it is now: the font name and size of
 * that cell (before anything of the change set is applied). */
function resolveFontLike(ws: ExcelJS.Worksheet, formats: readonly FormatChange[]): FormatChange[] {
  return formats.map((f) => {
    if (!f.fontLike) return f;
    const font = ws.getCell(f.fontLike.row + 1, f.fontLike.col + 1).font ?? {};
    const { fontLike: _, ...rest } = f;
    return { ...rest, ...(font.name !== undefined && f.fontName === undefined ? { fontName: font.name } : {}), ...(font.size !== undefined && f.fontSize === undefined ? { fontSize: font.size } : {}) };
  });
}

/** The print settings of a change set (docs/printing.md) on the sheet's page setup. */
function applyPrint(ws: ExcelJS.Worksheet, set: PrintSettings): void {
  const setup: Partial<ExcelJS.PageSetup> = { ...ws.pageSetup };
  if (set.zoom) {
    if ('scale' in set.zoom) {
      setup.fitToPage = false;
      setup.scale = set.zoom.scale;
      delete setup.fitToWidth;
      delete setup.fitToHeight;
    } else {
      setup.fitToPage = true;
      setup.fitToWidth = set.zoom.fitWidth;
      setup.fitToHeight = set.zoom.fitHeight;
    }
  }
  if (set.printArea !== undefined) setup.printArea = set.printArea === null ? undefined : a1Range(set.printArea);
  if (set.titleRows !== undefined) setup.printTitlesRow = set.titleRows === null ? undefined : a1Range(wholeRows(set.titleRows.first, set.titleRows.last));
  if (set.titleColumns !== undefined) setup.printTitlesColumn = set.titleColumns === null ? undefined : a1Range(wholeColumns(set.titleColumns.first, set.titleColumns.last));
  ws.pageSetup = setup as ExcelJS.PageSetup;
}

export interface ApplyReport {
  /** Things the change set asked for that this host cannot do (charts). */
  skipped: string[];
}

/** Apply every part of the change set. Throws ChangeSetError when the target sheet is missing or
 * the change set is malformed; the workbook must then be thrown away, not written. */
export function applyChangeSet(workbook: ExcelJS.Workbook, changes: ChangeSet): ApplyReport {
  const skipped: string[] = [];
  const hasSheetChanges =
    changes.writes.length > 0 || changes.formats.length > 0 || changes.validations.length > 0 ||
    changes.conditionalFormats.rules.length > 0 || changes.conditionalFormats.tag !== '' || (changes.formulas ?? []).length > 0 || changes.print !== undefined || (changes.rowHeights ?? []).length > 0;
  if (hasSheetChanges) {
    const ws = findWorksheet(workbook, changes.sheet);
    if (!ws) throw new ChangeSetError(`no sheet named ${changes.sheet}`);
    for (const write of changes.writes) {
      const r = write.range;
      write.values.forEach((line, i) => {
        if (r.top + i > r.bottom) throw new ChangeSetError(`more rows than ${a1Range(r)} holds`);
        line.forEach((v, j) => {
          if (r.left + j > r.right) throw new ChangeSetError(`more columns than ${a1Range(r)} holds`);
          writeValue(ws, r.top + i + 1, r.left + j + 1, v);
        });
      });
    }
    for (const f of resolveFontLike(ws, changes.formats)) applyFormat(ws, f);
    for (const fill of changes.formulas ?? []) applyFormula(ws, fill);
    // exceljs cannot compute formulas: have the spreadsheet program compute them on opening.
    if ((changes.formulas ?? []).length > 0) workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
    for (const v of changes.validations) applyValidation(ws, v.range, v.choices);
    applyConditionalFormats(ws, changes.conditionalFormats.tag, changes.conditionalFormats.rules);
    // exceljs keeps defined names workbook-wide and of ranges only: a name local to the sheet,
    // or an array constant, it cannot write (the surgical writer does).
    for (const def of changes.names ?? []) skipped.push(`name ${def.name}`);
    if (changes.print) applyPrint(ws, changes.print.set);
    for (const h of changes.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  }
  for (const model of changes.sheets) {
    buildSheet(workbook, model);
    if (model.chart) skipped.push(`chart on ${model.name}`);
  }
  return { skipped };
}


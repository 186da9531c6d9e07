/**
 * A plan sheet as the tests, the bench and the sample describe it: rows of cell values as a
 * reader sees them, with merges, hidden rows, cells that are real dates and formulas. The
 * hand-written fixtures are written in this shape; the generators lay it out from an outline
 * (outline.ts). One description, three renderers: an engine Grid (grid.ts), a fake Excel seed
 * (fake.ts) and a real .xlsx (xlsx.ts).
 *
 * The user's own formatting is kept per host because the two formatting models differ (exceljs
 * styles in characters and points, Office.js format properties in points): each renderer reads
 * its own block and ignores the other.
 *
 * Type-only imports: this module also runs in the browser bundle of the e2e test.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/model';
import type { FakeSheetSeed } from '../fake-excel';

export interface PlanSheet {
  name: string;
  /** rows[0] is Excel row 1; rows[r][0] is column A. null or "" is an empty cell. */
  rows: CellValue[][];
  /** Merged areas in A1 ("A7:A9"). Only the top-left cell's value is kept, as in Excel. */
  merges?: string[];
  /** Excel row numbers (1-based) that are hidden. */
  hiddenRows?: number[];
  /** Cells (A1) whose number in `rows` is a date serial: a real date, shown dd/mm/yyyy. */
  dates?: string[];
  /** Cells (A1) holding a formula (with or without "="); the value in `rows` is its result. */
  formulas?: Record<string, string>;
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** What a real .xlsx file carries beyond values. */
  xlsx?: XlsxFormatting;
  /** The user's own formatting as Excel's API reports it, for the fake Excel. */
  fake?: FakeFormatting;
}

export interface PlanWorkbook {
  sheets: PlanSheet[];
  date1904?: boolean;
  /** Name of the sheet that is active when the workbook opens (default: the first). */
  activeSheet?: string;
}

export interface XlsxFormatting {
  /** exceljs styles applied to cells or ranges, in order (each replaces the style keys it names). */
  styles?: { address: string; style: Partial<ExcelJS.Style> }[];
  /** Column widths in characters, by letter. */
  columnWidths?: Record<string, number>;
  /** Row heights in points, by Excel row number. */
  rowHeights?: Record<number, number>;
  /** Cells (A1) given a hyperlink (the cell's text stays the value in `rows`). */
  links?: Record<string, string>;
  /** Freeze the rows above this Excel row. */
  freezeRowsAbove?: number;
  /** Print setup (paper, orientation, fit to page, print titles). */
  pageSetup?: Partial<ExcelJS.PageSetup>;
}

/** Column widths here are in points, as Range.format.columnWidth takes them. */
export type FakeFormatting = Pick<FakeSheetSeed, 'styles' | 'numberFormats' | 'comments' | 'conditionalFormats' | 'validations' | 'columnWidths'>;

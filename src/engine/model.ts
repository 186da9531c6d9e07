/**
 * The engine's data model: what goes in (a plain grid), what comes out (the recognised table,
 * the rows with their parsed deadlines, outputs, statuses and issues) and the changes to make
 * to the workbook. Pure types: no Office.js, no Node APIs. Every host and the UI share these.
 *
 * Coordinates inside the engine are 0-based sheet coordinates (row 0 = Excel row 1, column 0 =
 * column A). The JSON contract (cli-json.md) converts to Excel row numbers and letters.
 */
import type { FailureCode, IssueCode, Severity } from './issues';
import type { WorkbookState } from './settings';
import type { ColumnRole } from './column-roles';
import type { ISODate } from './dates';

// ---------------------------------------------------------------------------------------------
// Input: the grid
// ---------------------------------------------------------------------------------------------

/** A cell as Excel returns it: text, number (dates are serials), boolean, "" or null for empty,
 * error values as their text ("#REF!", "#N/A"). A formula counts by its computed value. */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based sheet coordinates, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet, as plain data. */
export interface Grid {
  sheetName: string;
  /** Row-major values of the used range: values[r][c] is the cell at sheet row origin.row + r,
   * column origin.col + c. Rows may be ragged (missing cells are empty). */
  values: CellValue[][];
  /** Sheet position of values[0][0]. */
  origin: { row: number; col: number };
  /** Merged areas, sheet coordinates. Only the top-left cell of a merge holds the value. */
  merges: CellRange[];
  /** Hidden rows, sheet row indices. */
  hiddenRows: number[];
  /** The workbook uses the 1904 date system: serial 0 is 1904-01-01. */
  date1904: boolean;
  /** Font name of cells, aligned with `values`, where the host knows it (a host may give only
   * those of text cells that may be legacy text): a ".Vn…" or "VNI-…" font says the text is
   * TCVN3 or VNI, another font that it is Unicode as shown (src/engine/legacy). */
  fonts?: (string | null | undefined)[][];
  /** Hidden columns, sheet indices, where the host knows them: the tracking block never goes
   * into one. */
  hiddenCols?: number[];
  /** Ranges that hold the user's own data validation (drop-down lists…), where the host knows
   * them: a new tracking column never goes over one. */
  validatedRanges?: CellRange[];
  /** How the sheet prints, where the host knows it: the checked copy keeps it and extends it
   * over the tracking block (docs/printing.md). */
  page?: PageSetup;
  /** Heights in points of the rows whose height the user set, by row, where the host knows
   * them: a row too low for its "Kiểm tra" text grows (docs/printing.md). */
  rowHeights?: Record<number, number>;
}

/** A sheet's page setup as the hosts read it. */
export interface PageSetup {
  orientation: 'portrait' | 'landscape' | null;
  /** OOXML paper size code (1 Letter, 5 Legal, 8 A3, 9 A4, 11 A5); null when unset. */
  paperSize: number | null;
  /** Left and right margins in inches; null when unset (then 0.7 each, Excel's default). */
  margins: { left: number; right: number } | null;
  zoom: PageZoom;
  /** The print area's rectangles; null when the sheet prints what it holds. */
  printArea: CellRange[] | null;
  titleRows: Span | null;
  titleColumns: Span | null;
  /** Widths in points of the columns whose width is not the sheet's default, by column. */
  columnWidths: Record<number, number>;
  /** Width in points of every other column. */
  defaultColumnWidth: number;
  /** Points per character of column width (the default font's digit), for the widths the
   * block's columns are given in characters. */
  characterWidth: number;
}

/** The pre-Unicode Vietnamese encodings a cell's text may be in (src/engine/legacy). */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** A cell whose text was TCVN3 or VNI and was read as Unicode; sheet coordinates. */
export interface LegacyCell {
  row: number;
  col: number;
  encoding: LegacyEncoding;
}

export type { ISODate } from './dates';

export type Lang = 'vi' | 'en';

// ---------------------------------------------------------------------------------------------
// Deadlines (deadlines.md)
// ---------------------------------------------------------------------------------------------

export type DeadlineKind = 'date' | 'recurring' | 'milestones' | 'event' | 'reference' | 'missing' | 'unparsed';
export type Recurrence = 'continuous' | 'month' | 'quarter' | 'half' | 'year';

export interface DeadlineStep {
  due: ISODate;
  /** The words of the cell that name this step. */
  text: string;
}

export interface DeadlineOffset {
  amount: number;
  unit: 'day' | 'workday' | 'month';
}

export interface Deadline {
  /** The original text (joined across continuation rows), or the cell's value as text. */
  text: string;
  kind: DeadlineKind;
  /** Last day on which the work is on time. */
  due: ISODate | null;
  /** First day of the window, when the deadline names one. */
  start: ISODate | null;
  steps: DeadlineStep[];
  every: Recurrence[];
  onDemand: boolean;
  /** Event deadlines: the stated offset, when there is one. */
  offset: DeadlineOffset | null;
}

export interface DeadlineContext {
  /** Year taken by a deadline that names none. */
  planYear: number;
  /** Numbers are date serials in this date system. */
  date1904: boolean;
}

// ---------------------------------------------------------------------------------------------
// Outputs, statuses
// ---------------------------------------------------------------------------------------------

export type OutputKind = 'measurable' | 'deliverable' | 'vague' | 'missing';
export type TaskStatus = 'not-started' | 'in-progress' | 'done';

// ---------------------------------------------------------------------------------------------
// Issues (validation.md)
// ---------------------------------------------------------------------------------------------

/** The issue codes, their severities and categories are in the catalogue (issues.ts). */
export type { IssueCode, Severity } from './issues';

/** Facts a message may mention. */
export interface IssueParams {
  due?: ISODate | null;
  daysLate?: number;
  daysLeft?: number;
  deadlineText?: string;
  /** The cell held an error value (#REF!, #N/A…), named here. */
  cellError?: string;
  stepText?: string;
  planYear?: number;
}

export interface Issue {
  code: IssueCode;
  severity: Severity;
  message: string;
  params: IssueParams;
}

// ---------------------------------------------------------------------------------------------
// The recognised table
// ---------------------------------------------------------------------------------------------

export { COLUMN_ROLES, type ColumnRole } from './column-roles';

export type RowKind = 'section' | 'task' | 'continuation' | 'header' | 'numbering' | 'blank' | 'note';

export interface RecognisedTable {
  /** Sheet rows of the header (one or two). */
  headerRows: number[];
  /** The "(1) (2) (3)" row under the header, if any. */
  numberingRow: number | null;
  /** First data row (after header and numbering) and last table row (last task or continuation). */
  firstRow: number;
  lastRow: number;
  /** Leftmost and rightmost table columns. */
  firstCol: number;
  lastCol: number;
  /** Sheet column of each recognised role. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The header text of each table column (parent and child joined), NFC. */
  headers: Record<number, string>;
  /** Roles set by the user's correction rather than recognised. */
  corrected: ColumnRole[];
}

/** A cell after merges and continuation rows are resolved. */
export interface ResolvedCell {
  /** Text, NFC, trimmed; "" when empty. Parts from continuation rows are joined with a space. */
  text: string;
  /** The original value of the cell on the task's own row (or the merge's top-left). */
  value: CellValue;
  /** The cell holds an error value (#REF!…): the rules treat it as empty and say so. */
  error: string | null;
  /** Inherited from a row above (vertical merge or task group), not written on this row. */
  inherited: boolean;
}

export interface TaskRow {
  row: number;
  /** Section id as written ("I", "II", "7.1") or null before the first section. */
  section: string | null;
  stt: string | null;
  cells: Partial<Record<ColumnRole, ResolvedCell>>;
  /** Continuation rows joined into this task. */
  continuationRows: number[];
  deadline: Deadline;
  outputKind: OutputKind;
  status: TaskStatus | null;
  doneDate: ISODate | null;
  issues: Issue[];
}

export interface SectionInfo {
  id: string;
  title: string;
  row: number;
}

export type PlanRow =
  | { row: number; kind: 'section'; hidden: boolean; section: string; title: string }
  | { row: number; kind: 'task'; hidden: boolean; task: TaskRow }
  | { row: number; kind: 'continuation'; hidden: boolean; of: number }
  | { row: number; kind: 'header' | 'numbering' | 'blank' | 'note'; hidden: boolean };

export interface Summary {
  tasks: number;
  errors: number;
  warnings: number;
  infos: number;
  byCode: Partial<Record<IssueCode, number>>;
}

/** What the title rows of a plan say about its issuer, as written (null when not found): the
 * governing agency ("UBND TỈNH BÌNH AN") and the issuing agency ("SỞ CÔNG THƯƠNG") of the
 * upper-left block, the place of the place-and-date line ("Nam Định, ngày … tháng …") and the
 * symbol the agency numbers its documents with ("SCT" of "12/KH-SCT"). */
export interface TitleBlock {
  governingAgency: string | null;
  agency: string | null;
  place: string | null;
  docSymbol: string | null;
}

export interface Analysis {
  sheetName: string;
  planYear: number;
  planYearSource: 'setting' | 'title' | 'deadlines' | 'asOf';
  asOf: ISODate;
  lang: Lang;
  /** Agency named in the plan's titles ("Sở Giao thông vận tải"), if found. */
  agency: string | null;
  /** The administrative document's header as the plan's title rows give it (plan-info.ts);
   * absent on analyses built by hand. */
  titleBlock?: TitleBlock;
  table: RecognisedTable;
  rows: PlanRow[];
  tasks: TaskRow[];
  sections: SectionInfo[];
  summary: Summary;
  /** The tracking block's placement (new or reused). */
  tracking: TrackingBlock;
  changes: ChangeSet;
  /** Cells of the sheet that held TCVN3 or VNI text, read as Unicode; absent when none did. */
  legacyCells?: LegacyCell[];
  /** Stored column corrections not applied because the column's header is no longer the one
   * they were made on (a column was inserted or moved since): column letter and that header. */
  droppedCorrections?: { column: string; header: string }[];
}

export interface TrackingBlock {
  /** Sheet column of each tracking column: status, doneDate, result, dueDate, check. */
  columns: Record<'status' | 'doneDate' | 'result' | 'dueDate' | 'check', number>;
  /** The block existed (all or part) before this run. */
  reused: boolean;
  /** The tracking columns this run creates (by role); the others were found on the sheet. */
  created?: ('status' | 'doneDate' | 'result' | 'dueDate' | 'check')[];
  /** The hidden helper column (validation.md, "Highlights"). */
  helper?: number;
  /** The as-of cell, named CCHC_AsOf. */
  asOfCell?: { row: number; col: number };
  /** No room for the block left of column XFD (Excel's last): nothing can be written. */
  noRoom?: boolean;
}

export type { FailureCode } from './issues';

export interface Failure {
  code: FailureCode;
  message: string;
}

export type AnalyzeResult = { ok: true; analysis: Analysis } | { ok: false; failure: Failure };

// ---------------------------------------------------------------------------------------------
// Changes to make: data, applied by the hosts' executors (src/hosts/*)
// ---------------------------------------------------------------------------------------------
// Every place is numeric (CellRange, rows and columns 0-based); A1 text appears only inside
// formulas. The hosts make the A1 text their APIs want (src/engine/a1.ts).

/** A value to write. Strings are written as text, never interpreted as formulas. */
export type CellInput = string | number | boolean | null;

/** Write values into a rectangle of the change set's sheet. null leaves the cell as it is; ""
 * clears it. */
export interface ValuesWrite {
  range: CellRange;
  values: CellInput[][];
}

/** How a cell looks, shared by range formats and the cells of a built sheet. */
export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Font family, e.g. "Times New Roman" (the report's document font). */
  fontName?: string;
  /** Single underline (the motto of an administrative document). */
  underline?: boolean;
  wrapText?: boolean;
  /** #RRGGBB */
  fill?: string;
  fontColor?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'center' | 'bottom';
  /** Thin border on every edge of every cell. */
  border?: boolean;
}

export interface FormatChange extends CellStyle {
  range: CellRange;
  /** Take the font name and size of this cell, as it is before the change set (the table's
   * font, for the block that extends it); bold, italic, fontSize given here still apply. */
  fontLike?: { row: number; col: number };
  /** Column width in characters (the executor converts to its unit). Applies to the range's columns. */
  columnWidth?: number;
  /** Hide (true) or show (false) the range's columns (the tracking block's helper column). */
  columnHidden?: boolean;
}

/** One formula filled over a range as Excel fills it down: `formula` is the top-left cell's
 * (A1; relative rows and columns shift from cell to cell), `formulaR1C1` the same formula in
 * R1C1, identical for every cell. Formulas use English function names. */
export interface FormulaFill {
  range: CellRange;
  formula: string;
  formulaR1C1: string;
}

/** A defined name local to the change set's sheet (replaced when it exists): a cell of that
 * sheet, or a constant formula such as ={"a","b"}. */
export interface SheetNameDef {
  name: string;
  refersTo: { cell: { row: number; col: number } } | { formula: string };
}

/** Rows or columns, 0-based, inclusive. */
export interface Span {
  first: number;
  last: number;
}

/** How the page is scaled: a fixed percentage, or fitted to so many pages across and down (0 =
 * as many as needed). */
export type PageZoom = { scale: number } | { fitWidth: number; fitHeight: number };

/** The print settings a change set sets (printing.md). An absent field is left as it is; null
 * removes the setting (no print area, no repeated rows or columns). */
export interface PrintSettings {
  printArea?: CellRange | null;
  titleRows?: Span | null;
  titleColumns?: Span | null;
  zoom?: PageZoom;
}

/** What the tracking block changes in the sheet's printout (docs/printing.md): `set` is
 * applied; `before` is what those settings were, recorded so that taking the block back can
 * restore them (hosts ignore it). */
export interface PrintChange {
  set: PrintSettings;
  before: PrintSettings;
}

export interface ListValidation {
  range: CellRange;
  /** The drop-down's choices. */
  choices: string[];
}

export interface ConditionalFormatRule {
  /** Applies-to range. */
  range: CellRange;
  /** Excel formula relative to the range's top-left cell, beginning with "=". Always contains
   * the change set's tag (as N("tag:…")) so later runs find and replace it. */
  formula: string;
  fill: string;
  fontColor: string;
  stopIfTrue: boolean;
}

export interface ChangeSet {
  sheet: string;
  writes: ValuesWrite[];
  formats: FormatChange[];
  validations: ListValidation[];
  /** Replace every conditional format on the sheet whose formula contains `tag` with `rules`
   * (in order: first = highest priority). Rules without the tag are the user's: kept. */
  conditionalFormats: { tag: string; rules: ConditionalFormatRule[] };
  /** Sheets to create or replace (the quarterly report). */
  sheets: SheetModel[];
  /** Formulas to fill (the tracking block's helper column and as-of cell). */
  formulas?: FormulaFill[];
  /** Names local to the sheet to define (the as-of cell, the done wordings). */
  names?: SheetNameDef[];
  /** The printout extended over the tracking block (or restored, when taking it back). */
  print?: PrintChange;
  /** Row heights to set, in points; `before` is the height they replace, recorded so that
   * taking the block back can restore it (hosts ignore it). */
  rowHeights?: RowHeightChange[];
  /** Taking the block back (validation.md, "Taking it back"): cells emptied of value and
   * format, names and list validations removed. Done before everything above. */
  removals?: Removals;
  /** The widths in points of their own (not the sheet's default) that the columns this check
   * takes had, by tracking role ('helper' for the helper column), where the host read them:
   * recorded so that taking the block back gives them back (hosts ignore it). */
  takenWidths?: TakenWidths;
  /** The workbook's stored state to save with the changes (settings.ts; the tracking block's
   * record), replacing what is stored. */
  state?: WorkbookState;
}

export interface RowHeightChange {
  row: number;
  height: number;
  before: number;
}

/** Widths in points by tracking role, or 'helper' for the hidden helper column. */
export type TakenWidths = Partial<Record<'status' | 'doneDate' | 'result' | 'dueDate' | 'check' | 'helper', number>>;

export interface Removals {
  /** Cells whose value, formula and format go (as if never written). */
  cells: CellRange[];
  /** Columns given back the default width (or the one in `widths`) and shown. */
  columns: number[];
  /** Width in points to give back, by column of `columns`: the one it had before the block
   * took it, when it had one of its own. */
  widths?: Record<number, number>;
  /** Names local to the sheet to delete. */
  names: string[];
  /** List validations to delete: those whose range lies inside one of these. */
  validations: CellRange[];
}

// ---------------------------------------------------------------------------------------------
// A whole sheet to build (the report), host-neutral
// ---------------------------------------------------------------------------------------------

export interface SheetCell extends CellStyle {
  /** The cell on this sheet, 0-based. */
  row: number;
  col: number;
  value?: CellInput;
  /** Excel formula beginning with "=", English function names. */
  formula?: string;
  /** Hyperlink to a cell (0-based) of another sheet of the same workbook. */
  link?: { sheet: string; row: number; col: number };
}

export interface SheetChart {
  type: 'stackedBar';
  /** Data range including the header row and the category column. */
  data: CellRange;
  /** Where to place it: from the top-left to the bottom-right cell of this range. */
  placement: CellRange;
  title: string;
}

/** Page margins in millimetres; `header` and `footer` are the distances of the page header and
 * footer from the page's edge. */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/** Page numbers (1, 2, 3 …) centred in the page header or footer, in a font; `skipFirst`: none
 * on the first page (Decree 30/2020/NĐ-CP: page numbers in the top margin, not on page one). */
export interface PageNumbers {
  where: 'header' | 'footer';
  fontName: string;
  fontSize: number;
  skipFirst: boolean;
}

export interface SheetPrint {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Rows (0-based, inclusive) printed on top of every page. */
  repeatRows: { first: number; last: number } | null;
  fitToWidth: boolean;
  /** Absent: the host's defaults. */
  margins?: PageMargins;
  pageNumbers?: PageNumbers;
}

export interface SheetModel {
  name: string;
  cells: SheetCell[];
  merges: CellRange[];
  /** Column widths in characters, by column (0-based). */
  columnWidths: Record<number, number>;
  print: SheetPrint;
  /** Excel only: hosts that cannot draw charts skip it and say so. */
  chart: SheetChart | null;
  /** Row heights in points, by row (0-based), for rows whose wrapped text needs more than one
   * line: not every program fits rows to wrapped text on opening (LibreOffice does not for
   * .xlsx). Rows not listed keep the default height. */
  rowHeights?: Record<number, number>;
}

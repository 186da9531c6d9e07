/**
 * The fake workbook's state: sheets of cells with values, formulas, number formats and styles,
 * merges, hidden rows, column widths, conditional formats, list validations, charts and page
 * layout. Mutations go through here so that the rules real Excel enforces (protected sheets,
 * parts of merged cells, text that turns into a formula or a date, 32,767-character cells) are
 * enforced in one place. Pure TypeScript: it also runs in the browser bundle of the e2e test.
 */
import { FakeExcelError } from './errors';
import { defaultPageLayout, type PageLayoutState } from './page-layout-state';
import { MAX_COLS, MAX_ROWS, cellKey, colIndex, colLetters, intersect, parseArea, qualified, rectRef, type Rect } from './address';
import { nameFormula, type SheetNameState } from './name-state';

export type { HeaderFooterState, PageLayoutState } from './page-layout-state';

export type FakeCellValue = string | number | boolean;

export interface CellStyle {
  /** #RRGGBB, or null for no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  fontName: string;
  /** RangeUnderlineStyle: "None", "Single", … */
  underline: string;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borderTop: boolean;
  borderBottom: boolean;
  borderLeft: boolean;
  borderRight: boolean;
}

export const DEFAULT_STYLE: Readonly<CellStyle> = Object.freeze({
  fill: null,
  fontColor: '#000000',
  bold: false,
  italic: false,
  fontSize: 11,
  fontName: 'Calibri',
  underline: 'None',
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  borderTop: false,
  borderBottom: false,
  borderLeft: false,
  borderRight: false,
});

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellData {
  /** "" for an empty cell, as Excel reads it. */
  value: FakeCellValue;
  formula: string | null;
  numberFormat: string;
  style: CellStyle;
  hyperlink: Hyperlink | null;
  comment: string | null;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  ranges: Rect[];
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
  /** Added through the API and not yet recalculated: Excel may not repaint it when its cells
   * change until the sheet is calculated (office-js #5299; #1157 suggests worksheet.calculate). */
  stale?: boolean;
}

export interface ValidationState {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
}

export interface ChartState {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  topLeft: string | null;
  bottomRight: string | null;
}

const STANDARD_COLUMN_WIDTH_POINTS = 48;
/** Excel's default row height for Calibri 11, points. */
export const STANDARD_ROW_HEIGHT_POINTS = 15;

export class SheetState {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  readonly cells = new Map<number, Map<number, CellData>>();
  private _merges: Rect[] = [];
  /** Row → merges covering it; rebuilt when the merges change. */
  private mergeIndex: Map<number, Rect[]> | null = null;
  readonly hiddenRows = new Set<number>();
  /** Columns hidden through Range.columnHidden (whole columns, as Excel hides them). */
  readonly hiddenCols = new Set<number>();
  /** Names scoped to this sheet, by upper-case name: Excel compares names without case. */
  readonly names = new Map<string, SheetNameState>();
  readonly columnWidths = new Map<number, number>();
  /** Row heights set through the API, in points. */
  readonly rowHeights = new Map<number, number>();
  /** Index = priority (0 = evaluated first). */
  conditionalFormats: ConditionalFormatState[] = [];
  validations: ValidationState[] = [];
  charts: ChartState[] = [];
  pageLayout: PageLayoutState = defaultPageLayout();

  constructor(name: string) {
    this.name = name;
  }

  cell(row: number, col: number): CellData | undefined {
    return this.cells.get(row)?.get(col);
  }

  /** The cell for writing, created on first use. */
  cellForWrite(row: number, col: number): CellData {
    let r = this.cells.get(row);
    if (!r) {
      r = new Map();
      this.cells.set(row, r);
    }
    let c = r.get(col);
    if (!c) {
      c = { value: '', formula: null, numberFormat: 'General', style: DEFAULT_STYLE, hyperlink: null, comment: null };
      r.set(col, c);
    }
    return c;
  }

  get merges(): Rect[] {
    return this._merges;
  }
  set merges(list: Rect[]) {
    this._merges = list;
    this.mergeIndex = null;
  }
  addMerge(rect: Rect): void {
    this._merges.push(rect);
    if (this.mergeIndex) this.indexMerge(rect);
  }

  private indexMerge(m: Rect): void {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = this.mergeIndex!.get(r);
      if (list) list.push(m);
      else this.mergeIndex!.set(r, [m]);
    }
  }

  /** Merges that cover any cell of `rect`. */
  mergesIn(rect: Rect): Rect[] {
    if (!this.mergeIndex) {
      this.mergeIndex = new Map();
      for (const m of this._merges) this.indexMerge(m);
    }
    const found = new Set<Rect>();
    for (let r = rect.top; r <= rect.bottom; r++) for (const m of this.mergeIndex.get(r) ?? []) if (intersect(m, rect)) found.add(m);
    return [...found];
  }

  mergeAt(row: number, col: number): Rect | null {
    return this.mergesIn({ top: row, bottom: row, left: col, right: col })[0] ?? null;
  }

  /** What Excel reads: "" for every merged cell but the top-left one. */
  readValue(row: number, col: number): FakeCellValue {
    const m = this.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) return '';
    return this.cell(row, col)?.value ?? '';
  }

  readFormula(row: number, col: number): FakeCellValue {
    const c = this.cell(row, col);
    if (c?.formula) return c.formula;
    return this.readValue(row, col);
  }

  /** The smallest rectangle holding every cell with a value (valuesOnly) or anything at all. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const counts = valuesOnly
          ? cell.value !== '' || cell.formula !== null
          : cell.value !== '' || cell.formula !== null || cell.style !== DEFAULT_STYLE || cell.numberFormat !== 'General' || cell.hyperlink !== null;
        if (!counts) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  assertWritable(): void {
    if (this.protected) {
      throw new FakeExcelError('AccessDenied', 'The cell or chart that you are trying to change is protected and therefore read-only.', this.name);
    }
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? STANDARD_COLUMN_WIDTH_POINTS;
  }

  /**
   * `count` empty rows inserted before row `at` (0-based), as a co-author's Insert › Sheet Rows:
   * everything from `at` down moves down; a merge, highlight or validation that spans `at` grows.
   */
  insertRows(at: number, count: number): void {
    const shiftRow = (r: number) => (r >= at ? r + count : r);
    const shiftRect = (x: Rect): Rect => ({ ...x, top: shiftRow(x.top), bottom: x.bottom >= at ? x.bottom + count : x.bottom });
    const moved = [...this.cells.entries()].map(([r, row]) => [shiftRow(r), row] as const);
    this.cells.clear();
    for (const [r, row] of moved) this.cells.set(r, row);
    this.merges = this.merges.map(shiftRect);
    const hidden = [...this.hiddenRows].map(shiftRow);
    this.hiddenRows.clear();
    for (const r of hidden) this.hiddenRows.add(r);
    const heights = [...this.rowHeights.entries()].map(([r, h]) => [shiftRow(r), h] as const);
    this.rowHeights.clear();
    for (const [r, h] of heights) this.rowHeights.set(r, h);
    for (const cf of this.conditionalFormats) cf.ranges = cf.ranges.map(shiftRect);
    for (const v of this.validations) v.rect = shiftRect(v.rect);
    for (const n of this.names.values()) if (n.ref) n.ref = shiftRect(n.ref);
  }
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheet = '';
  date1904 = false;
  selection: { sheet: string; address: string } | null = null;
  /** Structure protection: no sheet may be added, deleted, hidden or moved. */
  structureProtected = false;
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheet(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  assertStructureWritable(): void {
    if (this.structureProtected) throw new FakeExcelError('AccessDenied', 'The workbook structure is protected: sheets cannot be added, deleted or moved.');
  }

  addSheet(name: string): SheetState {
    validateSheetName(name);
    if (this.sheet(name)) throw new FakeExcelError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
    const s = new SheetState(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  deleteSheet(name: string): void {
    const s = this.sheet(name);
    if (!s) throw new FakeExcelError('ItemNotFound', `The worksheet '${name}' does not exist.`);
    const visibleOthers = this.sheets.filter((x) => x !== s && x.visibility === 'Visible');
    if (visibleOthers.length === 0) throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheet.toLowerCase() === name.toLowerCase()) this.activeSheet = visibleOthers[0].name;
  }
}

export function validateSheetName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeExcelError('InvalidArgument', `The worksheet name '${name}' is not valid: 1 to 31 characters, none of : \\ / ? * [ ].`);
  }
}

// ---------------------------------------------------------------------------------------------
// Text typed into a cell: what Excel turns it into
// ---------------------------------------------------------------------------------------------

const NUMBER_RE = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const PERCENT_RE = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$/;
/** Excel (en-US, as Excel on the web with default settings) reads m/d/yyyy as a date. */
const US_DATE_RE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

function usDateSerial(month: number, day: number, year: number, date1904: boolean): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const serial = Math.round((t - epoch) / 86_400_000);
  return !date1904 && serial <= 60 ? serial - 1 : serial;
}

export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;

/**
 * What a cell holds after a value is written through Range.values: Excel parses text unless the
 * cell's number format is Text ("@"): "=…", "+…", "-…" become formulas, "12" a number, "30%" a
 * number formatted as percent, "3/4/2024" a date, "true" a boolean. The fake does not calculate:
 * a formula cell's value stays "" unless a seed gave it one.
 */
export function coerceTyped(input: FakeCellValue, numberFormat: string, date1904: boolean): { value: FakeCellValue; formula: string | null; numberFormat: string } {
  if (typeof input !== 'string') {
    if (typeof input === 'number' && !Number.isFinite(input)) throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return { value: input, formula: null, numberFormat };
  }
  if (input.length > MAX_CELL_TEXT) throw new FakeExcelError('InvalidArgument', `A cell can hold at most ${MAX_CELL_TEXT} characters.`);
  if (numberFormat === '@') return { value: input, formula: null, numberFormat };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, numberFormat };
  if (input === '') return { value: '', formula: null, numberFormat };
  if (NUMBER_RE.test(input)) return { value: Number(input), formula: null, numberFormat };
  if (/^[=+-]/.test(input) && input.length > 1) {
    if (input.length > MAX_FORMULA_LENGTH) throw new FakeExcelError('InvalidArgument', 'The formula is too long.');
    return { value: '', formula: input.startsWith('=') ? input : `=${input}`, numberFormat };
  }
  const pct = PERCENT_RE.exec(input);
  if (pct) return { value: Number(pct[1]) / 100, formula: null, numberFormat: numberFormat === 'General' ? '0%' : numberFormat };
  if (/^\s*\d{1,2}-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(-\d{2,4})?\s*$/i.test(input)) {
    // "15-Feb": Excel makes it a date; the fake only needs to show that it is no longer text.
    return { value: 0, formula: null, numberFormat: numberFormat === 'General' ? 'd-mmm' : numberFormat };
  }
  const d = US_DATE_RE.exec(input);
  if (d) {
    const serial = usDateSerial(Number(d[1]), Number(d[2]), Number(d[3]), date1904);
    if (serial !== null) return { value: serial, formula: null, numberFormat: numberFormat === 'General' ? 'm/d/yyyy' : numberFormat };
  }
  if (/^(true|false)$/i.test(input.trim())) return { value: input.trim().toLowerCase() === 'true', formula: null, numberFormat };
  return { value: input, formula: null, numberFormat };
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

export interface FakeConditionalFormatSeed {
  /** "Custom" (default), or another Excel type such as "CellValue", "ColorScale", "DataBar". */
  type?: string;
  appliesTo: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

/** Structurally a superset of test/fixtures' SheetFixture, so fixture workbooks seed directly. */
export interface FakeSheetSeed {
  name: string;
  /** rows[0] is Excel row 1; null, undefined and "" are empty cells. */
  rows: (FakeCellValue | null | undefined)[][];
  merges?: string[];
  /** Excel row numbers (1-based). */
  hiddenRows?: number[];
  /** Address → formula; the value in `rows` is its computed value. */
  formulas?: Record<string, string>;
  numberFormats?: Record<string, string>;
  /** Address or range → style properties. */
  styles?: Record<string, Partial<CellStyle>>;
  comments?: Record<string, string>;
  conditionalFormats?: FakeConditionalFormatSeed[];
  validations?: { address: string; list: string[] }[];
  /** Column letter → width in points. */
  columnWidths?: Record<string, number>;
  /** Column letters of hidden columns. */
  hiddenColumns?: string[];
  /** Excel row number (1-based) → height in points, for rows of a height of the user's. */
  rowHeights?: Record<string, number>;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface FakeWorkbookSeed {
  sheets: FakeSheetSeed[];
  date1904?: boolean;
  /** Defaults to the first sheet. */
  activeSheet?: string;
  /** Workbook structure protection. */
  structureProtected?: boolean;
}

function forEachCell(rect: Rect, fn: (r: number, c: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
}

export function seedWorkbook(seed: FakeWorkbookSeed): WorkbookState {
  const wb = new WorkbookState();
  wb.date1904 = seed.date1904 ?? false;
  for (const s of seed.sheets) {
    const sheet = wb.addSheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        sheet.cellForWrite(r, c).value = v;
      });
    });
    for (const [addr, f] of Object.entries(s.formulas ?? {})) {
      const { rect } = parseArea(addr);
      sheet.cellForWrite(rect.top, rect.left).formula = f;
    }
    for (const [addr, nf] of Object.entries(s.numberFormats ?? {})) {
      forEachCell(parseArea(addr).rect, (r, c) => (sheet.cellForWrite(r, c).numberFormat = nf));
    }
    for (const [addr, st] of Object.entries(s.styles ?? {})) {
      forEachCell(parseArea(addr).rect, (r, c) => {
        const cell = sheet.cellForWrite(r, c);
        cell.style = { ...cell.style, ...st };
      });
    }
    for (const [addr, text] of Object.entries(s.comments ?? {})) {
      const { rect } = parseArea(addr);
      sheet.cellForWrite(rect.top, rect.left).comment = text;
    }
    for (const m of s.merges ?? []) {
      const rect = parseArea(m).rect;
      // Merging keeps the top-left value only, as Excel does.
      forEachCell(rect, (r, c) => {
        if (r === rect.top && c === rect.left) return;
        const cell = sheet.cell(r, c);
        if (cell) {
          cell.value = '';
          cell.formula = null;
        }
      });
      sheet.addMerge(rect);
    }
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r - 1);
    for (const [letter, pts] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(colIndex(letter), pts);
    for (const letter of s.hiddenColumns ?? []) sheet.hiddenCols.add(colIndex(letter));
    for (const [row, pts] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(row) - 1, pts);
    for (const cf of s.conditionalFormats ?? []) {
      sheet.conditionalFormats.push({
        id: wb.newId('cf'),
        type: cf.type ?? 'Custom',
        ranges: cf.appliesTo.split(',').map((a) => parseArea(a).rect),
        formula: cf.formula ?? null,
        fill: cf.fill ?? null,
        fontColor: cf.fontColor ?? null,
        stopIfTrue: cf.stopIfTrue ?? false,
      });
    }
    for (const v of s.validations ?? []) {
      sheet.validations.push({ rect: parseArea(v.address).rect, rule: { list: { inCellDropDown: true, source: v.list.join(',') } } });
    }
    sheet.protected = s.protected ?? false;
    sheet.visibility = s.visibility ?? 'Visible';
  }
  wb.structureProtected = seed.structureProtected ?? false;
  const active = seed.activeSheet ?? seed.sheets.find((s) => (s.visibility ?? 'Visible') === 'Visible')?.name;
  if (active) wb.activeSheet = active;
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Dumping, for assertions
// ---------------------------------------------------------------------------------------------

export interface CellDump {
  value: FakeCellValue;
  formula: string | null;
  numberFormat: string;
  style: CellStyle;
  hyperlink: Hyperlink | null;
  comment: string | null;
}

export interface ConditionalFormatDump {
  priority: number;
  type: string;
  appliesTo: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface SheetDump {
  name: string;
  visibility: string;
  protected: boolean;
  /** Every cell that holds anything (value, formula, non-default format, link, comment), by A1 address. */
  cells: Record<string, CellDump>;
  merges: string[];
  /** Excel row numbers. */
  hiddenRows: number[];
  /** Column letter → points, for columns whose width was set. */
  columnWidths: Record<string, number>;
  /** Letters of the hidden columns. */
  hiddenColumns: string[];
  /** Names scoped to the sheet, sorted, with what they refer to ("=$M$6", "={…}"). */
  names: { name: string; refersTo: string }[];
  /** Excel row number → points, for rows whose height was set. */
  rowHeights: Record<string, number>;
  conditionalFormats: ConditionalFormatDump[];
  validations: { address: string; rule: unknown; errorAlert?: unknown }[];
  charts: ChartState[];
  pageLayout: PageLayoutState;
}

export interface WorkbookDump {
  activeSheet: string;
  date1904: boolean;
  selection: { sheet: string; address: string } | null;
  sheets: SheetDump[];
}

export function dumpSheet(sheet: SheetState): SheetDump {
  const cells: Record<string, CellDump> = {};
  const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const row = sheet.cells.get(r)!;
    for (const c of [...row.keys()].sort((a, b) => a - b)) {
      const cell = row.get(c)!;
      const blank = cell.value === '' && cell.formula === null && cell.numberFormat === 'General' && cell.style === DEFAULT_STYLE && !cell.hyperlink && !cell.comment;
      if (blank) continue;
      cells[cellKey(r, c)] = {
        value: cell.value,
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        style: { ...cell.style },
        hyperlink: cell.hyperlink ? { ...cell.hyperlink } : null,
        comment: cell.comment,
      };
    }
  }
  const columnWidths: Record<string, number> = {};
  for (const [c, w] of [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0])) columnWidths[colLetters(c)] = w;
  const rowHeights: Record<string, number> = {};
  for (const [r, h] of [...sheet.rowHeights.entries()].sort((a, b) => a[0] - b[0])) rowHeights[String(r + 1)] = h;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    cells,
    merges: sheet.merges.map(rectRef),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    columnWidths,
    hiddenColumns: [...sheet.hiddenCols].sort((a, b) => a - b).map(colLetters),
    names: [...sheet.names.values()].map((n) => ({ name: n.name, refersTo: nameFormula(sheet.name, n) })).sort((a, b) => a.name.localeCompare(b.name)),
    rowHeights,
    conditionalFormats: sheet.conditionalFormats.map((cf, i) => ({
      priority: i,
      type: cf.type,
      appliesTo: cf.ranges.map(rectRef).join(','),
      formula: cf.formula,
      fill: cf.fill,
      fontColor: cf.fontColor,
      stopIfTrue: cf.stopIfTrue,
    })),
    validations: sheet.validations.map((v) => ({
      address: rectRef(v.rect),
      rule: JSON.parse(JSON.stringify(v.rule)),
      ...(v.errorAlert !== undefined ? { errorAlert: JSON.parse(JSON.stringify(v.errorAlert)) } : {}),
    })),
    charts: sheet.charts.map((c) => ({ ...c })),
    pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)),
  };
}

export function dumpWorkbook(wb: WorkbookState): WorkbookDump {
  return {
    activeSheet: wb.activeSheet,
    date1904: wb.date1904,
    selection: wb.selection ? { ...wb.selection } : null,
    sheets: wb.sheets.map(dumpSheet),
  };
}

export { MAX_ROWS, MAX_COLS, qualified, intersect, forEachCell };

/**
 * One worksheet part, streamed once, into the engine's Grid (the same Grid read.ts's readGrid
 * builds from exceljs) plus what the CLI needs besides: hidden columns and sheet protection.
 *
 * Cost follows the cells that hold values: a row or cell with only formatting allocates
 * nothing, rows are stored only once they have a value, and the XML is never held whole.
 */
import type { CellRange, CellValue, Grid } from '../../../engine/model';
import { parseA1Range } from '../../../engine/a1';
import type { ZipEntry, ZipParts } from '../zip/archive';
import { storedValue, type CellContext } from './cells';
import { streamPart } from './parts';
import { WorkbookFormatError } from './workbook';
import { RichStringReader } from './strings';
import { attribute, attributesStart, nextAttribute, readAttributes, spanValue, xmlBoolean, type AttributeSpan, type Tag, type XmlHandler } from './xml';

/** Excel's grid: 1,048,576 rows × 16,384 columns; anything addressed beyond is ignored. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** The page setup as the worksheet writes it (page-setup.ts turns it into the engine's). */
export interface RawPageSetup {
  /** <pageSetup> attributes. */
  pageSetup: Record<string, string>;
  /** <pageMargins> attributes. */
  margins: Record<string, string>;
  /** <sheetPr><pageSetUpPr fitToPage>. */
  fitToPage: boolean;
  /** <sheetFormatPr> attributes. */
  format: Record<string, string>;
  /** <col> entries with a width: 1-based min, max, width in characters. */
  widths: { min: number; max: number; width: number }[];
}

export interface SheetContent {
  grid: Grid;
  page: RawPageSetup;
  /** Hidden columns (0-based), ascending. */
  hiddenCols: number[];
  /** <sheetProtection sheet="1">: the sheet is protected. */
  protected: boolean;
}

export interface SheetReadOptions extends CellContext {
  /**
   * The cells other than the top-left of a merge read as "" (as exceljs reads them). Filling
   * them costs one entry per cell, so at most this many are filled, merge by merge in file
   * order; the merges themselves are always all reported.
   */
  maxMergeFollowers: number;
  /** At most this many cells with a value, plus merges, per sheet: past it the read stops with
   * WorkbookFormatError 'too-many-cells' (memory follows these, not the part's size). */
  maxCells: number;
  /** Stop after this row (0-based): the rest of the part is not inflated. */
  lastRow?: number;
}

const ROW_ATTRIBUTES = ['r', 'hidden', 'ht', 'customHeight'] as const;
const PAGE_SETUP_ATTRIBUTES = ['paperSize', 'orientation', 'scale', 'fitToWidth', 'fitToHeight'];

/** The listed attributes a tag has, by name. */
function allAttributes(tag: Tag, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = attribute(tag, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Column of the A1 reference at `from` in `s` ("AB12" → 27), or -1 when it has no letters. */
function columnOf(s: string, from = 0): number {
  let col = 0;
  let i = s.charCodeAt(from) === 0x24 ? from + 1 : from;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i) | 0x20; // lower-case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
    if (col > MAX_COLS) return MAX_COLS;
  }
  return col - 1;
}

/** An attribute value with a character or entity reference ("&…;") must be decoded first. */
function hasReference(src: string, span: AttributeSpan): boolean {
  for (let i = span.valueStart; i < span.valueEnd; i++) if (src.charCodeAt(i) === 0x26) return true;
  return false;
}

/**
 * The column of an empty <c …/> when its first attribute is r="…" (as Excel, LibreOffice and
 * exceljs write it), else -2. Such a cell holds no value — only its column matters, for a next
 * cell written without a reference — so millions of formatted empty cells cost one look each.
 */
function emptyCellColumn(tag: Tag): number {
  const { src, start, end } = tag;
  let i = start + 1;
  while (i < end && src.charCodeAt(i) > 0x20 && src.charCodeAt(i) !== 0x2f) i++;
  if (src.charCodeAt(i) !== 0x20 || src.charCodeAt(i + 1) !== 0x72 || src.charCodeAt(i + 2) !== 0x3d) return -2;
  const quote = src.charCodeAt(i + 3);
  return quote === 0x22 || quote === 0x27 ? columnOf(src, i + 4) : -2;
}

class SheetParser implements XmlHandler {
  collecting = false;
  readonly values: (CellValue[] | undefined)[] = [];
  readonly merges: CellRange[] = [];
  /** Hidden column spans [first, last], 0-based, as written (they may overlap). */
  readonly hiddenColSpans: [number, number][] = [];
  readonly hiddenRows = new Set<number>();
  /** Heights in points of rows the user sized (<row ht customHeight="1">). */
  readonly rowHeights: Record<number, number> = {};
  /** Ranges under the user's data validations (<dataValidation sqref>, and Excel 2010's
   * <x14:dataValidation><xm:sqref>). */
  readonly validated: CellRange[] = [];
  protected = false;
  stopped = false;
  readonly page: RawPageSetup = { pageSetup: {}, margins: {}, fitToPage: false, format: {}, widths: [] };

  private depth = 0;
  private inSheetData = false;
  private inCols = false;
  private inMerges = false;
  private inSqref = false;
  private sqref = '';
  private maxRow = -1;
  private row = -1;
  private line: CellValue[] | undefined;
  private col = -1;
  // The cell being read.
  private cellType: string | undefined;
  private cellStyle: string | undefined;
  private cellText: string | null = null;
  private inValue = false;
  private inlineDepth = 0;
  private inline: string | null | undefined;
  private readonly richString = new RichStringReader();
  private readonly found: (string | undefined)[] = [];
  private readonly span: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
  private cells = 0;

  constructor(private readonly options: SheetReadOptions) {}

  open(name: string, tag: Tag): void {
    const depth = this.depth++;
    if (this.inSheetData) {
      if (depth === 2 && name === 'row') this.openRow(tag);
      else if (depth === 3 && name === 'c') this.openCell(tag);
      else if (depth === 4 && name === 'v') {
        // An empty <v></v> is no value (a formula's "" result reads as empty, as in exceljs).
        this.inValue = true;
        this.collecting = true;
      } else if (depth === 4 && name === 'is') {
        this.inlineDepth = depth;
        this.richString.start();
      } else if (this.inlineDepth > 0) {
        this.richString.open(name);
        this.collecting = this.richString.collecting;
      }
    } else if (depth === 1) {
      if (name === 'sheetData') this.inSheetData = true;
      else if (name === 'cols') this.inCols = true;
      else if (name === 'mergeCells') this.inMerges = true;
      else if (name === 'sheetProtection') this.protected = xmlBoolean(attribute(tag, 'sheet'));
      else if (name === 'pageSetup') this.page.pageSetup = allAttributes(tag, PAGE_SETUP_ATTRIBUTES);
      else if (name === 'pageMargins') this.page.margins = allAttributes(tag, ['left', 'right']);
      else if (name === 'sheetFormatPr') this.page.format = allAttributes(tag, ['defaultColWidth', 'baseColWidth']);
    } else if (depth === 2 && name === 'pageSetUpPr') {
      this.page.fitToPage = xmlBoolean(attribute(tag, 'fitToPage'));
    } else if (depth === 2 && this.inCols && name === 'col') {
      this.hideColumns(tag);
      this.widthOf(tag);
    } else if (depth === 2 && this.inMerges && name === 'mergeCell') {
      this.addMerge(attribute(tag, 'ref'));
    } else if (name === 'dataValidation') {
      this.addValidated(attribute(tag, 'sqref') ?? '');
    } else if (name === 'xm:sqref') {
      this.inSqref = true;
      this.collecting = true;
      this.sqref = '';
    }
  }

  close(name: string): void {
    const depth = --this.depth;
    if (this.inSheetData) {
      if (depth === 4 && name === 'v') {
        this.inValue = false;
        this.collecting = false;
      } else if (depth === 4 && name === 'is') {
        this.inlineDepth = 0;
        this.collecting = false;
        const v = this.richString.value();
        this.inline = this.richString.plain && v === '' ? null : v;
      } else if (this.inlineDepth > 0) {
        this.richString.close(name);
        this.collecting = this.richString.collecting;
      } else if (depth === 3 && name === 'c') {
        this.closeCell();
      } else if (depth === 2 && name === 'row') {
        this.closeRow();
      } else if (depth === 1 && name === 'sheetData') {
        this.inSheetData = false;
        if (this.options.lastRow !== undefined) this.stopped = true;
      }
    } else if (depth === 1) {
      if (name === 'cols') this.inCols = false;
      else if (name === 'mergeCells') this.inMerges = false;
    } else if (this.inSqref && name === 'xm:sqref') {
      this.inSqref = false;
      this.collecting = false;
      this.addValidated(this.sqref);
    }
  }

  text(s: string): void {
    if (this.inValue) {
      if (s !== '') this.cellText = this.cellText === null ? s : this.cellText + s;
    } else if (this.inlineDepth > 0) {
      this.richString.text(s);
    } else if (this.inSqref) {
      this.sqref += s;
    }
  }

  private openRow(tag: Tag): void {
    readAttributes(tag, ROW_ATTRIBUTES, this.found);
    const r = parseInt(this.found[0] ?? '', 10);
    // A row without a number follows the one before (exceljs cannot read such rows at all).
    this.row = r >= 1 ? r - 1 : this.row + 1;
    this.col = -1;
    this.line = undefined;
    if (this.options.lastRow !== undefined && this.row > this.options.lastRow) {
      this.stopped = true;
      return;
    }
    if (this.row >= MAX_ROWS) return;
    if (this.row <= this.maxRow) {
      // The same row again replaces the earlier one, as in exceljs.
      this.values[this.row] = undefined;
      this.hiddenRows.delete(this.row);
    }
    this.maxRow = Math.max(this.maxRow, this.row);
    if (xmlBoolean(this.found[1])) this.hiddenRows.add(this.row);
    const height = Number(this.found[2]);
    if (this.found[2] !== undefined && xmlBoolean(this.found[3]) && height >= 0) this.rowHeights[this.row] = height;
  }

  private closeRow(): void {
    if (this.line && this.row < MAX_ROWS) this.values[this.row] = this.line;
    this.line = undefined;
  }

  private openCell(tag: Tag): void {
    this.cellText = null;
    this.inline = undefined;
    if (tag.empty) {
      const col = emptyCellColumn(tag);
      if (col !== -2) {
        this.col = col >= 0 ? col : this.col + 1;
        this.cellType = undefined;
        return;
      }
    }
    // r, t and s in one pass; the reference's column is read in place (no string for it).
    const { src } = tag;
    const span = this.span;
    let col = -1;
    this.cellType = undefined;
    this.cellStyle = undefined;
    for (let i = attributesStart(tag); (i = nextAttribute(tag, i, span)) !== -1; ) {
      if (span.nameEnd - span.nameStart !== 1) continue;
      const name = src.charCodeAt(span.nameStart);
      if (name === 0x72) col = hasReference(src, span) ? columnOf(spanValue(tag, span)) : columnOf(src, span.valueStart);
      else if (name === 0x74) this.cellType = spanValue(tag, span);
      else if (name === 0x73) this.cellStyle = spanValue(tag, span);
    }
    // A cell without a reference is the one after the previous cell of the row.
    this.col = col >= 0 ? col : this.col + 1;
  }

  private closeCell(): void {
    if (this.col >= MAX_COLS || this.stopped) return;
    const v = storedValue(this.cellType, this.cellStyle, this.cellText, this.inline, this.options);
    if (v === null) return;
    this.count();
    (this.line ??= [])[this.col] = v;
  }

  private count(): void {
    if (++this.cells > this.options.maxCells) {
      const max = this.options.maxCells;
      throw new WorkbookFormatError('too-many-cells', `more than ${max} cells with values or merges in one sheet`, max);
    }
  }

  private hideColumns(tag: Tag): void {
    if (!xmlBoolean(attribute(tag, 'hidden'))) return;
    const min = parseInt(attribute(tag, 'min') ?? '', 10);
    const max = parseInt(attribute(tag, 'max') ?? '', 10);
    if (!(min >= 1) || min > MAX_COLS) return;
    this.hiddenColSpans.push([min - 1, Math.min(max >= min ? max : min, MAX_COLS) - 1]);
  }

  private widthOf(tag: Tag): void {
    const width = Number(attribute(tag, 'width'));
    const min = parseInt(attribute(tag, 'min') ?? '', 10);
    const max = parseInt(attribute(tag, 'max') ?? '', 10);
    if (!(min >= 1) || !Number.isFinite(width) || attribute(tag, 'width') === undefined) return;
    this.page.widths.push({ min, max: Math.min(max >= min ? max : min, MAX_COLS), width });
  }

  private addValidated(sqref: string): void {
    for (const ref of sqref.trim().split(/\s+/)) {
      if (ref === '') continue;
      let r: CellRange;
      try {
        r = parseA1Range(ref);
      } catch {
        continue;
      }
      this.count();
      this.validated.push(r);
    }
  }

  private addMerge(ref: string | undefined): void {
    if (!ref) return;
    let r: CellRange;
    try {
      r = parseA1Range(ref.trim());
    } catch {
      return;
    }
    const top = Math.min(r.top, r.bottom);
    const bottom = Math.min(Math.max(r.top, r.bottom), MAX_ROWS - 1);
    const left = Math.min(r.left, r.right);
    const right = Math.min(Math.max(r.left, r.right), MAX_COLS - 1);
    if (top < 0 || left < 0 || top >= MAX_ROWS || left >= MAX_COLS) return;
    this.count();
    this.merges.push({ top, left, bottom, right });
  }
}

/** The columns covered by any of the spans, ascending (at most MAX_COLS, whatever the spans). */
function columnsOf(spans: [number, number][]): number[] {
  const out: number[] = [];
  let next = 0;
  for (const [first, last] of [...spans].sort((a, b) => a[0] - b[0])) {
    for (let c = Math.max(first, next); c <= last; c++) out.push(c);
    next = Math.max(next, last + 1);
  }
  return out;
}

/** Followers of each merge read as "", in file order, up to `budget` cells in all. */
function fillMergeFollowers(values: (CellValue[] | undefined)[], merges: CellRange[], budget: number): void {
  let left = budget;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && left > 0; r++) {
      for (let c = m.left; c <= m.right && left > 0; c++) {
        if (r === m.top && c === m.left) continue;
        (values[r] ??= [])[c] = '';
        left--;
      }
    }
    if (left === 0) return;
  }
}

/** Rows dense (holes null), missing rows empty, as readGrid leaves them. */
function densify(values: (CellValue[] | undefined)[]): CellValue[][] {
  // A row that was replaced by an empty one of the same number leaves no trailing empties.
  while (values.length > 0 && values[values.length - 1] === undefined) values.length--;
  const out = values as CellValue[][];
  for (let r = 0; r < out.length; r++) {
    const line = out[r];
    if (!line) {
      out[r] = [];
      continue;
    }
    for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  return out;
}

export async function readSheet(zip: ZipParts, entry: ZipEntry, cap: number, sheetName: string, options: SheetReadOptions): Promise<SheetContent> {
  const parser = new SheetParser(options);
  await streamPart(zip, entry, cap, parser, () => parser.stopped);
  fillMergeFollowers(parser.values, parser.merges, options.maxMergeFollowers);
  const values = densify(parser.values);
  const hiddenRows = [...parser.hiddenRows].sort((a, b) => a - b);
  const hiddenCols = columnsOf(parser.hiddenColSpans);
  const grid: Grid = { sheetName, values, origin: { row: 0, col: 0 }, merges: parser.merges, hiddenRows, date1904: options.date1904 };
  // Where the tracking block may go (src/engine/tracking.ts): never a hidden column, never over
  // the user's own drop-down.
  if (hiddenCols.length > 0) grid.hiddenCols = hiddenCols;
  if (parser.validated.length > 0) grid.validatedRanges = parser.validated;
  // Rows "Kiểm tra" may need to grow in, to show its text whole (docs/printing.md).
  if (Object.keys(parser.rowHeights).length > 0) grid.rowHeights = parser.rowHeights;
  return {
    grid,
    page: parser.page,
    hiddenCols,
    protected: parser.protected,
  };
}

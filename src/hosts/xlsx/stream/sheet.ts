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
import { storedValue, styleIndex } from './cells';
import { utf8, type ByteSkimmer } from './feed';
import { streamPart } from './parts';
import { columnOf, MAX_COLS, MAX_ROWS, SheetRows, type SheetReadOptions } from './rows';
import { plainMergeElement, plainMergeRange } from './merge-ref';
import { SheetDataReader } from './sheet-data';
import { RichStringReader } from './strings';
import { attribute, attributesStart, nextAttribute, readAttributes, spanValue, xmlBoolean, type AttributeSpan, type Tag } from './xml';

export { MAX_COLS, MAX_ROWS, type SheetReadOptions } from './rows';

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

/** The worksheet's elements that may stand between <sheetData> and <mergeCells> (CT_Worksheet's
 * sequence): past any other, no merge list can follow and the fast path is done. */
const BEFORE_MERGES = new Set(['sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews']);

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

/**
 * The general path: every element of the part through the XML scanner's handler calls. Inside
 * <sheetData>, whenever it stands between rows or cells, the part's bytes go to the fast path
 * (sheet-data.ts) instead, until the first token that one leaves (feed.ts).
 */
export class SheetParser implements ByteSkimmer {
  collecting = false;
  /** Between rows or cells of <sheetData>: the fast path may read the bytes from here. */
  skimming = false;
  /** The element depth (<worksheet> is 0): 2 between rows, 3 between cells. */
  depth = 0;
  readonly rows: SheetRows;
  readonly merges: CellRange[] = [];
  /** Hidden column spans [first, last], 0-based, as written (they may overlap). */
  readonly hiddenColSpans: [number, number][] = [];
  /** Ranges under the user's data validations (<dataValidation sqref>, and Excel 2010's
   * <x14:dataValidation><xm:sqref>). */
  readonly validated: CellRange[] = [];
  protected = false;
  readonly page: RawPageSetup = { pageSetup: {}, margins: {}, fitToPage: false, format: {}, widths: [] };

  private inSheetData = false;
  private sheetDataRead = false;
  /** Past the place where <mergeCells> may stand: the fast path has nothing more to read. */
  private mergesPassed = false;
  private readonly mergeEnd = [0];
  private inCols = false;
  private inMerges = false;
  private inSqref = false;
  private sqref = '';
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
  private readonly fast: SheetDataReader | null;

  /** @param fastPath false reads every token through the general path (tests compare the two). */
  constructor(
    private readonly options: SheetReadOptions,
    fastPath = true,
  ) {
    this.rows = new SheetRows(options);
    this.fast = fastPath ? new SheetDataReader(this.rows, options, utf8) : null;
  }

  get skimmable(): boolean {
    return this.fast !== null && !this.mergesPassed;
  }

  get stopped(): boolean {
    return this.rows.stopped;
  }

  skim(b: Uint8Array, from: number): number {
    if (this.inMerges) return this.skimMerges(b, from);
    return this.fast ? this.fast.read(b, from, this) : from;
  }

  /** The merge list's elements of the one common shape (merge-ref.ts), read from the bytes: a
   * plan may have tens of thousands. Stops at the first other token, left to the general path. */
  private skimMerges(b: Uint8Array, from: number): number {
    let at = from;
    for (let range = plainMergeElement(b, at, this.mergeEnd); range; range = plainMergeElement(b, at, this.mergeEnd)) {
      this.rows.count();
      this.merges.push(range);
      at = this.mergeEnd[0];
    }
    return at;
  }

  open(name: string, tag: Tag): void {
    const depth = this.depth++;
    // Inside an element of the merge list (never written so) the fast path does not read.
    if (this.inMerges && !tag.empty) this.updateSkimming();
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
      this.updateSkimming();
    } else if (depth === 1) {
      if (this.sheetDataRead && name !== 'mergeCells' && !BEFORE_MERGES.has(name)) this.mergesPassed = true;
      if (name === 'sheetData') {
        this.inSheetData = true;
        this.updateSkimming();
      } else if (name === 'cols') this.inCols = true;
      else if (name === 'mergeCells') {
        this.inMerges = true;
        this.updateSkimming();
      } else if (name === 'sheetProtection') this.protected = xmlBoolean(attribute(tag, 'sheet'));
      else if (name === 'pageSetup') this.page.pageSetup = allAttributes(tag, PAGE_SETUP_ATTRIBUTES);
      else if (name === 'pageMargins') this.page.margins = allAttributes(tag, ['left', 'right']);
      else if (name === 'sheetFormatPr') this.page.format = allAttributes(tag, ['defaultColWidth', 'baseColWidth']);
    } else if (depth === 2 && name === 'pageSetUpPr') {
      this.page.fitToPage = xmlBoolean(attribute(tag, 'fitToPage'));
    } else if (depth === 2 && this.inCols && name === 'col') {
      this.hideColumns(tag);
      this.widthOf(tag);
    } else if (depth === 2 && this.inMerges && name === 'mergeCell') {
      const plain = this.plainMerge(tag);
      if (plain) {
        this.rows.count();
        this.merges.push(plain);
      } else {
        this.addMerge(attribute(tag, 'ref'));
      }
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
        this.rows.closeRow();
      } else if (depth === 1 && name === 'sheetData') {
        this.inSheetData = false;
        this.sheetDataRead = true;
        if (this.options.lastRow !== undefined) this.rows.stopped = true;
      }
      this.updateSkimming();
    } else if (depth === 1) {
      if (name === 'cols') this.inCols = false;
      else if (name === 'mergeCells') {
        this.inMerges = false;
        this.mergesPassed = true;
        this.updateSkimming();
      }
    } else if (depth === 2 && this.inMerges) {
      this.updateSkimming();
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

  /** The fast path may read from here: between rows or cells, nothing being collected. */
  private updateSkimming(): void {
    this.skimming =
      this.fast !== null && ((this.inSheetData && (this.depth === 2 || this.depth === 3) && !this.collecting && this.inlineDepth === 0) || (this.inMerges && this.depth === 2));
  }

  private openRow(tag: Tag): void {
    readAttributes(tag, ROW_ATTRIBUTES, this.found);
    const [r, hidden, ht, customHeight] = this.found;
    const sized = ht !== undefined && xmlBoolean(customHeight);
    this.rows.openRow(parseInt(r ?? '', 10), xmlBoolean(hidden), sized ? Number(ht) : undefined);
  }

  private openCell(tag: Tag): void {
    this.cellText = null;
    this.inline = undefined;
    if (tag.empty) {
      const col = emptyCellColumn(tag);
      if (col !== -2) {
        this.rows.openCell(col);
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
    this.rows.openCell(col);
  }

  private closeCell(): void {
    if (!this.rows.storing) return;
    this.rows.store(storedValue(this.cellType, styleIndex(this.cellStyle), this.cellText, this.inline, this.options));
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
      this.rows.count();
      this.validated.push(r);
    }
  }

  /** The merge's range when its (last) ref is plain (merge-ref.ts), else undefined. */
  private plainMerge(tag: Tag): CellRange | undefined {
    const { src } = tag;
    const span = this.span;
    let from = -1;
    let to = -1;
    for (let i = attributesStart(tag); (i = nextAttribute(tag, i, span)) !== -1; ) {
      if (span.nameEnd - span.nameStart !== 3 || !src.startsWith('ref', span.nameStart)) continue;
      from = span.valueStart;
      to = span.valueEnd;
    }
    // A reference ("&…;") is never plain: the general reading decodes it.
    return from >= 0 ? plainMergeRange(src, from, to) : undefined;
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
    this.rows.count();
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
  return sheetContent(parser, sheetName, options);
}

/** What a parser that has read the whole part (or up to options.lastRow) found. */
export function sheetContent(parser: SheetParser, sheetName: string, options: SheetReadOptions): SheetContent {
  const { rows } = parser;
  fillMergeFollowers(rows.values, parser.merges, options.maxMergeFollowers);
  const values = densify(rows.values);
  const hiddenRows = [...rows.hiddenRows].sort((a, b) => a - b);
  const hiddenCols = columnsOf(parser.hiddenColSpans);
  const grid: Grid = { sheetName, values, origin: { row: 0, col: 0 }, merges: parser.merges, hiddenRows, date1904: options.date1904 };
  // Where the tracking block may go (src/engine/tracking.ts): never a hidden column, never over
  // the user's own drop-down.
  if (hiddenCols.length > 0) grid.hiddenCols = hiddenCols;
  if (parser.validated.length > 0) grid.validatedRanges = parser.validated;
  // Rows "Kiểm tra" may need to grow in, to show its text whole (docs/printing.md).
  if (Object.keys(rows.rowHeights).length > 0) grid.rowHeights = rows.rowHeights;
  return {
    grid,
    page: parser.page,
    hiddenCols,
    protected: parser.protected,
  };
}

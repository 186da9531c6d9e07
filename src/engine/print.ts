/**
 * A checked copy that prints like the original (docs/printing.md): the user's page setup is
 * kept — orientation, paper, margins — and extended over the tracking block: the print area,
 * when the sheet has one, grows to the block; the header rows repeat on every page unless the
 * sheet already repeats rows; and the table keeps the text size it printed at. A page set to fit
 * N pages wide would shrink everything to make room for the block; instead the copy gets the
 * number of pages across the copy takes at the scale the original printed at, so the block takes
 * pages of its own and the table keeps its text size. On those pages the columns that name a task
 * (STT … "Nhiệm vụ") repeat, unless the sheet already repeats columns, so a status is never read
 * without its task.
 */
import { MAX_COLS, MAX_ROWS, a1Range, parseA1Range, quoteSheet, splitAreas, wholeColumns, wholeRows } from './a1';
import type { CellRange, PageSetup, PrintChange, PrintSettings, RecognisedTable, Span } from './model';

/** Width × height in points of the paper sizes plans are printed on (OOXML codes). */
const PAPER_POINTS: Record<number, [number, number]> = {
  1: [612, 792], // Letter
  5: [612, 1008], // Legal
  8: [841.89, 1190.55], // A3
  9: [595.28, 841.89], // A4
  11: [419.53, 595.28], // A5
};
const A4 = 9;
/** Excel's default left and right margins, inches. */
const DEFAULT_MARGIN = 0.7;
const MIN_SCALE = 10;
/** Repeated columns may take at most this share of a page across. */
const TITLE_COLUMNS_SHARE = 0.45;

/** The width a page leaves for cells, in points. */
export function printableWidth(page: PageSetup): number {
  const [w, h] = PAPER_POINTS[page.paperSize ?? A4] ?? PAPER_POINTS[A4];
  const across = page.orientation === 'landscape' ? Math.max(w, h) : Math.min(w, h);
  const margins = page.margins ?? { left: DEFAULT_MARGIN, right: DEFAULT_MARGIN };
  return across - (margins.left + margins.right) * 72;
}

function columnWidth(page: PageSetup, hidden: ReadonlySet<number>, col: number): number {
  if (hidden.has(col)) return 0;
  return page.columnWidths[col] ?? page.defaultColumnWidth;
}

export interface PrintInput {
  page: PageSetup;
  table: RecognisedTable;
  /** Hidden columns of the sheet (they print nothing). */
  hiddenCols: readonly number[];
  /** The columns the original printed: its print area's, else the used ones left of the block. */
  printed: Span;
  /** The block's columns, left to right (the tool's and those it reused). */
  block: Span;
  /** Widths in points this run gives to columns of the block (the ones it creates). */
  blockWidths: Record<number, number>;
  /** The column the repeated task columns end with (the task's, else the table's first). */
  taskCol: number;
}

/** The scale, in whole percent, at which `width` points fit `pages` pages of `usable` points
 * — as Excel picks it for "fit to", rounded down. */
function fitScale(width: number, usable: number, pages: number): number {
  if (width <= 0) return 100;
  return Math.max(MIN_SCALE, Math.min(100, Math.floor((100 * pages * usable) / width)));
}

/**
 * Pages across that columns of these widths (points, left to right) take at `scale` percent,
 * whole columns to a page as the programs break them; `titles` (points) repeat on every page
 * after the first, where they are already the first columns.
 */
export function pagesAcross(widths: readonly number[], scale: number, usable: number, titles = 0): number {
  const k = scale / 100;
  let pages = 1;
  let used = 0;
  let start = 0;
  for (const w of widths) {
    if (w <= 0) continue;
    if (used + w * k > usable && used > start) {
      pages++;
      start = titles * k;
      used = start;
    }
    used += w * k;
  }
  return pages;
}

/** The printout's settings for the checked copy, and the ones they replace. */
export function printChange({ page, table, hiddenCols, printed, block, blockWidths, taskCol }: PrintInput): PrintChange {
  const set: PrintSettings = {};
  const before: PrintSettings = {};

  // A print area over the table (up to the block) grows to take the block in.
  const area = page.printArea?.length === 1 ? page.printArea[0] : null;
  if (area && area.left <= table.firstCol && area.right >= block.first - 1 && area.right < block.last) {
    set.printArea = { ...area, right: block.last };
    before.printArea = area;
  }
  if (!page.titleRows) {
    set.titleRows = { first: table.headerRows[0], last: table.numberingRow ?? table.headerRows[table.headerRows.length - 1] };
    before.titleRows = null;
  }

  const zoom = page.zoom;
  if (!('fitWidth' in zoom) || zoom.fitWidth < 1) return { set, before };
  const { across, titled } = copyLayout({ page, table, hiddenCols, printed, block, blockWidths, taskCol });
  if (across <= zoom.fitWidth) return { set, before };
  // Fitted to as many pages across as the copy takes at the original's scale: every program
  // then prints it at that scale or larger, never smaller, whatever its font metrics.
  set.zoom = { fitWidth: across, fitHeight: zoom.fitHeight };
  before.zoom = zoom;
  if (titled) {
    set.titleColumns = { first: table.firstCol, last: taskCol };
    before.titleColumns = null;
  }
  return { set, before };
}

/** The scale the original printed at: its fixed scale, or the largest whole percent at which
 * its columns take the pages across it was fitted to. */
function originalScale(page: PageSetup, original: readonly number[], usable: number): number {
  const zoom = page.zoom;
  if (!('fitWidth' in zoom)) return zoom.scale;
  if (zoom.fitWidth < 1) return 100;
  let scale = fitScale(original.reduce((a, b) => a + b, 0), usable, zoom.fitWidth);
  while (scale > MIN_SCALE && pagesAcross(original, scale, usable) > zoom.fitWidth) scale--;
  return scale;
}

/** Pages across the copy takes at the original's scale, and whether the task's columns repeat
 * on the block's pages (when they leave it room). */
export function copyLayout({ page, table, hiddenCols, printed, block, blockWidths, taskCol }: PrintInput): { across: number; titled: boolean } {
  const hidden = new Set(hiddenCols);
  const usable = printableWidth(page);
  const widths = (first: number, last: number) => {
    const out: number[] = [];
    for (let c = first; c <= last; c++) out.push(blockWidths[c] ?? columnWidth(page, hidden, c));
    return out;
  };
  const scale = originalScale(page, widths(printed.first, printed.last), usable);
  const copy = widths(Math.min(printed.first, block.first), Math.max(printed.last, block.last));
  const titleWidth = widths(table.firstCol, taskCol).reduce((a, b) => a + b, 0);
  const titled = !page.titleColumns && taskCol < block.first && (titleWidth * scale) / 100 <= TITLE_COLUMNS_SHARE * usable;
  return { across: pagesAcross(copy, scale, usable, titled ? titleWidth : 0), titled };
}

/**
 * The widest a column of the block (`col`) may be, in characters, from `min` up to `max`,
 * without the copy taking more pages across at the original's scale: "Kiểm tra" fills the room
 * its page leaves, so that its sentences need fewer lines.
 */
export function roomyWidth(input: PrintInput, col: number, min: number, max: number): number {
  const at = (chars: number) => copyLayout({ ...input, blockWidths: { ...input.blockWidths, [col]: chars * input.page.characterWidth } }).across;
  const base = at(min);
  for (let chars = max; chars > min; chars--) if (at(chars) <= base) return chars;
  return min;
}

/** Settings that undo `change` (its `before`), as a change of their own. */
export function undoPrint(before: PrintSettings): PrintChange {
  return { set: before, before: {} };
}

export function hasPrintSettings(s: PrintSettings): boolean {
  return s.printArea !== undefined || s.titleRows !== undefined || s.titleColumns !== undefined || s.zoom !== undefined;
}

/** The columns the original prints: its print area's, else the used ones left of the columns
 * the block adds (`added`: the first of them, or null when it adds none). */
export function printedColumns(page: PageSetup, usedFirst: number, usedLast: number, added: number | null): Span {
  const area = page.printArea?.length === 1 ? page.printArea[0] : null;
  if (area) return { first: area.left, last: area.right };
  return { first: usedFirst, last: added === null ? usedLast : Math.min(usedLast, added - 1) };
}

/** The print area and titles a workbook's names give (_xlnm.Print_Area, _xlnm.Print_Titles,
 * their formulas as stored): rectangles, and the repeated rows and columns. Areas that cannot
 * be read (a #REF!) are left out. */
export function printNames(area: string | null, titles: string | null): Pick<PageSetup, 'printArea' | 'titleRows' | 'titleColumns'> {
  const areas = (formula: string | null) => {
    if (formula === null) return [];
    const out: CellRange[] = [];
    for (const part of splitAreas(formula.replace(/^=/, ''))) {
      try {
        out.push(parseA1Range(part));
      } catch {
        // not a reference: skipped
      }
    }
    return out;
  };
  const printArea = areas(area);
  let titleRows: Span | null = null;
  let titleColumns: Span | null = null;
  for (const r of areas(titles)) {
    if (r.left === 0 && r.right === MAX_COLS - 1) titleRows = { first: r.top, last: r.bottom };
    else if (r.top === 0 && r.bottom === MAX_ROWS - 1) titleColumns = { first: r.left, last: r.right };
  }
  return { printArea: printArea.length > 0 ? printArea : null, titleRows, titleColumns };
}

/** The formula of _xlnm.Print_Titles for these rows and columns (columns first, as Excel writes
 * it), or null when neither is set. */
export function printTitlesFormula(sheet: string, rows: Span | null, columns: Span | null): string | null {
  const parts: string[] = [];
  if (columns) parts.push(`${quoteSheet(sheet)}!${a1Range(wholeColumns(columns.first, columns.last), 'both')}`);
  if (rows) parts.push(`${quoteSheet(sheet)}!${a1Range(wholeRows(rows.first, rows.last), 'both')}`);
  return parts.length > 0 ? parts.join(',') : null;
}

/** The formula of _xlnm.Print_Area for one rectangle. */
export function printAreaFormula(sheet: string, area: CellRange): string {
  return `${quoteSheet(sheet)}!${a1Range(area, 'both')}`;
}

/** Assumed text of the block for sizing rows: up to 13 pt (the hosts know the table's real font
 * only when they write); a character of Vietnamese text in a serif face averages under 0.47 em,
 * and Excel gives a line 1.31 of the size. Overestimating costs some white space; under-
 * estimating would cut the text. */
const TEXT_POINTS = 13;
const CHARACTER_EM = 0.47;
const LINE_FACTOR = 1.31;
/** Points a cell keeps free: padding left and right, and above and below the lines. */
const CELL_PADDING = 4;

/** Lines a text takes when wrapped at word boundaries in a column `width` points wide. */
export function wrappedLines(text: string, width: number): number {
  const char = TEXT_POINTS * CHARACTER_EM;
  const room = Math.max(char, width - CELL_PADDING);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length * char;
      if (used > 0 && used + char + w > room) {
        lines++;
        used = 0;
      }
      // A word longer than the line wraps inside itself.
      if (w > room) {
        lines += Math.ceil(w / room) - 1;
        used = w % room;
      } else used += (used > 0 ? char : 0) + w;
    }
  }
  return lines;
}

/** The height in points of a row showing `lines` lines of the block's text. */
export function heightForLines(lines: number): number {
  return Math.ceil((lines * TEXT_POINTS * LINE_FACTOR + CELL_PADDING) * 4) / 4;
}

/** Lines a row of this height already shows (a line of 13 pt text takes 1.25 of its size at the
 * least): a row is grown only when its text needs more. */
export function linesHeld(height: number): number {
  return Math.floor((height - CELL_PADDING / 2) / (TEXT_POINTS * 1.25));
}

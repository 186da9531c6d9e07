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
 * Where columns of these widths (points, left to right) fall at `scale` percent, whole columns to
 * a page as the programs break them: the page of each column (0-based). `titles` (points) repeat
 * on every page after the first, where they are already the first columns. Columns from index
 * `reserve.from` on (the block's) keep `reserve.points` (at 100 %) free on their page.
 */
export function pagePlacement(widths: readonly number[], scale: number, usable: number, titles = 0, reserve = { from: Infinity, points: 0 }): number[] {
  const k = scale / 100;
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  let start = 0;
  widths.forEach((w, i) => {
    const room = usable - (i >= reserve.from ? reserve.points * k : 0);
    if (w > 0 && used + w * k > room && used > start) {
      page++;
      start = titles * k;
      used = start;
    }
    if (w > 0) used += w * k;
    pages.push(page);
  });
  return pages;
}

/** Pages across that columns of these widths take at `scale` percent (pagePlacement). */
export function pagesAcross(widths: readonly number[], scale: number, usable: number, titles = 0, reserve?: { from: number; points: number }): number {
  const pages = pagePlacement(widths, scale, usable, titles, reserve);
  return pages.length === 0 ? 1 : pages[pages.length - 1] + 1;
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

/** Characters (at 100 %) the block keeps free on each of its pages: programs measure columns a
 * little differently (font metrics, padding per column), and a copy a hair wider than its pages
 * would be printed smaller than the original. */
export const PAGE_SLACK = 2;

interface CopyLayout {
  /** Pages across the copy takes at the original's scale, its block keeping PAGE_SLACK free. */
  across: number;
  /** Whether the task's columns repeat on the block's pages (when they leave it room). */
  titled: boolean;
  /** The original's scale, percent. */
  scale: number;
  /** The copy's columns, left to right, their widths (points) and pages at `scale`. */
  columns: { col: number; width: number; page: number }[];
  usable: number;
  /** Points the repeated columns take on the pages after the first. */
  titleWidth: number;
}

export function copyLayout({ page, table, hiddenCols, printed, block, blockWidths, taskCol }: PrintInput): CopyLayout {
  const hidden = new Set(hiddenCols);
  const usable = printableWidth(page);
  const widths = (first: number, last: number) => {
    const out: number[] = [];
    for (let c = first; c <= last; c++) out.push(blockWidths[c] ?? columnWidth(page, hidden, c));
    return out;
  };
  const original = widths(printed.first, printed.last);
  const scale = originalScale(page, original, usable);
  const first = Math.min(printed.first, block.first);
  const copy = widths(first, Math.max(printed.last, block.last));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const tableTitles = sum(widths(table.firstCol, taskCol));
  // Repeated only when the table prints one page across: on a wider table they would move its
  // own columns to other pages than the original's.
  const titled =
    !page.titleColumns && taskCol < block.first && (tableTitles * scale) / 100 <= TITLE_COLUMNS_SHARE * usable && pagesAcross(original, scale, usable) === 1;
  const titleWidth = titled ? tableTitles : 0;
  const placed = pagePlacement(copy, scale, usable, titleWidth, { from: block.first - first, points: PAGE_SLACK * page.characterWidth });
  const columns = copy.map((width, i) => ({ col: first + i, width, page: placed[i] }));
  return { across: placed[placed.length - 1] + 1, titled, scale, columns, usable, titleWidth };
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

/** Excel's widest column, in characters ("Excel specifications and limits": column width 255). */
export const MAX_COLUMN_CHARS = 255;

/**
 * Widths (characters) for columns of the block (`stretchable`, by preference) that leave the
 * block's pages no room for a column of the table, when the copy is fitted to more pages across
 * than the original at a scale below 100 %: on each page of the block the first stretchable
 * column there takes the room left (all but PAGE_SLACK), and the next one on that page what
 * exceeds MAX_COLUMN_CHARS; on a page without a stretchable column, the first of `others` (the
 * tool's short columns, by preference) there. Null when that does not apply, or when the widths
 * do not hold the scale (a page of the block made up of the user's own columns).
 *
 * Why: "fit to N pages wide" makes a program print at the largest scale at which the columns
 * still take N pages, whole columns to a page (LibreOffice searches for it, ScPrintFunc::CalcZoom;
 * Excel fits the same way). A block that leaves room on its pages lets the table's last columns
 * move there at a larger scale — the table printed larger than the original and split
 * differently. With the block's pages filled, one percent more takes another page, so the copy
 * prints at the original's scale in every program, by that program's own measure.
 */
export function filledWidths(input: PrintInput, stretchable: readonly number[], others: readonly number[] = []): Record<number, number> | null {
  const zoom = input.page.zoom;
  const layout = copyLayout(input);
  if (!('fitWidth' in zoom) || zoom.fitWidth < 1 || layout.across <= zoom.fitWidth || layout.scale >= 100) return null;
  const k = layout.scale / 100;
  const chars = input.page.characterWidth;
  const out: Record<number, number> = {};
  const blockPages = new Set(layout.columns.filter((c) => c.col >= input.block.first && c.col <= input.block.last).map((c) => c.page));
  for (const page of blockPages) {
    const on = layout.columns.filter((c) => c.page === page);
    const used = (page > 0 ? layout.titleWidth : 0) + on.reduce((a, c) => a + c.width, 0);
    const room = (layout.usable / k - used) / chars - PAGE_SLACK;
    // The first text column there takes the room; what Excel's widest column cannot hold goes
    // to the next one on the page. A page without one gives it to another column of the tool's.
    const onPage = (cols: readonly number[]) => cols.filter((col) => on.some((c) => c.col === col));
    const targets = onPage(stretchable).length > 0 ? onPage(stretchable) : onPage(others);
    let left = Math.max(0, room);
    for (const target of targets) {
      const width = on.find((c) => c.col === target)!.width / chars;
      const grown = Math.min(MAX_COLUMN_CHARS, Math.floor(width + left));
      out[target] = grown;
      left -= grown - width;
      if (left < 1) break;
    }
  }
  const widened = { ...input.blockWidths };
  for (const [col, w] of Object.entries(out)) widened[Number(col)] = w * chars;
  const filled = copyLayout({ ...input, blockWidths: widened });
  const widths = filled.columns.map((c) => c.width);
  // Held: the same pages at the original's scale, one more at one percent more.
  const holds = filled.across === layout.across && pagesAcross(widths, layout.scale + 1, layout.usable, layout.titleWidth) > layout.across;
  return holds ? out : null;
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

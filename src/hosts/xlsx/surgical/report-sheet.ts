/**
 * A whole worksheet part written from a SheetModel (the quarterly report): values as inline
 * strings or numbers, formulas without a cached value (the workbook is marked for a full
 * calculation on load), merges, links to cells of the workbook as HYPERLINK formulas with
 * their text cached (link-formula.ts; a hyperlink element, `location` and no relationship, only
 * where the formula would be too long), column widths, row heights, A4 page setup with
 * fit-to-width, margins and page numbers. Print titles are a defined name of the workbook
 * (workbook.ts).
 */
import { a1, columnLetter } from '../../../engine/a1';
import { quoteSheet } from '../../../engine/a1';
import type { CellRange, SheetCell, SheetModel } from '../../../engine/model';
import { marginsInInches, pageNumberHeaderFooter } from '../../../engine/page-setup';
import { linkFormula } from '../link-formula';
import { ChangeSetError } from '../../change-set-error';
import { valueParts } from './cells';
import type { StyleBook } from './styles';
import { cleanText, escapeAttr, escapeText } from './xml';
import { sqrefArea } from './worksheet-parts';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

/** Column letters by column, worked out once each. */
const LETTERS: string[] = [];

function cellXml(cell: SheetCell | null, row: number, col: number, s: number): string {
  const ref = (LETTERS[col] ??= columnLetter(col)) + (row + 1);
  const sAttr = s !== 0 ? ` s="${s}"` : '';
  if (cell?.formula !== undefined) {
    const formula = escapeText(cleanText(cell.formula.replace(/^=/, '')));
    return `<c r="${ref}"${sAttr}><f>${formula}</f></c>`;
  }
  const value = cell?.link ? (cell.value === null || cell.value === undefined ? '' : typeof cell.value === 'number' ? cell.value : String(cell.value)) : cell?.value;
  if (cell?.link && value !== '' && value !== undefined && value !== null && typeof value !== 'boolean') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new ChangeSetError(`not a number Excel can store: ${value}`);
    const formula = linkFormula(value, cell.link);
    if (formula !== null) {
      const cached = typeof value === 'number' ? ['', String(value)] : [' t="str"', escapeText(cleanText(value))];
      return `<c r="${ref}"${sAttr}${cached[0]}><f>${escapeText(cleanText(formula))}</f><v>${cached[1]}</v></c>`;
    }
  }
  if (value === undefined || value === null || value === '') return s !== 0 ? `<c r="${ref}"${sAttr}/>` : '';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new ChangeSetError(`not a number Excel can store: ${value}`);
  const parts = valueParts('', value);
  return `<c r="${ref}"${sAttr}${parts.t ? ` t="${parts.t}"` : ''}>${parts.content}</c>`;
}

/** Pieces of text are handed on once they reach about this many characters. */
const PIECE_CHARS = 256 * 1024;

/** A cell to write: the model's cell (null for a merge's other cells) and its format index. */
interface Placed {
  cell: SheetCell | null;
  s: number;
}

const LOOK_KEYS = ['numberFormat', 'bold', 'italic', 'fontSize', 'fontName', 'underline', 'wrapText', 'fill', 'fontColor', 'horizontalAlignment', 'verticalAlignment', 'border'] as const;

function sameLook(a: SheetCell, b: SheetCell): boolean {
  for (const key of LOOK_KEYS) if (a[key] !== b[key]) return false;
  return true;
}

/** The model's cells are in row, then column order, each place once (as the report builds them). */
function inSheetOrder(cells: readonly SheetCell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (a.row > b.row || (a.row === b.row && a.col >= b.col)) return false;
  }
  return true;
}

/**
 * The model's cells as rows of placed cells, in row order. Formats are derived in the model's
 * order (so new formats are numbered as they always were); neighbouring cells mostly look
 * alike, so the last look is reused. Cells in sheet order are taken as they come, one row at a
 * time; otherwise they are gathered by place first, two cells at one place merging (the later
 * one's fields win).
 */
function* modelRows(model: SheetModel, styles: StyleBook): Generator<[row: number, line: Map<number, Placed>]> {
  // The last look seen, and the last in each column (a list's columns each keep one look).
  let last: { cell: SheetCell; s: number } | null = null;
  const lastInColumn = new Map<number, { cell: SheetCell; s: number }>();
  const place = (cell: SheetCell): number => {
    if (cell.row < 0 || cell.col < 0) throw new ChangeSetError(`cell outside the sheet on ${model.name}`);
    const above = lastInColumn.get(cell.col);
    const s: number = last && sameLook(last.cell, cell) ? last.s : above && sameLook(above.cell, cell) ? above.s : styles.derive(0, cell);
    last = { cell, s };
    lastInColumn.set(cell.col, last);
    return s;
  };
  if (inSheetOrder(model.cells)) {
    let line = new Map<number, Placed>();
    let row = -1;
    for (const cell of model.cells) {
      const s = place(cell);
      if (cell.row !== row) {
        if (row >= 0) yield [row, line];
        line = new Map();
        row = cell.row;
      }
      line.set(cell.col, { cell, s });
    }
    if (row >= 0) yield [row, line];
    return;
  }
  const rows = new Map<number, Map<number, Placed>>();
  for (const cell of model.cells) {
    let line = rows.get(cell.row);
    if (!line) rows.set(cell.row, (line = new Map()));
    const before = line.get(cell.col)?.cell;
    const merged = before ? { ...before, ...cell } : cell;
    line.set(cell.col, { cell: merged, s: place(merged) });
  }
  for (const row of [...rows.keys()].sort((a, b) => a - b)) yield [row, new Map([...rows.get(row)!].sort((a, b) => a[0] - b[0]))];
}

/**
 * A merge's other cells take the top-left cell's format and lose their value, as when Excel
 * (or exceljs) merges a range — so borders and fills cover the whole merged area. The merges
 * are walked with the rows: those covering the current row are active, in the model's order
 * (a later merge's cells win where two overlap).
 */
class MergeWalk {
  private readonly byTop: number[];
  private next = 0;
  /** Active merges: index in model.merges → the top-left cell's format. */
  private active = new Map<number, number>();

  constructor(private readonly merges: readonly CellRange[]) {
    this.byTop = merges.map((_, i) => i).sort((a, b) => merges[a].top - merges[b].top || a - b);
  }

  /** The next row at or after `row` that a merge covers, or Infinity. */
  nextRow(row: number): number {
    if (this.active.size > 0) return row;
    return this.next < this.byTop.length ? Math.max(row, this.merges[this.byTop[this.next]].top) : Infinity;
  }

  /** Enter `row`: merges ending above it leave, merges starting on it come in with the format of
   * their top-left cell on `line`. */
  enter(row: number, line: Map<number, Placed> | undefined): void {
    for (const i of this.active.keys()) if (this.merges[i].bottom < row) this.active.delete(i);
    let added = false;
    while (this.next < this.byTop.length && this.merges[this.byTop[this.next]].top <= row) {
      const i = this.byTop[this.next++];
      const m = this.merges[i];
      if (m.bottom < row) continue;
      // A merge starting above the first row written (no such model) would take the default.
      this.active.set(i, m.top === row ? (line?.get(m.left)?.s ?? 0) : 0);
      added = true;
    }
    if (added) this.active = new Map([...this.active.entries()].sort((a, b) => a[0] - b[0]));
  }

  /** The row's cells with the active merges' other cells laid over them, in column order. */
  cells(row: number, line: Map<number, Placed> | undefined): Iterable<[number, Placed]> {
    if (this.active.size === 0) return line ?? [];
    const at = new Map<number, Placed>(line ?? []);
    for (const [i, s] of this.active) {
      const m = this.merges[i];
      const skip = row === m.top ? m.left : -1;
      const follower: Placed = { cell: null, s };
      for (let col = m.left; col <= m.right; col++) if (col !== skip) at.set(col, follower);
    }
    return [...at.entries()].sort((a, b) => a[0] - b[0]);
  }
}

/** The <sheetData> rows, in pieces of about PIECE_CHARS characters. */
function* rowsXml(model: SheetModel, styles: StyleBook): Generator<string> {
  const heights = model.rowHeights ?? {};
  const heightRows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  const merges = new MergeWalk(model.merges);
  const rows = modelRows(model, styles);
  let pending = rows.next();
  let h = 0;
  let out = '';
  let row = 0;
  for (;;) {
    const modelRow = pending.done ? Infinity : pending.value[0];
    row = Math.min(modelRow, merges.nextRow(row), h < heightRows.length ? heightRows[h] : Infinity);
    if (row === Infinity) break;
    let line: Map<number, Placed> | undefined;
    if (row === modelRow) {
      line = (pending.value as [number, Map<number, Placed>])[1];
      pending = rows.next();
    }
    while (h < heightRows.length && heightRows[h] <= row) h++;
    merges.enter(row, line);
    let body = '';
    for (const [col, placed] of merges.cells(row, line)) body += cellXml(placed.cell, row, col, placed.s);
    const height = heights[row];
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : '';
    if (body !== '' || ht !== '') out += body === '' ? `<row r="${row + 1}"${ht}/>` : `<row r="${row + 1}"${ht}>${body}</row>`;
    if (out.length > PIECE_CHARS) {
      yield out;
      out = '';
    }
    row++;
  }
  yield out;
}

function colsXml(model: SheetModel): string {
  const cols = Object.entries(model.columnWidths)
    .map(([col, width]) => [Number(col), width] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([col, width]) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`);
  return cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '';
}

/** Elements, wrapped in their parent (with `count` when asked), in pieces; nothing when none. */
function* wrapped(parent: string, items: Iterable<string>, count: number | null): Generator<string> {
  let out = '';
  let n = 0;
  for (const item of items) {
    if (n++ === 0) out = count === null ? `<${parent}>` : `<${parent} count="${count}">`;
    out += item;
    if (out.length > PIECE_CHARS) {
      yield out;
      out = '';
    }
  }
  if (n > 0) yield `${out}</${parent}>`;
}

/** Hyperlink elements for the cells whose link is not a HYPERLINK formula (cellXml): too long
 * for one. */
function* links(model: SheetModel): Generator<string> {
  // Every link points into one or two sheets: each sheet's quoted name is worked out once.
  const quoted = new Map<string, string>();
  for (const c of model.cells) {
    if (!c.link || c.formula !== undefined || c.value === undefined || c.value === null || c.value === '' || typeof c.value === 'boolean') continue;
    if (linkFormula(c.value, c.link) !== null) continue;
    const { sheet, row, col } = c.link;
    let name = quoted.get(sheet);
    if (name === undefined) quoted.set(sheet, (name = quoteSheet(cleanText(sheet))));
    yield `<hyperlink ref="${a1(c.row, c.col)}" location="${escapeAttr(`${name}!${a1(row, col)}`)}"/>`;
  }
}

function dimension(model: SheetModel): string {
  if (model.cells.length === 0) return 'A1';
  // A loop, not Math.min(...): a report of a large plan has more cells than a call has arguments.
  const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  for (const c of model.cells) {
    box.top = Math.min(box.top, c.row);
    box.left = Math.min(box.left, c.col);
    box.bottom = Math.max(box.bottom, c.row);
    box.right = Math.max(box.right, c.col);
  }
  return sqrefArea(box);
}

/** Excel's default margins (inches) unless the model sets its own. */
function marginsXml(model: SheetModel): string {
  const m = model.print.margins ? marginsInInches(model.print.margins) : { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  return `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
}

/** Page numbers in the header or footer; none on the first page when asked (differentFirst
 * with an empty first-page header). */
function headerFooterXml(model: SheetModel): string {
  const p = model.print.pageNumbers;
  if (!p) return '';
  const element = p.where === 'header' ? 'oddHeader' : 'oddFooter';
  return `<headerFooter${p.skipFirst ? ' differentFirst="1"' : ''}><${element}>${escapeText(pageNumberHeaderFooter(p))}</${element}></headerFooter>`;
}

/**
 * The worksheet part of a report sheet, as pieces of text to deflate as they come: a year
 * report of a large plan is hundreds of MB of XML, which never has to exist whole.
 */
export function* reportSheetPieces(model: SheetModel, styles: StyleBook): Generator<string> {
  const fit = model.print.fitToWidth;
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${dimension(model)}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(model) +
    '<sheetData>';
  yield* rowsXml(model, styles);
  yield '</sheetData>';
  yield* wrapped('mergeCells', model.merges.map((m) => `<mergeCell ref="${sqrefArea(m)}"/>`), model.merges.length);
  yield* wrapped('hyperlinks', links(model), null);
  yield marginsXml(model) +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${model.print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
    headerFooterXml(model) +
    '</worksheet>';
}

/** The model holds a formula (the workbook must then be calculated when opened). */
export function hasFormula(model: SheetModel): boolean {
  return model.cells.some((c) => c.formula !== undefined);
}

/** Print titles as a defined name's formula: "'BC Quý I-2024'!$3:$3". */
export function printTitles(model: SheetModel): string | null {
  const rows = model.print.repeatRows;
  if (!rows) return null;
  return `${quoteSheet(model.name)}!$${rows.first + 1}:$${rows.last + 1}`;
}

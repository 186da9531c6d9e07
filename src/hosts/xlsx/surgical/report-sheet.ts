/**
 * A whole worksheet part written from a SheetModel (the quarterly report): values as inline
 * strings or numbers, formulas without a cached value (the workbook is marked for a full
 * calculation on load), merges, links to cells of the workbook as HYPERLINK formulas with
 * their text cached (link-formula.ts; a hyperlink element, `location` and no relationship, only
 * where the formula would be too long), column widths, row heights, A4 page setup with
 * fit-to-width, margins and page numbers. Print titles are a defined name of the workbook
 * (workbook.ts).
 */
import { a1 } from '../../../engine/a1';
import { quoteSheet } from '../../../engine/a1';
import type { SheetCell, SheetModel } from '../../../engine/model';
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

function cellXml(cell: SheetCell | null, row: number, col: number, s: number): string {
  const ref = a1(row, col);
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

/** A cell to write: the model's cell and its format index. */
interface Placed {
  cell: SheetCell;
  s: number;
}

/** The cells of one row of a merge other than its top-left: they take its format. */
interface Followers {
  left: number;
  right: number;
  /** The top-left cell's column on the merge's first row (not a follower), else -1. */
  skip: number;
  s: number;
}

const LOOK_KEYS = ['numberFormat', 'bold', 'italic', 'fontSize', 'fontName', 'underline', 'wrapText', 'fill', 'fontColor', 'horizontalAlignment', 'verticalAlignment', 'border'] as const;

function sameLook(a: SheetCell, b: SheetCell): boolean {
  for (const key of LOOK_KEYS) if (a[key] !== b[key]) return false;
  return true;
}

/** The model's cells by row and column, with their format index. Two cells at one place merge
 * (the later one's fields win). Neighbouring cells mostly look alike: the last look is reused. */
function placeCells(model: SheetModel, styles: StyleBook): Map<number, Map<number, Placed>> {
  const rows = new Map<number, Map<number, Placed>>();
  let last: Placed | null = null;
  for (const cell of model.cells) {
    if (cell.row < 0 || cell.col < 0) throw new ChangeSetError(`cell outside the sheet on ${model.name}`);
    let line = rows.get(cell.row);
    if (!line) rows.set(cell.row, (line = new Map()));
    const before = line.get(cell.col)?.cell;
    const merged = before ? { ...before, ...cell } : cell;
    const s: number = last && sameLook(last.cell, merged) ? last.s : styles.derive(0, merged);
    last = { cell: merged, s };
    line.set(cell.col, last);
  }
  return rows;
}

/**
 * A merge's other cells take the top-left cell's format and lose their value, as when Excel
 * (or exceljs) merges a range — so borders and fills cover the whole merged area. Kept as one
 * span per merge and row, expanded only while the row is written.
 */
function mergeFollowers(model: SheetModel, rows: Map<number, Map<number, Placed>>): Map<number, Followers[]> {
  const byRow = new Map<number, Followers[]>();
  for (const m of model.merges) {
    const s = rows.get(m.top)?.get(m.left)?.s ?? 0;
    for (let row = m.top; row <= m.bottom; row++) {
      let list = byRow.get(row);
      if (!list) byRow.set(row, (list = []));
      list.push({ left: m.left, right: m.right, skip: row === m.top ? m.left : -1, s });
    }
  }
  return byRow;
}

/** One row's <c> elements, model cells and merge followers in column order. */
function rowCells(row: number, line: Map<number, Placed> | undefined, followers: Followers[] | undefined): string {
  const at = new Map<number, { cell: SheetCell | null; s: number }>(line ?? []);
  for (const f of followers ?? []) for (let col = f.left; col <= f.right; col++) if (col !== f.skip) at.set(col, { cell: null, s: f.s });
  let body = '';
  for (const col of [...at.keys()].sort((a, b) => a - b)) body += cellXml(at.get(col)!.cell, row, col, at.get(col)!.s);
  return body;
}

/** The <sheetData> rows as buffers of about 64 KB (a large report never becomes one string). */
function rowsXml(model: SheetModel, styles: StyleBook): Buffer[] {
  const rows = placeCells(model, styles);
  const followers = mergeFollowers(model, rows);
  const heights = model.rowHeights ?? {};
  const numbers = new Set<number>([...rows.keys(), ...followers.keys(), ...Object.keys(heights).map(Number)]);
  const chunks: Buffer[] = [];
  let out = '';
  for (const row of [...numbers].sort((a, b) => a - b)) {
    const body = rowCells(row, rows.get(row), followers.get(row));
    const height = heights[row];
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : '';
    if (body === '' && ht === '') continue;
    out += body === '' ? `<row r="${row + 1}"${ht}/>` : `<row r="${row + 1}"${ht}>${body}</row>`;
    if (out.length > 65_536) {
      chunks.push(Buffer.from(out, 'utf8'));
      out = '';
    }
  }
  chunks.push(Buffer.from(out, 'utf8'));
  return chunks;
}

function colsXml(model: SheetModel): string {
  const cols = Object.entries(model.columnWidths)
    .map(([col, width]) => [Number(col), width] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([col, width]) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`);
  return cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '';
}

function linksXml(model: SheetModel): string {
  const links = model.cells
    // Cells whose link is not a HYPERLINK formula (cellXml): too long for one.
    .filter((c) => c.link && c.formula === undefined && c.value !== undefined && c.value !== null && c.value !== '' && typeof c.value !== 'boolean' && linkFormula(c.value, c.link) === null)
    .map((c) => {
      const { sheet, row, col } = c.link!;
      const location = `${quoteSheet(cleanText(sheet))}!${a1(row, col)}`;
      return `<hyperlink ref="${a1(c.row, c.col)}" location="${escapeAttr(location)}"/>`;
    });
  return links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '';
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

/** The worksheet part of a report sheet. */
export function reportSheetXml(model: SheetModel, styles: StyleBook): Buffer {
  const fit = model.print.fitToWidth;
  const merges = model.merges.map((m) => `<mergeCell ref="${sqrefArea(m)}"/>`);
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${dimension(model)}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(model) +
    '<sheetData>';
  const tail =
    '</sheetData>' +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
    linksXml(model) +
    marginsXml(model) +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${model.print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
    headerFooterXml(model) +
    '</worksheet>';
  return Buffer.concat([Buffer.from(head, 'utf8'), ...rowsXml(model, styles), Buffer.from(tail, 'utf8')]);
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

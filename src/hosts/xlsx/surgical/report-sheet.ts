/**
 * A whole worksheet part written from a SheetModel (the quarterly report): values as inline
 * strings or numbers, formulas without a cached value (the workbook is marked for a full
 * calculation on load), merges, links to cells of the workbook (`location`, no relationship),
 * column widths, row heights, A4 page setup with fit-to-width. Print titles are a defined
 * name of the workbook (workbook.ts).
 */
import { a1 } from '../../../engine/a1';
import { quoteSheet } from '../../../engine/a1';
import type { CellStyle, SheetCell, SheetModel } from '../../../engine/model';
import { ChangeSetError } from '../../change-set-error';
import { valueParts } from './cells';
import type { StyleBook } from './styles';
import { cleanText, escapeAttr, escapeText } from './xml';
import { sqrefArea } from './worksheet-parts';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

function cellXml(cell: SheetCell, styles: StyleBook): string {
  const s = styles.derive(0, cell);
  const ref = a1(cell.row, cell.col);
  const sAttr = s !== 0 ? ` s="${s}"` : '';
  if (cell.formula !== undefined) {
    const formula = escapeText(cleanText(cell.formula.replace(/^=/, '')));
    return `<c r="${ref}"${sAttr}><f>${formula}</f></c>`;
  }
  const value = cell.link ? (cell.value === null || cell.value === undefined ? '' : String(cell.value)) : cell.value;
  if (value === undefined || value === null || value === '') return s !== 0 ? `<c r="${ref}"${sAttr}/>` : '';
  if (typeof value === 'number' && !Number.isFinite(value)) throw new ChangeSetError(`not a number Excel can store: ${value}`);
  const parts = valueParts('', value);
  return `<c r="${ref}"${sAttr}${parts.t ? ` t="${parts.t}"` : ''}>${parts.content}</c>`;
}

/**
 * The cells to write: the model's, with each merge's other cells taking the top-left cell's
 * format and losing their value, as when Excel (or exceljs) merges a range — so borders and
 * fills cover the whole merged area.
 */
function withMergedFormats(model: SheetModel): SheetCell[] {
  if (model.merges.length === 0) return model.cells;
  const at = new Map<string, SheetCell>();
  for (const cell of model.cells) at.set(`${cell.row}:${cell.col}`, { ...at.get(`${cell.row}:${cell.col}`), ...cell });
  for (const m of model.merges) {
    const master = at.get(`${m.top}:${m.left}`);
    const look: CellStyle = {};
    if (master) for (const key of STYLE_KEYS) if (master[key] !== undefined) (look as Record<string, unknown>)[key] = master[key];
    for (let row = m.top; row <= m.bottom; row++) {
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        at.set(`${row}:${col}`, { row, col, ...look });
      }
    }
  }
  return [...at.values()];
}

const STYLE_KEYS: (keyof CellStyle)[] = ['numberFormat', 'bold', 'italic', 'fontSize', 'wrapText', 'fill', 'fontColor', 'horizontalAlignment', 'verticalAlignment', 'border'];

function rowsXml(model: SheetModel, styles: StyleBook): string {
  const byRow = new Map<number, SheetCell[]>();
  for (const cell of withMergedFormats(model)) {
    if (cell.row < 0 || cell.col < 0) throw new ChangeSetError(`cell outside the sheet on ${model.name}`);
    let line = byRow.get(cell.row);
    if (!line) byRow.set(cell.row, (line = []));
    line.push(cell);
  }
  const heights = model.rowHeights ?? {};
  for (const row of Object.keys(heights)) if (!byRow.has(Number(row))) byRow.set(Number(row), []);
  let out = '';
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    // One cell per place: the last one given wins, as when exceljs writes a cell twice.
    const cells = new Map<number, SheetCell>();
    for (const cell of byRow.get(row)!) cells.set(cell.col, { ...cells.get(cell.col), ...cell });
    const body = [...cells.keys()].sort((a, b) => a - b).map((col) => cellXml(cells.get(col)!, styles)).join('');
    const height = heights[row];
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : '';
    if (body === '' && ht === '') continue;
    out += body === '' ? `<row r="${row + 1}"${ht}/>` : `<row r="${row + 1}"${ht}>${body}</row>`;
  }
  return out;
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
    .filter((c) => c.link && c.formula === undefined)
    .map((c) => {
      const { sheet, row, col } = c.link!;
      const location = `${quoteSheet(cleanText(sheet))}!${a1(row, col)}`;
      return `<hyperlink ref="${a1(c.row, c.col)}" location="${escapeAttr(location)}"/>`;
    });
  return links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '';
}

function dimension(model: SheetModel): string {
  if (model.cells.length === 0) return 'A1';
  const rows = model.cells.map((c) => c.row);
  const cols = model.cells.map((c) => c.col);
  return sqrefArea({ top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) });
}

/** The worksheet XML of a report sheet. */
export function reportSheetXml(model: SheetModel, styles: StyleBook): string {
  const fit = model.print.fitToWidth;
  const merges = model.merges.map((m) => `<mergeCell ref="${sqrefArea(m)}"/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${dimension(model)}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(model) +
    `<sheetData>${rowsXml(model, styles)}</sheetData>` +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
    linksXml(model) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${model.print.orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
    '</worksheet>'
  );
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

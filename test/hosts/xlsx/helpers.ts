/** Helpers for the xlsx host tests: snapshots of a user's cells, and a sheet's raw XML. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { promises as fs } from 'fs';
import { parseA1Range } from '../../../src/engine/a1';

export interface CellSnapshot {
  address: string;
  type: number;
  value: string;
  style: string;
  note: string;
}

/**
 * Every cell of a rectangle as exceljs reads it from the file — value (JSON, dates as instants),
 * style (JSON), note — plus the rows' hidden flags, the columns' widths and the merges touching
 * it. Two snapshots are equal only if nothing a user could see changed.
 */
export async function snapshotRange(file: string, sheet: string, address: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const r = parseA1Range(address);
  const cells: CellSnapshot[] = [];
  const rows: { row: number; hidden: boolean; height: number | undefined }[] = [];
  for (let row = r.top + 1; row <= r.bottom + 1; row++) {
    const line = ws.getRow(row);
    rows.push({ row, hidden: line.hidden, height: line.height });
    for (let col = r.left + 1; col <= r.right + 1; col++) {
      const cell = ws.getCell(row, col);
      cells.push({
        address: cell.address,
        type: cell.type,
        value: JSON.stringify(cell.value),
        style: JSON.stringify(cell.style ?? {}),
        note: JSON.stringify(cell.note ?? null),
      });
    }
  }
  const columns: { col: number; width: number | undefined; hidden: boolean }[] = [];
  for (let col = r.left + 1; col <= r.right + 1; col++) {
    const c = ws.getColumn(col);
    columns.push({ col, width: c.width, hidden: c.hidden });
  }
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
  return { cells, rows, columns, merges };
}

/** The parsed XML of a worksheet part, found by sheet name through workbook.xml and its rels. */
export async function sheetXml(file: string, sheetName: string): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['sheet', 'Relationship', 'conditionalFormatting', 'cfRule', 'hyperlink', 'dataValidation', 'definedName'].includes(name) });
  const book = parser.parse(await zip.file('xl/workbook.xml')!.async('string'));
  const rels = parser.parse(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'));
  const sheet = (book.workbook.sheets.sheet as Record<string, string>[]).find((s) => s['@_name'] === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rel = (rels.Relationships.Relationship as Record<string, string>[]).find((x) => x['@_Id'] === sheet['@_r:id'])!;
  const target = rel['@_Target'].replace(/^\/?(xl\/)?/, '');
  return parser.parse(await zip.file(`xl/${target}`)!.async('string')).worksheet;
}

/** The relationships part of a worksheet (for checking that internal links have none). */
export async function sheetRelsText(file: string, sheetIndex1: number): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const part = zip.file(`xl/worksheets/_rels/sheet${sheetIndex1}.xml.rels`);
  return part ? part.async('string') : '';
}

export async function workbookXml(file: string): Promise<Record<string, unknown>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['sheet', 'definedName'].includes(name) });
  return parser.parse(await zip.file('xl/workbook.xml')!.async('string')).workbook;
}

/**
 * Helpers for the surgical writer's tests: what a workbook shows once read back by exceljs
 * (values and formulas, the parts of a format the change sets set, widths, hidden columns,
 * heights, merges, validations,
 * highlight rules, page setup), in a form two workbooks can be compared by; the exceljs
 * executor run on a buffer; and the parts of a zip.
 */
import ExcelJS from 'exceljs';
import { applyChangeSet } from '../../../src/hosts/xlsx/apply';
import { ZipArchive } from '../../../src/hosts/xlsx/zip/archive';
import { ZipWriter } from '../../../src/hosts/xlsx/zip/writer';
import type { ChangeSet } from '../../../src/engine/model';

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The exceljs executor's copy of `input` (the reference semantics). */
export async function exceljsCopy(input: Buffer, changes: ChangeSet[]): Promise<Buffer> {
  const workbook = await loadWorkbook(input);
  for (const change of changes) applyChangeSet(workbook, change);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Json = unknown;

function colour(c: Partial<ExcelJS.Color> | undefined): string | null {
  return c?.argb ?? null;
}

/** The parts of a cell's format a change set can set, with exceljs's defaults made explicit. */
function lookOf(cell: ExcelJS.Cell): Json {
  const s = (cell.style ?? {}) as Partial<ExcelJS.Style>;
  const fill = s.fill && s.fill.type === 'pattern' && s.fill.pattern !== 'none' ? { pattern: s.fill.pattern, fg: colour(s.fill.fgColor) } : null;
  const sides = (['left', 'right', 'top', 'bottom'] as const).map((k) => s.border?.[k]?.style ?? null);
  return {
    bold: !!s.font?.bold,
    italic: !!s.font?.italic,
    size: s.font?.size ?? 11,
    fontColor: colour(s.font?.color),
    fill,
    numFmt: s.numFmt && s.numFmt !== 'General' ? s.numFmt : null,
    horizontal: s.alignment?.horizontal ?? null,
    vertical: s.alignment?.vertical ?? null,
    wrap: !!s.alignment?.wrapText,
    border: sides.some(Boolean) ? sides : null,
  };
}

function valueOf(cell: ExcelJS.Cell): Json {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && 'formula' in (v as object)) return { formula: (v as { formula: string }).formula };
  if (v instanceof Date) return { date: v.toISOString() };
  return v ?? null;
}

const EMPTY_LOOK = JSON.stringify(lookOf({ style: {} } as ExcelJS.Cell));

function sheetFacts(ws: ExcelJS.Worksheet): Json {
  const cells: Record<string, Json> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const value = valueOf(cell);
      const look = lookOf(cell);
      // A cell with nothing in it and the default format is the same as no cell.
      if ((value === null || value === '') && JSON.stringify(look) === EMPTY_LOOK) return;
      cells[cell.address] = { value, look };
    });
  });
  const widths: Record<number, number | undefined> = {};
  const hidden: number[] = [];
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
    if (ws.getColumn(c).width !== undefined) widths[c] = ws.getColumn(c).width;
    if (ws.getColumn(c).hidden) hidden.push(c);
  }
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.height !== undefined) heights[row.number] = row.height;
  });
  const validations = Object.entries((ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }).dataValidations.model)
    .map(([address, v]) => [address, { type: v.type, formulae: v.formulae, errorStyle: v.errorStyle ?? null }] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const rules = ((ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings ?? [])
    .flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, rule: r })))
    .sort((a, b) => Number(a.rule.priority) - Number(b.rule.priority))
    .map(({ ref, rule }) => {
      const style = rule.style as { fill?: { bgColor?: ExcelJS.Color }; font?: { color?: ExcelJS.Color } } | undefined;
      return { ref, type: rule.type, formulae: rule.formulae ?? null, stopIfTrue: !!rule.stopIfTrue, fill: colour(style?.fill?.bgColor), font: colour(style?.font?.color) };
    });
  const p = ws.pageSetup;
  return {
    name: ws.name,
    state: ws.state,
    cells,
    widths,
    hidden,
    heights,
    merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(),
    validations,
    rules,
    page: { paperSize: p.paperSize ?? null, orientation: p.orientation, fitToPage: !!p.fitToPage, fitToWidth: p.fitToPage ? p.fitToWidth : null, fitToHeight: p.fitToPage ? p.fitToHeight : null, printTitlesRow: p.printTitlesRow ?? null },
  };
}

/** Everything a user could see in the workbook that a change set can affect. */
export function workbookFacts(workbook: ExcelJS.Workbook): Json {
  return {
    sheets: workbook.worksheets.map(sheetFacts),
    fullCalcOnLoad: !!(workbook.calcProperties as { fullCalcOnLoad?: boolean } | undefined)?.fullCalcOnLoad,
  };
}

/** Every entry of a zip by name: compressed bytes, method and CRC. */
export function zipParts(bytes: Buffer): Map<string, { raw: Buffer; method: number; crc32: number; size: number }> {
  const archive = new ZipArchive(bytes);
  return new Map(archive.entries.map((e) => [e.name, { raw: archive.raw(e), method: e.method, crc32: e.crc32, size: e.uncompressedSize }]));
}

/** A part's text. */
export function partText(bytes: Buffer, name: string): string {
  const archive = new ZipArchive(bytes);
  const entry = archive.find(name);
  if (!entry) throw new Error(`no part ${name}`);
  return archive.text(entry, 1 << 30);
}

export function hasPart(bytes: Buffer, name: string): boolean {
  return !!new ZipArchive(bytes).find(name);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface MinimalBook {
  /** Worksheet (or chart sheet) XML by sheet name, in tab order. */
  sheets: { name: string; xml: string; chart?: boolean }[];
  /** styles.xml, or none at all. */
  styles?: string | null;
  /** Extra workbook.xml children after <sheets> (definedNames, calcPr…). */
  workbookExtra?: string;
  /** Extra parts, with their workbook relationship type and content type. */
  parts?: { name: string; content: string; relType?: string; contentType?: string }[];
}

/** A hand-made package, as other programs write them (prefixes, missing parts…). */
export function minimalWorkbook(book: MinimalBook): Buffer {
  const writer = new ZipWriter(new Date(2024, 0, 2));
  const overrides: string[] = [];
  const rels: string[] = [];
  const kind = (s: MinimalBook['sheets'][number]) => (s.chart ? 'chartsheet' : 'worksheet');
  const partOf = (s: MinimalBook['sheets'][number], i: number) => `${s.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`;
  book.sheets.forEach((s, i) => {
    overrides.push(`<Override PartName="/xl/${partOf(s, i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind(s)}+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/${kind(s)}" Target="${partOf(s, i)}"/>`);
  });
  if (book.styles !== null) {
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    rels.push(`<Relationship Id="rId100" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  }
  (book.parts ?? []).forEach((p, i) => {
    if (p.contentType) overrides.push(`<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`);
    if (p.relType) rels.push(`<Relationship Id="rId${200 + i}" Type="${p.relType}" Target="${p.name.replace(/^xl\//, '')}"/>`);
  });
  writer.add('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`);
  writer.add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  writer.add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets>${book.workbookExtra ?? ''}</workbook>`);
  writer.add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  book.sheets.forEach((s, i) => writer.add(`xl/${partOf(s, i)}`, s.xml));
  if (book.styles !== null) writer.add('xl/styles.xml', book.styles ?? DEFAULT_STYLES);
  for (const p of book.parts ?? []) writer.add(p.name, p.content);
  return writer.toBuffer();
}

export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>';

/** A worksheet part around the given sheetData rows and trailing elements. */
export function sheetXml(rows: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/**
 * A workbook's TCVN3 and VNI text rewritten as Unicode, in place on the exceljs workbook (the
 * caller writes it as a copy): every legacy-text cell of every sheet gets its Unicode text and
 * the font Times New Roman, which draws Unicode Vietnamese. Rich text keeps its runs (each run
 * is read in its own font: a ".Vn…H" run is capitals). A formula is kept and only its stored
 * result converted, so the copy reads right before Excel computes it again. Sheet names are left
 * alone (formulas refer to them), and so is the add-in's state sheet.
 */
import type ExcelJS from 'exceljs';
import type { LegacyEncoding } from '../../engine/model';
import { decodeTcvn3 } from '../../engine/legacy/tcvn3';
import { decodeVni } from '../../engine/legacy/vni';
import { legacyFontOf } from '../../engine/legacy/detect';
import { readSheetTexts, type LegacyReading } from '../../engine/legacy/sheet';
import { STATE_SHEET_NAME } from '../../engine/settings';

/** The font converted cells take. */
export const UNICODE_FONT = 'Times New Roman';

export interface SheetConversion {
  sheet: string;
  /** Cells rewritten, in all and by the encoding they were in. */
  cells: number;
  byEncoding: Record<LegacyEncoding, number>;
}

interface RichRun {
  text: string;
  font?: Partial<ExcelJS.Font>;
}

/** A cell whose text may be converted, with that text and the font it is drawn in. */
interface Candidate {
  cell: ExcelJS.Cell;
  text: string;
  font: string | null;
  runs: RichRun[] | null;
  /** The text is a formula's stored result. */
  formula: boolean;
}

const MERGE_TYPE = 1;

function fontName(font: Partial<ExcelJS.Font> | undefined): string | null {
  return typeof font?.name === 'string' ? font.name : null;
}

function candidateOf(cell: ExcelJS.Cell): Candidate | null {
  if (cell.type === MERGE_TYPE) return null;
  const v = cell.value as unknown;
  const cellFont = fontName(cell.font);
  const plain = (text: string, formula = false): Candidate | null => (text === '' ? null : { cell, text, font: cellFont, runs: null, formula });
  if (typeof v === 'string') return plain(v);
  if (!v || typeof v !== 'object') return null;
  const o = v as { richText?: RichRun[]; text?: unknown; hyperlink?: unknown; formula?: unknown; sharedFormula?: unknown; result?: unknown };
  if ('formula' in o || 'sharedFormula' in o) return typeof o.result === 'string' ? plain(o.result, true) : null;
  if (Array.isArray(o.richText)) {
    const runs = o.richText.filter((r) => r && typeof r.text === 'string');
    const legacyRun = runs.map((r) => fontName(r.font)).find((n) => legacyFontOf(n));
    return { cell, text: runs.map((r) => r.text).join(''), font: legacyRun ?? cellFont, runs, formula: false };
  }
  if (typeof o.hyperlink === 'string' && typeof o.text === 'string') return plain(o.text);
  return null;
}

/** A run's text in the cell's encoding, read in the run's own font (capitals in a ".Vn…H" font). */
function decodeRun(run: RichRun, encoding: LegacyEncoding, cellFont: string | null): string {
  if (encoding === 'vni') return decodeVni(run.text);
  const font = legacyFontOf(fontName(run.font) ?? cellFont);
  return decodeTcvn3(run.text, { upperFont: font?.upper === true });
}

function rewrite(c: Candidate, reading: LegacyReading): void {
  const { cell } = c;
  const value = cell.value as unknown;
  if (c.runs) {
    const runs = c.runs.map((run) => ({ ...run, text: decodeRun(run, reading.encoding, fontName(cell.font)), font: { ...(run.font ?? {}), name: UNICODE_FONT } }));
    cell.value = { richText: runs } as ExcelJS.CellRichTextValue;
  } else if (typeof value === 'string') {
    cell.value = reading.text;
  } else if (c.formula) {
    cell.value = { ...(value as ExcelJS.CellFormulaValue), result: reading.text } as ExcelJS.CellValue;
  } else {
    cell.value = { ...(value as ExcelJS.CellHyperlinkValue), text: reading.text };
  }
  // exceljs shares one style object between the cells of a style: replace it, never mutate it.
  cell.style = { ...cell.style, font: { ...(cell.style.font ?? {}), name: UNICODE_FONT } };
}

export function convertSheetToUnicode(worksheet: ExcelJS.Worksheet): SheetConversion {
  const candidates: Candidate[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const c = candidateOf(cell);
      if (c) candidates.push(c);
    });
  });
  const readings = readSheetTexts(candidates.map((c) => ({ text: c.text, font: c.font })));
  const result: SheetConversion = { sheet: worksheet.name, cells: 0, byEncoding: { tcvn3: 0, vni: 0 } };
  readings.forEach((reading, i) => {
    if (!reading) return;
    rewrite(candidates[i], reading);
    result.cells++;
    result.byEncoding[reading.encoding]++;
  });
  return result;
}

/** Every sheet but the add-in's state sheet, in tab order. */
export function convertWorkbookToUnicode(workbook: ExcelJS.Workbook): SheetConversion[] {
  return workbook.worksheets.filter((ws) => ws.name !== STATE_SHEET_NAME).map(convertSheetToUnicode);
}

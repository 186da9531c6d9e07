/**
 * "Chuyển sang Unicode" inside Excel: the open sheet's TCVN3 and VNI text cells rewritten as
 * Unicode, their font switched to Times New Roman. This changes the user's own cells (the pane
 * asks first); nothing else is touched: formulas, Unicode cells and every other format stay.
 *
 * Syncs, whatever the row count while the sheet fits the 4.5 MB budget:
 *   1–2  the sheet's values (read.ts);
 *   3    formulas and font names of the rows that hold candidate text (Latin-1 letters, no
 *        Unicode Vietnamese), in row blocks packed by the budget;
 *   4    the converted values and fonts (apply.ts packs them by the budget).
 * A sheet with no candidate text stops after the read.
 */
import type { CellInput, LegacyEncoding } from '../../engine/model';
import { mayBeLegacy } from '../../engine/legacy/detect';
import { readSheetTexts } from '../../engine/legacy/sheet';
import { a1Range } from '../../engine/a1';
import { executePlan } from './apply';
import { OP_OVERHEAD_BYTES, jsonBytes, packGroups, rowBlocks, textMask } from './payload';
import type { PlannedOp } from './plan';
import { readActiveSheet } from './read';

/** The font converted cells take (as the command line's copy). */
export const UNICODE_FONT = 'Times New Roman';

/** Bytes a cell's formula and font name take in the response, besides the formula text. */
const PROPERTY_BYTES_PER_CELL = 48;

export interface SheetConversionResult {
  sheetName: string;
  /** Cells rewritten, in all and by the encoding they were in. */
  cells: number;
  byEncoding: Record<LegacyEncoding, number>;
  /** The sheet is protected: nothing was written. */
  sheetProtected: boolean;
  readSyncs: number;
  writeSyncs: number;
}

interface Candidate {
  /** Sheet coordinates. */
  row: number;
  col: number;
  text: string;
}

/** Formulas and font names of the candidates' rows, read in row blocks in as few syncs as the
 * budget allows. */
async function readFormulasAndFonts(ctx: Excel.RequestContext, sheet: Excel.Worksheet, candidates: Candidate[], budget: number) {
  // Candidates come in row order; columns vary.
  const top = candidates[0].row;
  const bottom = candidates[candidates.length - 1].row;
  const left = candidates.reduce((m, c) => Math.min(m, c.col), Infinity);
  const right = candidates.reduce((m, c) => Math.max(m, c.col), -Infinity);
  const width = right - left + 1;
  const textBytes = new Array<number>(bottom - top + 1).fill(width * PROPERTY_BYTES_PER_CELL);
  for (const c of candidates) textBytes[c.row - top] += 2 * jsonBytes(c.text);
  const blocks = rowBlocks(textBytes, budget).map((b) => ({ ...b, start: top + b.start, end: top + b.end }));
  const formula = new Map<number, unknown[]>();
  const font = new Map<number, { format?: { font?: { name?: string } } }[]>();
  let syncs = 0;
  for (const group of packGroups(blocks, budget)) {
    const queued = group.map((b) => {
      const range = sheet.getRangeByIndexes(b.start, left, b.end - b.start, width);
      range.load('formulas');
      return { b, range, props: range.getCellProperties({ format: { font: { name: true } } }) };
    });
    syncs++;
    await ctx.sync();
    for (const { b, range, props } of queued) {
      range.formulas.forEach((line, i) => formula.set(b.start + i, line));
      props.value.forEach((line, i) => font.set(b.start + i, line));
    }
  }
  return {
    syncs,
    isFormula: (c: Candidate) => {
      const f = formula.get(c.row)?.[c.col - left];
      return typeof f === 'string' && f.startsWith('=');
    },
    fontOf: (c: Candidate) => font.get(c.row)?.[c.col - left]?.format?.font?.name ?? null,
  };
}

/** One write per run of adjacent converted cells in a row: the values (Text format first where
 * Excel would not keep the text as typed) and the font name. */
function writeOps(sheetName: string, cells: { row: number; col: number; text: string }[]): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const sorted = cells.slice().sort((a, b) => a.row - b.row || a.col - b.col);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].row === sorted[i].row && sorted[j].col === sorted[j - 1].col + 1) j++;
    const run = sorted.slice(i, j);
    const values: CellInput[][] = [run.map((c) => c.text)];
    const mask = textMask(values);
    const address = a1Range({ top: run[0].row, left: run[0].col, bottom: run[0].row, right: run[run.length - 1].col });
    ops.push({
      label: `legacy text ${address}`,
      bytes: jsonBytes(values) + 3 * OP_OVERHEAD_BYTES,
      queue: ({ sheet }) => {
        const range = sheet(sheetName).getRange(address);
        if (mask) range.numberFormat = mask;
        range.values = values as string[][];
        range.format.font.name = UNICODE_FONT;
      },
    });
    i = j;
  }
  return ops;
}

/** Convert the active sheet's legacy text; all within one Excel.run batch context. */
export async function convertActiveSheet(ctx: Excel.RequestContext, budget: number): Promise<SheetConversionResult> {
  const read = await readActiveSheet(ctx, { withConditionalFormats: false, budgetBytes: budget });
  const result: SheetConversionResult = { sheetName: read.sheetName, cells: 0, byEncoding: { tcvn3: 0, vni: 0 }, sheetProtected: read.sheetProtected, readSyncs: read.syncs, writeSyncs: 0 };
  const { values, origin } = read.grid;
  const candidates: Candidate[] = [];
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (typeof v === 'string' && v !== '' && mayBeLegacy(v)) candidates.push({ row: origin.row + r, col: origin.col + c, text: v });
    }),
  );
  if (candidates.length === 0 || read.sheetProtected) return result;

  const sheet = ctx.workbook.worksheets.getItem(read.sheetName);
  const props = await readFormulasAndFonts(ctx, sheet, candidates, budget);
  result.readSyncs += props.syncs;
  // Formulas take part in judging the sheet but are never overwritten.
  const readings = readSheetTexts(candidates.map((c) => ({ text: c.text, font: props.fontOf(c) })));
  const converted: { row: number; col: number; text: string }[] = [];
  readings.forEach((reading, i) => {
    const c = candidates[i];
    if (!reading || props.isFormula(c)) return;
    converted.push({ row: c.row, col: c.col, text: reading.text });
    result.cells++;
    result.byEncoding[reading.encoding]++;
  });
  if (converted.length === 0) return result;
  const report = await executePlan(ctx, writeOps(read.sheetName, converted), budget);
  result.writeSyncs = report.syncs;
  return result;
}


/**
 * "Chuyển sang Unicode" inside Excel: every TCVN3 and VNI text cell of every sheet of the open
 * workbook rewritten as Unicode, its font switched to Times New Roman — as `cchc-plan convert`
 * does to a copy. This changes the user's own cells (the pane asks first); nothing else is
 * touched: formulas, Unicode cells, every other format, sheet names, the add-in's state sheet.
 * Protected sheets are skipped and named.
 *
 * Syncs, whatever the number of rows and sheets while the workbook fits the 4.5 MB budget:
 *   1  the sheets, their protection and used ranges;
 *   2  the values, formulas and font names (Range.getCellProperties) of every used range, in
 *      row blocks packed by the budget (a block Excel still refuses is halved and read again);
 *   3  the converted values and fonts (apply.ts packs them by the budget).
 * A workbook with nothing to convert stops after the reads.
 */
import type { CellInput, LegacyEncoding } from '../../engine/model';
import { mayBeLegacy } from '../../engine/legacy/detect';
import { readSheetTexts } from '../../engine/legacy/sheet';
import { STATE_SHEET_NAME } from '../../engine/settings';
import { sameSheetName } from '../../engine/text';
import { a1Range } from '../../engine/a1';
import { executePlan } from './apply';
import { MAX_CELLS_PER_READ, OP_OVERHEAD_BYTES, jsonBytes, packGroups, rowBlocks, textMask } from './payload';
import type { PlannedOp } from './plan';
import { isPayloadError } from './read';

/** The font converted cells take (as the command line's copy). */
export const UNICODE_FONT = 'Times New Roman';

/** Bytes one cell's value, formula and font name are taken to weigh in a response; a block
 * that weighs more is halved and read again. */
const BYTES_PER_CELL = 160;

export interface SheetConversion {
  sheet: string;
  /** Cells rewritten, in all and by the encoding they were in. */
  cells: number;
  byEncoding: Record<LegacyEncoding, number>;
}

export interface WorkbookConversion {
  /** Every sheet looked at, in tab order (protected ones left out). */
  sheets: SheetConversion[];
  /** Sheets skipped because they are protected. */
  protectedSheets: string[];
  readSyncs: number;
  writeSyncs: number;
}

interface SheetShape {
  name: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Block {
  sheet: SheetShape;
  /** Rows [start, end) of the used range. */
  start: number;
  end: number;
  bytes: number;
}

interface BlockData {
  values: unknown[][];
  formulas: unknown[][];
  fonts: { format?: { font?: { name?: string } } }[][];
}

/** Sync 1: the sheets to convert, with their used ranges; the protected ones apart. */
async function sheetShapes(ctx: Excel.RequestContext): Promise<{ shapes: SheetShape[]; protectedSheets: string[] }> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const queued = sheets.items
    .filter((ws) => !sameSheetName(ws.name, STATE_SHEET_NAME))
    .map((ws) => ({
      name: ws.name,
      protection: ws.protection.load('protected'),
      used: ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
    }));
  await ctx.sync();
  const shapes: SheetShape[] = [];
  const protectedSheets: string[] = [];
  for (const q of queued) {
    if (q.used.isNullObject) continue;
    if (q.protection.protected) protectedSheets.push(q.name);
    else shapes.push({ name: q.name, top: q.used.rowIndex, left: q.used.columnIndex, rows: q.used.rowCount, cols: q.used.columnCount });
  }
  return { shapes, protectedSheets };
}

/** Values, formulas and fonts of every block; one sync per group of blocks within the budget,
 * halving a group Excel refuses as too large. */
async function readBlocks(ctx: Excel.RequestContext, shapes: SheetShape[], budget: number): Promise<{ data: Map<Block, BlockData>; syncs: number }> {
  const blocks: Block[] = shapes.flatMap((sheet) =>
    rowBlocks(new Array<number>(sheet.rows).fill(sheet.cols * BYTES_PER_CELL), budget, Math.max(1, Math.floor(MAX_CELLS_PER_READ / sheet.cols))).map((b) => ({ sheet, ...b })),
  );
  const data = new Map<Block, BlockData>();
  let syncs = 0;
  const readGroup = async (group: Block[]): Promise<void> => {
    const queued = group.map((b) => {
      const range = ctx.workbook.worksheets.getItem(b.sheet.name).getRangeByIndexes(b.sheet.top + b.start, b.sheet.left, b.end - b.start, b.sheet.cols);
      range.load('values,formulas');
      return { b, range, fonts: range.getCellProperties({ format: { font: { name: true } } }) };
    });
    syncs++;
    try {
      await ctx.sync();
    } catch (e) {
      const halves = group.flatMap((b) => {
        if (b.end - b.start < 2) return [b];
        const mid = b.start + Math.floor((b.end - b.start) / 2);
        return [{ ...b, end: mid }, { ...b, start: mid }];
      });
      if (!isPayloadError(e) || halves.length === group.length) throw e;
      for (const h of halves) await readGroup([h]);
      return;
    }
    for (const q of queued) data.set(q.b, { values: q.range.values, formulas: q.range.formulas, fonts: q.fonts.value });
  };
  for (const group of packGroups(blocks, budget)) await readGroup(group);
  return { data, syncs };
}

interface Converted {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** The cells of one sheet to rewrite, judged together (formulas take part, never rewritten). */
function convertSheet(sheet: SheetShape, blocks: [Block, BlockData][]): { result: SheetConversion; cells: Converted[] } {
  const candidates: { row: number; col: number; text: string; font: string | null; formula: boolean }[] = [];
  for (const [b, d] of blocks) {
    d.values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (typeof v !== 'string' || v === '' || !mayBeLegacy(v)) return;
        const f = d.formulas[i]?.[j];
        candidates.push({
          row: b.sheet.top + b.start + i,
          col: b.sheet.left + j,
          text: v,
          font: d.fonts[i]?.[j]?.format?.font?.name ?? null,
          formula: typeof f === 'string' && f.startsWith('='),
        });
      }),
    );
  }
  const result: SheetConversion = { sheet: sheet.name, cells: 0, byEncoding: { tcvn3: 0, vni: 0 } };
  const cells: Converted[] = [];
  readSheetTexts(candidates).forEach((reading, i) => {
    const c = candidates[i];
    if (!reading || c.formula) return;
    cells.push({ sheet: sheet.name, row: c.row, col: c.col, text: reading.text });
    result.cells++;
    result.byEncoding[reading.encoding]++;
  });
  return { result, cells };
}

/** One write per run of adjacent converted cells in a row: the values (Text format first where
 * Excel would not keep the text as typed) and the font name. */
function writeOps(cells: Converted[]): PlannedOp[] {
  const ops: PlannedOp[] = [];
  for (let i = 0; i < cells.length; ) {
    let j = i + 1;
    while (j < cells.length && cells[j].sheet === cells[i].sheet && cells[j].row === cells[i].row && cells[j].col === cells[j - 1].col + 1) j++;
    const run = cells.slice(i, j);
    const values: CellInput[][] = [run.map((c) => c.text)];
    const mask = textMask(values);
    const sheetName = run[0].sheet;
    const address = a1Range({ top: run[0].row, left: run[0].col, bottom: run[0].row, right: run[run.length - 1].col });
    ops.push({
      label: `legacy text ${sheetName}!${address}`,
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

/** Convert the open workbook's legacy text; all within one Excel.run batch context. */
export async function convertWorkbook(ctx: Excel.RequestContext, budget: number): Promise<WorkbookConversion> {
  const { shapes, protectedSheets } = await sheetShapes(ctx);
  const { data, syncs } = await readBlocks(ctx, shapes, budget);
  const outcome: WorkbookConversion = { sheets: [], protectedSheets, readSyncs: 2 + syncs, writeSyncs: 0 };
  const all: Converted[] = [];
  for (const sheet of shapes) {
    const blocks = [...data].filter(([b]) => b.sheet === sheet).sort((a, b) => a[0].start - b[0].start);
    const { result, cells } = convertSheet(sheet, blocks);
    outcome.sheets.push(result);
    all.push(...cells);
  }
  if (all.length === 0) return outcome;
  outcome.writeSyncs = (await executePlan(ctx, writeOps(all), budget)).syncs;
  return outcome;
}

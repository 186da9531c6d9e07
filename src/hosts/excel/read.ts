/**
 * Reading the active sheet into a Grid, with a fixed number of syncs whatever the row count.
 *
 * Sync 1 — everything small, plus the first rows: the sheet's name and protection, the used
 *   range's shape and rowHidden flag, the merged areas (ExcelApi 1.13), the visible cells as
 *   areas (hidden rows are the rows no area covers; one call, no per-row proxies), the workbook's
 *   date system (DATE(2000,1,1) is 36526 in the 1900 system, 35064 in 1904), the sheet list, the
 *   workbook's structure protection, the sheet's conditional formats (ids and types) when the
 *   caller will write, and the values of the first SAMPLE_ROWS rows.
 * Sync 2 — the stored state (cell A1 of the very hidden state sheet, if it exists), the formulas
 *   of the custom conditional formats, and the remaining rows in blocks sized from the bytes per
 *   row measured on the first rows: every block that fits the response budget rides in this
 *   sync; only a sheet whose values exceed the budget needs more (one sync per budget's worth).
 *
 * A block Excel still refuses as too large is split in two and read again (pathological rows of
 * 32,767-character cells); nothing here loops over rows with a sync.
 */
import { parseA1Areas } from '../../engine/a1';
import type { CellValue, Grid } from '../../engine/model';
import { sameSheetName } from '../../engine/text';
import { STATE_SHEET_NAME, parseWorkbookState, type WorkbookState } from '../../engine/settings';
import { DEFAULT_BUDGET_BYTES, MAX_CELLS_PER_READ, jsonBytes, rowBlocks } from './payload';

/** Rows read with the metadata in the first sync; most plans (60–300 rows) end there. */
export const SAMPLE_ROWS = 500;
/** Bytes per cell assumed when no row could be sampled. */
const DEFAULT_CELL_BYTES = 64;
/** The sampled bytes per row are multiplied by this before planning blocks. */
const ESTIMATE_SAFETY = 1.2;

export interface ExistingFormat {
  /** Excel's id; deleting goes through the proxy. */
  id: string;
  formula: string;
  proxy: Excel.ConditionalFormat;
}

export interface SheetRead {
  sheetName: string;
  sheetProtected: boolean;
  workbookProtected: boolean;
  grid: Grid;
  /** Every sheet of the workbook, in tab order. */
  sheets: { name: string; visibility: string; position: number }[];
  state: WorkbookState;
  stateProblem: string | null;
  /** Custom conditional formats on the sheet (only when read with conditional formats). */
  customFormats: ExistingFormat[];
  /** Number of syncs the read took. */
  syncs: number;
}

export interface ReadOptions {
  withConditionalFormats: boolean;
  budgetBytes?: number;
  sampleRows?: number;
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** The grid's rows from Excel's values ("" for empty cells, as Excel gives them). */
function asGridRows(values: unknown[][]): CellValue[][] {
  return values as CellValue[][];
}

export async function readActiveSheet(ctx: Excel.RequestContext, options: ReadOptions): Promise<SheetRead> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  let sampleRows = options.sampleRows ?? SAMPLE_ROWS;
  let syncs = 0;

  // ---- sync 1 -------------------------------------------------------------------------------
  const attempt = async () => {
    const wb = ctx.workbook;
    const sheet = wb.worksheets.getActiveWorksheet();
    sheet.load('name');
    const protection = sheet.protection.load('protected');
    const wbProtection = wb.protection.load('protected');
    const used = sheet.getUsedRange(true);
    used.load('address,rowIndex,columnIndex,rowCount,columnCount,rowHidden');
    const head = used.getIntersectionOrNullObject(sheet.getRange(`1:${sampleRows}`));
    head.load('values,rowIndex,rowCount');
    const merged = used.getMergedAreasOrNullObject();
    merged.load('address');
    const visible = used.getSpecialCellsOrNullObject('Visible');
    visible.load('address');
    const epoch = wb.functions.date(2000, 1, 1);
    epoch.load('value');
    const sheets = wb.worksheets;
    sheets.load('items/name,items/visibility,items/position');
    const formats = options.withConditionalFormats ? sheet.getRange().conditionalFormats.load('items/id,items/type') : null;
    syncs++;
    await ctx.sync();
    return { sheet, protection, wbProtection, used, head, merged, visible, epoch, sheets, formats };
  };
  let first: Awaited<ReturnType<typeof attempt>>;
  try {
    first = await attempt();
  } catch (e) {
    // The first rows alone were too big (rows of very long text): sample far fewer and retry.
    if (!isPayloadError(e) || sampleRows <= 20) throw e;
    sampleRows = 20;
    first = await attempt();
  }
  const { sheet, protection, wbProtection, used, head, merged, visible, epoch, sheets, formats } = first;

  const top = used.rowIndex;
  const left = used.columnIndex;
  const rowCount = used.rowCount;
  const columnCount = used.columnCount;
  const sheetName = sheet.name;

  const rows: CellValue[][] = [];
  let sampleBytes = 0;
  if (!head.isNullObject && head.rowIndex === top) {
    const values = head.values;
    for (const r of values) rows.push(...asGridRows([r]));
    sampleBytes = jsonBytes(values);
  }

  // ---- sync 2 -------------------------------------------------------------------------------
  const sheetList = sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as string, position: s.position }));
  const stateSheet = sheetList.find((s) => sameSheetName(s.name, STATE_SHEET_NAME));
  // The state cell and the custom formats' formulas: small, queued with the first block group.
  const custom = (formats?.items ?? []).filter((f) => f.type === 'Custom');
  const queueSmall = () => ({
    stateCell: stateSheet ? ctx.workbook.worksheets.getItem(stateSheet.name).getRange('A1').load('values') : null,
    rules: custom.map((f) => ({ proxy: f, rule: f.custom.rule.load('formula') })),
  });

  const remainingStart = rows.length;
  const remaining = rowCount - remainingStart;
  const perRowBytes =
    remainingStart > 0 ? Math.max(sampleBytes / remainingStart, columnCount * 4) : columnCount * DEFAULT_CELL_BYTES;
  const estimate = Math.ceil(perRowBytes * ESTIMATE_SAFETY);
  const maxRowsPerRead = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, columnCount)));
  // Blocks of at most one budget each (and 5 million cells); consecutive blocks are then grouped
  // by the same budget, one sync per group.
  const blocks = rowBlocks(new Array<number>(Math.max(0, remaining)).fill(estimate), budget, maxRowsPerRead);
  const groups: { start: number; end: number }[][] = [];
  let current: { start: number; end: number }[] = [];
  let currentBytes = 0;
  for (const b of blocks) {
    if (current.length > 0 && currentBytes + b.bytes > budget) {
      groups.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push({ start: remainingStart + b.start, end: remainingStart + b.end });
    currentBytes += b.bytes;
  }
  if (current.length > 0) groups.push(current);

  const blockValues = new Map<number, unknown[][]>();
  const queueBlock = (b: { start: number; end: number }) => ({
    b,
    range: sheet.getRangeByIndexes(top + b.start, left, b.end - b.start, columnCount).load('values'),
  });
  const readGroup = async (group: { start: number; end: number }[]): Promise<void> => {
    const queued = group.map(queueBlock);
    syncs++;
    try {
      await ctx.sync();
    } catch (e) {
      // Our estimate was low for these rows: halve every block and read the halves again.
      const halves = group.flatMap((b) => {
        if (b.end - b.start < 2) return [b];
        const mid = b.start + Math.floor((b.end - b.start) / 2);
        return [{ start: b.start, end: mid }, { start: mid, end: b.end }];
      });
      if (!isPayloadError(e) || halves.length === group.length) throw e;
      for (const h of halves) await readGroup([h]);
      return;
    }
    for (const q of queued) blockValues.set(q.b.start, q.range.values);
  };

  const firstGroup = groups.shift() ?? [];
  let small = queueSmall();
  const queuedFirst = firstGroup.map(queueBlock);
  syncs++;
  try {
    await ctx.sync();
    for (const q of queuedFirst) blockValues.set(q.b.start, q.range.values);
  } catch (e) {
    if (!isPayloadError(e) || firstGroup.length === 0) throw e;
    // Refused as too large after all: the small things alone, then the blocks, halving as needed.
    small = queueSmall();
    syncs++;
    await ctx.sync();
    await readGroup(firstGroup);
  }
  for (const g of groups) await readGroup(g);
  for (const start of [...blockValues.keys()].sort((a, b) => a - b)) rows.push(...asGridRows(blockValues.get(start)!));

  // ---- assemble -----------------------------------------------------------------------------
  const merges = merged.isNullObject ? [] : parseA1Areas(merged.address);
  let hiddenRows: number[] = [];
  const rowHidden = used.rowHidden;
  if (rowHidden === true) {
    hiddenRows = Array.from({ length: rowCount }, (_, i) => top + i);
  } else if (rowHidden !== false && !visible.isNullObject) {
    const shown = new Set<number>();
    for (const a of parseA1Areas(visible.address)) for (let r = a.top; r <= a.bottom; r++) shown.add(r);
    for (let r = top; r < top + rowCount; r++) if (!shown.has(r)) hiddenRows.push(r);
  }
  const date1904 = typeof epoch.value === 'number' && epoch.value < 36_000;

  const stateJson = small.stateCell ? small.stateCell.values?.[0]?.[0] : null;
  const { state, problem } = parseWorkbookState(typeof stateJson === 'string' ? stateJson : null);

  const customFormats: ExistingFormat[] = small.rules.map(({ proxy, rule }) => ({ id: proxy.id, formula: rule.formula, proxy }));

  const isBlankA1 = rowCount === 1 && columnCount === 1 && rows.length === 1 && (rows[0][0] === '' || rows[0][0] === null);
  const grid: Grid = {
    sheetName,
    values: isBlankA1 ? [] : rows,
    origin: { row: top, col: left },
    merges,
    hiddenRows,
    date1904,
  };
  return {
    sheetName,
    sheetProtected: protection.protected,
    workbookProtected: wbProtection.protected,
    grid,
    sheets: sheetList,
    state,
    stateProblem: problem,
    customFormats,
    syncs,
  };
}

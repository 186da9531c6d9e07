/**
 * Reading the active sheet into a Grid, with a fixed number of syncs whatever the row count.
 *
 * Sync 1 — everything small, plus the first rows: the sheet's name and protection, the used
 *   range's shape and rowHidden flag, the visible cells as areas (hidden rows are the rows no
 *   area covers; one call, no per-row proxies), the workbook's date system (DATE(2000,1,1) is
 *   36526 in the 1900 system, 35064 in 1904), the sheet list, the workbook's structure
 *   protection, the sheet's conditional formats (ids and types) and its own names when the
 *   caller will write, and
 *   the values of the first SAMPLE_ROWS rows.
 * Sync 2 — the stored state (cell A1 of the very hidden state sheet, if it exists), the formulas
 *   of the custom conditional formats, and the rows in bands sized from the bytes per row
 *   measured on the first rows (read-rows.ts): the remaining values and every row's merged
 *   areas, asked for in blocks that cannot exceed Excel's 512 merged areas per call; the columns'
 *   hidden flags, widths and data validation (columns-read.ts), and, for a check that will write,
 *   every row's height with its band (read-rows.ts). Every band
 *   that fits the response budget rides in this sync; only a sheet whose values exceed the
 *   budget needs more (one sync per budget's worth).
 *
 * Nothing here loops over rows with a sync.
 */
import { parseA1Areas } from '../../engine/a1';
import type { CellValue, Grid } from '../../engine/model';
import { sameSheetName } from '../../engine/text';
import { STATE_SHEET_NAME, parseWorkbookState, type WorkbookState } from '../../engine/settings';
import { DEFAULT_BUDGET_BYTES, jsonBytes } from './payload';
import { HEIGHT_BYTES_PER_ROW, isPayloadError, readRows } from './read-rows';
import { pageSetupOf, queueFonts, queuePageLayout, type FontSample } from './page-read';
import { columnFactsOf, queueColumns, type ColumnLoads } from './columns-read';

export { isPayloadError, isCellEditError } from './read-rows';

/** Rows read with the metadata in the first sync; most plans (60–300 rows) end there. */
export const SAMPLE_ROWS = 500;
/** Bytes per cell assumed when no row could be sampled. */
const DEFAULT_CELL_BYTES = 64;
/** The share of the budget the first sync's row heights may take (~40,000 rows at 4.5 MB). */
const HEIGHTS_FIRST_SHARE = 0.3;
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
  /** Names scoped to the sheet (only when read with conditional formats, i.e. for writing):
   * a name the change set defines again is deleted first, as add() refuses an existing one. */
  sheetNames: string[];
  /** The fonts of the first rows (when read for writing): the block takes the table's font
   * from them without a sync of its own (font-like.ts). */
  fonts?: FontSample;
  /** Number of syncs the read took. */
  syncs: number;
}

export interface ReadOptions {
  withConditionalFormats: boolean;
  budgetBytes?: number;
  sampleRows?: number;
}

/** The first sync: everything small and the first rows (see the top of this file). */
async function readFirst(ctx: Excel.RequestContext, sampleRows: number, withFormats: boolean, heightRows: number) {
  const wb = ctx.workbook;
  const sheet = wb.worksheets.getActiveWorksheet();
  // standardHeight (ExcelApi 1.7): rows of another height have one of their own.
  sheet.load(withFormats ? 'name,standardHeight' : 'name');
  const protection = sheet.protection.load('protected');
  const wbProtection = wb.protection.load('protected');
  const used = sheet.getUsedRange(true);
  used.load('address,rowIndex,columnIndex,rowCount,columnCount,rowHidden');
  const head = used.getIntersectionOrNullObject(sheet.getRange(`1:${sampleRows}`));
  head.load('values,rowIndex,rowCount');
  const visible = used.getSpecialCellsOrNullObject('Visible');
  visible.load('address');
  const epoch = wb.functions.date(2000, 1, 1);
  epoch.load('value');
  const sheets = wb.worksheets;
  sheets.load('items/name,items/visibility,items/position');
  const formats = withFormats ? sheet.getRange().conditionalFormats.load('items/id,items/type') : null;
  const names = withFormats ? sheet.names.load('items/name') : null;
  // How the sheet prints, when the check will extend its printout (page-read.ts).
  const page = withFormats ? queuePageLayout(sheet) : null;
  // The heights of the sheet's first rows through the used range's last, at most heightRows
  // (Range.getRowProperties, ExcelApi 1.9: one item per row, no proxy per row): ~30 bytes a row,
  // so they ride here within a share of the budget; rows past them come with the bands
  // (read-rows.ts). The range is column A from row 1 to the used range's bottom
  // (Range.getBoundingRect with A1, ExcelApi 1.1), cut at heightRows: never a null object.
  const heights = heightRows > 0 ? sheet.getRange(`A1:A${heightRows}`).getIntersection(used.getBoundingRect('A1')).getRowProperties({ format: { rowHeight: true } }) : null;
  await ctx.sync();
  return { sheet, protection, wbProtection, used, head, visible, epoch, sheets, formats, names, page, heights };
}

/** Rows no visible area covers. */
function hiddenRowsOf(rowHidden: boolean | null, visible: Excel.RangeAreas, top: number, rowCount: number): number[] {
  if (rowHidden === true) return Array.from({ length: rowCount }, (_, i) => top + i);
  if (rowHidden === false || visible.isNullObject) return [];
  const shown = new Set<number>();
  for (const a of parseA1Areas(visible.address)) for (let r = a.top; r <= a.bottom; r++) shown.add(r);
  const hidden: number[] = [];
  for (let r = top; r < top + rowCount; r++) if (!shown.has(r)) hidden.push(r);
  return hidden;
}

/** Rows whose height is not the sheet's standard one, by sheet row: the rows the user sized, or
 * that Excel fitted to their text (the API does not tell them apart; both are heights the block
 * must not make too low). Hidden rows are left out: they show no text to make room for. */
function ownHeights(heights: ReadonlyMap<number, number>, top: number, rowCount: number, standard: number, hidden: ReadonlySet<number>): Record<number, number> {
  const out: Record<number, number> = {};
  for (let row = top; row < top + rowCount; row++) {
    const h = heights.get(row);
    if (h !== undefined && !hidden.has(row) && h > 0 && Math.abs(h - standard) > 0.01) out[row] = h;
  }
  return out;
}

export async function readActiveSheet(ctx: Excel.RequestContext, options: ReadOptions): Promise<SheetRead> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  let sampleRows = options.sampleRows ?? SAMPLE_ROWS;
  let syncs = 1;
  // Row heights are read for a check that will write (the block may grow rows).
  let heightRows = options.withConditionalFormats ? Math.max(1, Math.floor((budget * HEIGHTS_FIRST_SHARE) / HEIGHT_BYTES_PER_ROW)) : 0;
  let first: Awaited<ReturnType<typeof readFirst>>;
  try {
    first = await readFirst(ctx, sampleRows, options.withConditionalFormats, heightRows);
  } catch (e) {
    // The first rows alone were too big (rows of very long text): sample far fewer, read the
    // heights with the bands, and retry.
    if (!isPayloadError(e) || (sampleRows <= 20 && heightRows === 0)) throw e;
    sampleRows = Math.min(sampleRows, 20);
    heightRows = 0;
    syncs++;
    first = await readFirst(ctx, sampleRows, options.withConditionalFormats, heightRows);
  }
  const { sheet, protection, wbProtection, used, head, visible, epoch, sheets, formats, names, page } = first;
  const top = used.rowIndex;
  const left = used.columnIndex;
  const rowCount = used.rowCount;
  const columnCount = used.columnCount;
  const sheetName = sheet.name;

  const rows: CellValue[][] = [];
  let sampleBytes = 0;
  if (!head.isNullObject && head.rowIndex === top) {
    rows.push(...(head.values as CellValue[][]));
    sampleBytes = jsonBytes(head.values);
  }

  // ---- sync 2 and on ------------------------------------------------------------------------
  const sheetList = sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as string, position: s.position }));
  const stateSheet = sheetList.find((s) => sameSheetName(s.name, STATE_SHEET_NAME));
  const custom = (formats?.items ?? []).filter((f) => f.type === 'Custom');
  // The state cell and the custom formats' formulas: small, queued with the first band.
  let small: {
    stateCell: Excel.Range | null;
    rules: { proxy: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[];
    columns: ColumnLoads | null;
    fonts: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  } = { stateCell: null, rules: [], columns: null, fonts: null };
  const queueSmall = () => {
    small = {
      stateCell: stateSheet ? ctx.workbook.worksheets.getItem(stateSheet.name).getRange('A1').load('values') : null,
      rules: custom.map((f) => ({ proxy: f, rule: f.custom.rule.load('formula') })),
      columns: queueColumns(sheet, top, rowCount, left + columnCount - 1),
      fonts: page ? queueFonts(sheet, top, left, rowCount, columnCount) : null,
    };
  };
  const sampled = rows.length;
  const perRowBytes = sampled > 0 ? Math.max(sampleBytes / sampled, columnCount * 4) : columnCount * DEFAULT_CELL_BYTES;
  const rest = await readRows(
    ctx,
    { sheet, top, left, rowCount, columnCount, sampledRows: sampled, valueBytesPerRow: Math.ceil(perRowBytes * ESTIMATE_SAFETY), budgetBytes: budget, ...(page ? { heightsFrom: Math.max(0, heightRows - top) } : {}) },
    queueSmall,
  );
  syncs += rest.syncs;
  rows.push(...rest.rows);

  // ---- assemble -----------------------------------------------------------------------------
  const stateJson = small.stateCell ? small.stateCell.values?.[0]?.[0] : null;
  const { state, problem } = parseWorkbookState(typeof stateJson === 'string' ? stateJson : null);
  const customFormats: ExistingFormat[] = small.rules.map(({ proxy, rule }) => ({ id: proxy.id, formula: rule.formula, proxy }));
  const isBlankA1 = rowCount === 1 && columnCount === 1 && rows.length === 1 && (rows[0][0] === '' || rows[0][0] === null);
  const hiddenRows = hiddenRowsOf(used.rowHidden, visible, top, rowCount);
  const grid: Grid = {
    sheetName,
    values: isBlankA1 ? [] : rows,
    origin: { row: top, col: left },
    merges: rest.merges,
    hiddenRows,
    date1904: typeof epoch.value === 'number' && epoch.value < 36_000,
  };
  const columns = small.columns ? columnFactsOf(small.columns) : null;
  if (columns && columns.hidden.length > 0) grid.hiddenCols = columns.hidden;
  if (columns && columns.validated.length > 0) grid.validatedRanges = columns.validated;
  if (page) grid.page = pageSetupOf(page, columns?.widths ?? {});
  if (page) {
    // By sheet row: the first sync's from row 0, the bands' from the used range's top.
    const all = new Map<number, number>();
    first.heights?.value.forEach((r, row) => all.set(row, r.format?.rowHeight ?? 0));
    for (const [i, h] of rest.heights) all.set(top + i, h);
    const heights = ownHeights(all, top, rowCount, sheet.standardHeight, new Set(hiddenRows));
    if (Object.keys(heights).length > 0) grid.rowHeights = heights;
  }
  return {
    sheetName,
    sheetProtected: protection.protected,
    workbookProtected: wbProtection.protected,
    grid,
    sheets: sheetList,
    state,
    stateProblem: problem,
    customFormats,
    sheetNames: (names?.items ?? []).map((n) => n.name),
    ...(small.fonts ? { fonts: { top, left, cells: small.fonts.value } } : {}),
    syncs,
  };
}

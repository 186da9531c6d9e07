/**
 * Reading the rows of the used range after the first sync: their values (past the rows already
 * sampled) and their merged areas, in bands of rows that fit the response budget — one sync per
 * band, so a sheet whose values fit the budget takes one sync here whatever its row count.
 *
 * Merged areas: Range.getMergedAreasOrNullObject "will fail to return the result" when the
 * range holds more than 512 merged areas (its JSDoc in @types/office-js, ExcelApi 1.13), and
 * appendices pasted from Word hold thousands. So merges are asked for in row blocks that cannot
 * hold more than 512: merged areas do not overlap and each one that meets a block covers at
 * least one of its cells, so a block of ⌊512 / columns⌋ rows is safe whatever the sheet. All the
 * blocks of a band ride in the band's one sync (no per-block sync). Should Excel still refuse,
 * the band's blocks are halved and asked again.
 *
 * A band Excel refuses as too large (our estimate was low: rows of 32,767-character cells) is
 * split in two and read again.
 *
 * Row heights, when asked for (a check that will write): each band's rows' heights in the band's
 * own sync, through one Range.getRowProperties({ format: { rowHeight: true } }) call (ExcelApi
 * 1.9: "a single-dimensional array … for each row", no proxy per row), counted in the band's
 * bytes.
 */
import { parseA1Areas } from '../../engine/a1';
import type { CellRange, CellValue } from '../../engine/model';
import { MAX_CELLS_PER_READ, utf8Length } from './payload';

/** Range.getMergedAreasOrNullObject's documented maximum. */
export const MAX_MERGED_AREAS_PER_CALL = 512;
/** Response bytes of merged-area addresses per row assumed before any has been measured. */
const MERGE_BYTES_PRIOR = 40;
/** Response bytes of one row's height: {"format":{"rowHeight":409.5}}, and a comma. */
export const HEIGHT_BYTES_PER_ROW = 34;
const ESTIMATE_SAFETY = 1.2;

/** Rows per merges block that can never hold more than 512 merged areas (see above). */
export function safeMergeRows(columnCount: number): number {
  return Math.max(1, Math.floor(MAX_MERGED_AREAS_PER_CALL / Math.max(1, columnCount)));
}

function codeOf(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? '';
}

export function isPayloadError(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Excel refuses every batch while the user types in a cell: InvalidOperationInCellEditMode, or
 * InvalidOperation as Microsoft's page on cell-edit mode says (then the message names it). */
export function isCellEditError(e: unknown): boolean {
  const code = codeOf(e);
  if (code === 'InvalidOperationInCellEditMode') return true;
  const message = e instanceof Error ? e.message : '';
  return code === 'InvalidOperation' && /cell[- ]?edit|edit(ing)? mode|editing a cell/i.test(message);
}

/** An error that says nothing about the size of what was asked: splitting would not help. */
function notAboutSize(e: unknown): boolean {
  return isCellEditError(e) || ['AccessDenied', 'ItemNotFound', 'InvalidObjectPath', 'PropertyNotLoaded'].includes(codeOf(e));
}

export interface RowsToRead {
  sheet: Excel.Worksheet;
  /** The used range's first row and column (0-based) and size. */
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
  /** Rows (from the top) whose values were read with the first sync. */
  sampledRows: number;
  /** Estimated response bytes of one row's values. */
  valueBytesPerRow: number;
  budgetBytes: number;
  /** Read the height of every row from this one (from the top) on, if given (points). */
  heightsFrom?: number;
}

export interface RowsRead {
  /** Values of the rows after the sampled ones, in order. */
  rows: CellValue[][];
  /** Every merged area meeting the used range, once each. */
  merges: CellRange[];
  /** The heights of the rows from `heightsFrom` on, by row from the top. */
  heights: Map<number, number>;
  syncs: number;
}

interface Band {
  start: number;
  end: number;
}

/**
 * Reads bands of rows; `withFirst` queues more reads (the stored state, the rules' formulas) into
 * the first band's sync and is queued again, alone, if that sync is refused as too large.
 */
export async function readRows(ctx: Excel.RequestContext, plan: RowsToRead, withFirst: () => void): Promise<RowsRead> {
  const { sheet, top, left, rowCount, columnCount, sampledRows, budgetBytes } = plan;
  const maxRowsPerRead = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, columnCount)));
  const values = new Map<number, CellValue[][]>();
  const merges = new Map<string, CellRange>();
  const heights = new Map<number, number>();
  const heightsFrom = plan.heightsFrom ?? rowCount;
  let mergeBytes = 0;
  let mergeRowsRead = 0;
  let syncs = 0;

  const readBand = async (band: Band, mergeRows: number, extra: (() => void) | null): Promise<void> => {
    extra?.();
    const valueReads: { start: number; range: Excel.Range }[] = [];
    for (let s = Math.max(band.start, sampledRows); s < band.end; s += maxRowsPerRead) {
      const n = Math.min(maxRowsPerRead, band.end - s);
      valueReads.push({ start: s, range: sheet.getRangeByIndexes(top + s, left, n, columnCount).load('values') });
    }
    const mergeReads: Excel.RangeAreas[] = [];
    for (let s = band.start; s < band.end; s += mergeRows) {
      const n = Math.min(mergeRows, band.end - s);
      mergeReads.push(sheet.getRangeByIndexes(top + s, left, n, columnCount).getMergedAreasOrNullObject().load('address'));
    }
    const heightStart = Math.max(band.start, heightsFrom);
    const heightRead = heightStart < band.end ? sheet.getRangeByIndexes(top + heightStart, left, band.end - heightStart, 1).getRowProperties({ format: { rowHeight: true } }) : null;
    syncs++;
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && extra) {
        // The first band with the small things was too big: the small things alone, then the band.
        syncs++;
        extra();
        await ctx.sync();
        return readBand(band, mergeRows, null);
      }
      if (isPayloadError(e) && band.end - band.start > 1) {
        const mid = band.start + Math.floor((band.end - band.start) / 2);
        await readBand({ start: band.start, end: mid }, mergeRows, null);
        return readBand({ start: mid, end: band.end }, mergeRows, null);
      }
      if (!isPayloadError(e) && !notAboutSize(e) && mergeReads.length > 0 && mergeRows > 1) {
        // Possibly the merged-areas limit after all: smaller blocks.
        return readBand(band, Math.ceil(mergeRows / 2), extra);
      }
      throw e;
    }
    for (const v of valueReads) values.set(v.start, v.range.values as CellValue[][]);
    if (heightRead) heightRead.value.forEach((r, i) => heights.set(heightStart + i, r.format?.rowHeight ?? 0));
    for (const areas of mergeReads) {
      if (areas.isNullObject) continue;
      mergeBytes += utf8Length(areas.address);
      for (const r of parseA1Areas(areas.address)) merges.set(`${r.top},${r.left},${r.bottom},${r.right}`, r);
    }
    mergeRowsRead += band.end - band.start;
  };

  const safeRows = safeMergeRows(columnCount);
  let next = 0;
  let first = true;
  while (next < rowCount) {
    // Bytes per row: the values (past the sampled rows) and the merges measured so far.
    const mergePerRow = mergeRowsRead > 0 ? (mergeBytes / mergeRowsRead) * ESTIMATE_SAFETY + 1 : MERGE_BYTES_PRIOR;
    let end = next;
    let bytes = 0;
    while (end < rowCount) {
      const rowBytes = (end >= sampledRows ? plan.valueBytesPerRow : 0) + mergePerRow + (end >= heightsFrom ? HEIGHT_BYTES_PER_ROW : 0);
      if (end > next && bytes + rowBytes > budgetBytes) break;
      bytes += rowBytes;
      end++;
    }
    await readBand({ start: next, end }, safeRows, first ? withFirst : null);
    first = false;
    next = end;
  }
  if (first) {
    // No rows at all: the small things still need their sync.
    withFirst();
    syncs++;
    await ctx.sync();
  }

  const rows: CellValue[][] = [];
  for (const start of [...values.keys()].sort((a, b) => a - b)) rows.push(...values.get(start)!);
  const sortedMerges = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  return { rows, merges: sortedMerges, heights, syncs };
}

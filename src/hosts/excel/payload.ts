/**
 * Sizes of what travels between the add-in and Excel, and the rules that keep every request and
 * response under Excel on the web's 5 MB limit (both directions are limited).
 *
 * Rule: work is planned as a list of operations with an estimated size in bytes (UTF-8 JSON of
 * the values plus a fixed allowance for the object path and action). Operations are packed, in
 * order, into groups of at most BUDGET bytes; each group is queued and sent with ONE sync. A
 * sheet that fits the budget is therefore written with one sync whatever its row count; past
 * that, one more sync per BUDGET bytes. Reads follow the same rule on the response side.
 */
import type { CellInput } from '../../engine/model';

/** Excel on the web refuses a request or a response over 5 MB. */
export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one sync may carry by our estimate: 5 MB less a margin for what the estimate misses. */
export const DEFAULT_BUDGET_BYTES = 4_500_000;
/** Object path + action of one queued operation, generously. */
export const OP_OVERHEAD_BYTES = 400;
/** Excel: a range read is limited to 5,000,000 cells. */
export const MAX_CELLS_PER_READ = 5_000_000;
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/**
 * Text that Excel would not keep as typed when written through Range.values: a leading "=",
 * "+", "-" or "@" makes a formula ("- Công văn - Quyết định" would become #NAME?), a leading
 * apostrophe is eaten, and numbers, percentages, dates, times and TRUE/FALSE are converted
 * ("01/03/2024" becomes a date, "30%" becomes 0.3). Such cells get the Text number format
 * ("@") before the value is written, so the text stays exactly as the engine wrote it.
 */
export function excelWouldConvert(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (/^[\d\s.,:/%$€£¥()+\-eE]+$/.test(t) && /\d/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // English month words next to numbers ("Mar 2024", "5-Mar", "March 5, 2024").
  if (/^\d{1,2}[-\s/.]?[A-Za-z]{3,9}\.?([-\s/,]+\d{2,4})?$/.test(t) || /^[A-Za-z]{3,9}\.?[-\s/]\d{1,4}(,?\s*\d{2,4})?$/.test(t)) return true;
  return false;
}

/** The Text-format mask for a block of values, or null when no cell needs it. */
export function textMask(values: readonly (readonly CellInput[])[]): (string | null)[][] | null {
  let any = false;
  const mask = values.map((row) =>
    row.map((v) => {
      if (typeof v === 'string' && excelWouldConvert(v)) {
        any = true;
        return '@';
      }
      return null;
    }),
  );
  return any ? mask : null;
}

/** Rows [start, end) blocks such that each block's rows weigh at most `maxBytes` (a single
 * heavier row makes a block of its own). */
export function rowBlocks(rowBytes: readonly number[], maxBytes: number, maxRows = Infinity): { start: number; end: number; bytes: number }[] {
  const blocks: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const b = rowBytes[i];
    if (i > start && (bytes + b > maxBytes || i - start >= maxRows)) {
      blocks.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowBytes.length > start) blocks.push({ start, end: rowBytes.length, bytes });
  return blocks;
}

/** Pack sized items, in order, into groups of at most `budget` bytes. */
export function packGroups<T extends { bytes: number }>(items: readonly T[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * exceljs cell values → the engine's CellValue, as Excel itself would report them: text (rich
 * text flattened, NFC), numbers, booleans, date serials in the workbook's own date system,
 * formulas by their cached result, error values as their text.
 */
import type { CellValue } from '../../engine/model';

const MS_PER_DAY = 86_400_000;
/** exceljs's own epoch offset: serial 25569 is 1970-01-01 in the 1900 system; 1904 adds 1462. */
const UNIX_EPOCH_SERIAL = 25569;
const OFFSET_1904 = 1462;

/**
 * The serial exceljs read, recovered exactly: exceljs turns a serial v into
 * new Date(round((v − 25569 + (1904 ? 1462 : 0)) · 86400000)) — a UTC instant, never local
 * time — so this inverts that formula. Whole days come back as integers.
 */
export function dateToSerial(date: Date, date1904: boolean): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? OFFSET_1904 : 0);
  const whole = Math.round(serial);
  // exceljs rounded to the millisecond: anything within that of a whole day is that day.
  return Math.abs(serial - whole) < 1e-7 ? whole : serial;
}

/** The JS Date exceljs writes for a serial (its inverse). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? OFFSET_1904 : 0)) * MS_PER_DAY));
}

interface RichTextRun {
  text?: unknown;
}

function richTextToString(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  let s = '';
  for (const run of runs as RichTextRun[]) if (run && typeof run.text === 'string') s += run.text;
  return s;
}

/** A plain (non-formula) exceljs value converted. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return v.normalize('NFC');
    case 'number':
      return v;
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v).normalize('NFC');
  }
  if (v instanceof Date) return dateToSerial(v, date1904);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return o.error;
  if ('richText' in o) return richTextToString(o.richText).normalize('NFC');
  if ('hyperlink' in o || 'text' in o) {
    // Hyperlink: the cell shows its text (string or rich text); formula-backed links keep the result.
    const text = o.text;
    if (typeof text === 'string') return text.normalize('NFC');
    if (text && typeof text === 'object') return plainValue(text, date1904);
    return null;
  }
  if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result, date1904);
  return null;
}

/**
 * exceljs cell type codes (Enums.ValueType): Merge = 1. A merged cell other than the top-left
 * one reads as "" — as in Excel, only the top-left cell of a merge holds the value.
 */
const MERGE_TYPE = 1;

export interface ExceljsCellLike {
  type: number;
  value: unknown;
}

export function cellValue(cell: ExceljsCellLike, date1904: boolean): CellValue {
  if (cell.type === MERGE_TYPE) return '';
  return plainValue(cell.value, date1904);
}

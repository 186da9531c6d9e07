/**
 * One <c> element's stored value → the engine's CellValue, giving exactly what the exceljs read
 * (read.ts + cell-value.ts) gives for every file Excel or exceljs writes:
 *
 *   t="s"          the shared string (NFC); an item with no text is null
 *   t="str"        the text (NFC) — a formula's string result
 *   t="inlineStr"  the <is> text (NFC); an empty plain <t> is null
 *   t="b"          parseInt(v) !== 0
 *   t="e"          the error text ("#REF!")
 *   otherwise      parseFloat(v) (NaN stays NaN, as exceljs leaves it); with a date style, the
 *                  serial exceljs's Date gives back (whole days exact, times to the millisecond)
 *
 * A formula counts by its cached <v>; <f> itself is ignored. A cell without a value is null
 * whatever its style, so formatted empty cells cost nothing.
 *
 * Where exceljs loses what Excel shows, this reader keeps it — and gives what Office.js gives
 * the add-in for the same cell (each is a deliberate difference):
 * - a formula whose cached result is 0 or FALSE stays 0 or FALSE (exceljs keeps only truthy
 *   results, so it reads such a cell as empty);
 * - a formula's text, boolean or error result in a date-formatted cell (exceljs turns it into
 *   a Date of NaN, or of serial 1 for TRUE) stays that text, boolean or error;
 * - t="str" text is entity-decoded once, as XML says (exceljs decodes "&amp;lt;" twice, to "<");
 * - t="d" (an ISO 8601 date, written by some tools) becomes the date's serial (exceljs reads the
 *   leading year digits as a number); text that is not a date stays text;
 * - inline strings follow the shared-string rules (phonetic runs left out, _xHHHH_ resolved),
 *   where exceljs concatenates every <t> in the cell;
 * - a number that carries a hyperlink stays the number (exceljs reads it as null).
 */
import type { CellValue } from '../../../engine/model';
import { isoToSerial } from '../../../engine/dates';
import { dateToSerial } from '../cell-value';
import type { DateStyles } from './styles';

/** exceljs's serial → Date (utils.excelToDate, same arithmetic in the same order), then back
 * through cell-value.ts, so the serial is bit-for-bit what the exceljs read returns. */
export function exceljsDateSerial(v: number, date1904: boolean): number | null {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return dateToSerial(new Date(ms), date1904);
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 date (t="d") as a serial of the workbook's date system, or null. */
export function isoDateSerial(text: string, date1904: boolean): number | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const day = isoToSerial(m[1], date1904);
  if (!Number.isFinite(day)) return null;
  const seconds = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return seconds === 0 ? day : day + seconds / 86400;
}

export interface CellContext {
  sharedStrings: readonly (string | null)[];
  dateStyles: DateStyles;
  date1904: boolean;
}

/**
/** The `s` attribute as exceljs reads it: absent or "" is style 0 (no style at all); anything
 * else is parseInt of it (NaN, which is no date style either, when it is not a number). */
export function styleIndex(style: string | undefined): number {
  return style ? parseInt(style, 10) : 0;
}

/**
 * @param type   the `t` attribute (undefined when absent)
 * @param style  the `s` attribute as styleIndex reads it
 * @param text   the <v> text, entity-decoded; null when the cell had none
 * @param inline the <is> text, when the cell had one (null: no text, or an empty plain <t>)
 */
export function storedValue(type: string | undefined, style: number, text: string | null, inline: string | null | undefined, ctx: CellContext): CellValue {
  if (inline !== undefined && (type === 'inlineStr' || text === null)) return inline;
  if (text === null) return null;
  switch (type) {
    case 's':
      return ctx.sharedStrings[parseInt(text, 10)] ?? null;
    case 'str':
    case 'inlineStr':
      return text.normalize('NFC');
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return text;
    case 'd':
      return isoDateSerial(text, ctx.date1904) ?? text.normalize('NFC');
    default:
      return numberValue(parseFloat(text), style, ctx);
  }
}

/** A number cell's value: with a date style, the serial exceljs's Date gives back. */
export function numberValue(n: number, style: number, ctx: CellContext): number | null {
  // exceljs: style 0 is no style at all, so never a date (nor is NaN, an unreadable style).
  return style && ctx.dateStyles[style] ? exceljsDateSerial(n, ctx.date1904) : n;
}

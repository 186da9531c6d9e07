/**
 * Everything a use case may refuse, as data. Each is decided once, here and in the use cases;
 * each host words it for its user (the task pane's sentences, the command line's).
 */
import type { ChangeSet, Failure } from '../engine/model';
import type { SheetSnapshot, SheetUnavailable } from './ports';

export type Refusal =
  | SheetUnavailable
  /** The engine could not analyse the sheet (no table, ambiguous table, empty sheet, bad
   * settings); its message is already worded in the requested language. */
  | Failure
  | { code: 'protected-sheet'; sheet: string }
  | { code: 'protected-workbook' }
  /** A report was asked for on a sheet that is itself a report made by this product. */
  | { code: 'report-sheet'; sheet: string }
  /** The report sheet would take the appendix sheet's own name. */
  | { code: 'report-on-own-sheet'; sheet: string }
  /** The user chose to keep the existing sheet of the report's name. */
  | { code: 'report-cancelled'; sheet: string };

export interface Refused {
  ok: false;
  refusal: Refusal;
}

export function refused(refusal: Refusal): Refused {
  return { ok: false, refusal };
}

/** What a sheet's and a workbook's protection forbid of these changes, or null. */
export function writeRefusal(sheet: Omit<SheetSnapshot, 'grid'>, changes: Pick<ChangeSet, 'sheets'> | null): Refusal | null {
  if (sheet.protection.sheet) return { code: 'protected-sheet', sheet: sheet.sheetName };
  if (changes && changes.sheets.length > 0 && sheet.protection.structure) return { code: 'protected-workbook' };
  return null;
}

/** Excel compares sheet names without case (and Unicode forms never differ after NFC). */
export function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

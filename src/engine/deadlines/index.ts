/** Deadline parser (deadlines.md). STUB: to be replaced by the full parser. */
import type { CellValue, Deadline, DeadlineContext, ISODate } from '../model';

/** Turn a deadline cell (text after continuation rows are joined, a date serial, or empty) into a Deadline. Never throws. */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  void ctx;
  const text = value === null ? '' : String(value);
  return { text, kind: text.trim() ? 'unparsed' : 'missing', due: null, start: null, steps: [], every: [], onDemand: false, offset: null };
}

/** A completion-date cell (date serial or text such as "15/3/2024") to a calendar date, or null. Never throws. */
export function parseDateCell(value: CellValue, date1904: boolean, planYear?: number): ISODate | null {
  void value; void date1904; void planYear;
  return null;
}

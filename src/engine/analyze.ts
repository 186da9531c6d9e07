/** Engine pipeline: grid → recognised table → rows → issues → changes. (Being written.) */
import type { AnalyzeResult, Grid, ISODate, Lang } from './model';
import type { ColumnCorrection, Settings } from '../settings/schema';

export interface AnalyzeOptions {
  /** The day "overdue" and "due soon" are judged on. */
  asOf: ISODate;
  lang?: Lang;
  settings?: Partial<Settings>;
  /** The user's column-role correction for this sheet. */
  correction?: ColumnCorrection;
}

export function analyzeSheet(grid: Grid, options: AnalyzeOptions): AnalyzeResult {
  void grid; void options;
  return { ok: false, failure: { code: 'no-table', message: 'not implemented yet' } };
}

/** Index of the grid that holds the appendix (the preferred one when it has one), or -1. */
export function chooseAppendixSheet(grids: Grid[], preferred?: number): number {
  void grids;
  return preferred ?? -1;
}

/**
 * The quarterly report (report.md): pure, shared by the task pane (via the hosts) and the CLI.
 */
import type { Analysis, ChangeSet, SheetModel } from '../engine/model';
import { buildReportModel, type ReportModel, type ReportOptions } from './model';
import { reportSheet } from './sheet';

export * from './periods';
export * from './classify';
export * from './model';
export { reportSheet, wrappedLines } from './sheet';
export * from './document';
export * from './tables';
export { reportJson } from './json';
export { reportLabels } from './labels';
export { splitLeadUnits, unitKey, UnitResolver, type UnitAlias } from './units';

export interface BuiltReport {
  model: ReportModel;
  sheet: SheetModel;
  /** The analysis' changes (tracking block, highlights) plus the report sheet to create or
   * replace: what a host's executor applies. */
  changes: ChangeSet;
}

export function buildReport(analysis: Analysis, options: ReportOptions): BuiltReport {
  const model = buildReportModel(analysis, options);
  const sheet = reportSheet(model);
  const changes: ChangeSet = {
    ...analysis.changes,
    sheets: [...analysis.changes.sheets.filter((s) => s.name !== sheet.name), sheet],
  };
  return { model, sheet, changes };
}

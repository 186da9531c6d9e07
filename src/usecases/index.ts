/**
 * The use cases, written once over small ports: the task pane and the ribbon (through the
 * Office.js host's PlanHost) and the command line (through the .xlsx host) all run these.
 * Pure: no Office.js, no exceljs, no Node APIs; the hosts implement WorkbookPort.
 */
export { prepareCheck, runCheck, type CheckedSheet, type CheckParams, type CheckResult, type PreparedCheck } from './check';
export { prepareReport, reportDay, runReport, type BuiltSheetReport, type PreparedReport, type ReportParams, type ReportResult } from './report';
export type { ApplyReport, ReadIntent, SheetReadResult, SheetSnapshot, SheetUnavailable, WorkbookPort } from './ports';
export { refused, sameSheetName, writeRefusal, type Refusal, type Refused } from './refusals';
export { NOT_ASKED, type Analyzer, type PendingWrite, type SheetFacts, type UseCaseDeps, type UseCaseStep } from './shared';
export { consolidate, unitReport, type ConsolidatedRollup, type UnitReportParams } from './rollup';
export { runClean, type CleanParams, type CleanResult, type CleanSummary } from './clean';

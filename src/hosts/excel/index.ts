/** The Office.js host: PlanHost over Excel.run (or the fake Excel's run). */
export { createExcelPlanHost, describeError, type ExcelHostOptions, type ExcelRun } from './host';
export { REQUIRED_EXCEL_API, FEATURE_REQUIREMENTS, type IsSetSupported } from './requirements';
export { readActiveSheet, SAMPLE_ROWS, type SheetRead } from './read';
export { planChangeSet, charactersToPoints, type PlannedOp } from './plan';
export { ChangeSetError } from '../change-set-error';
export { executePlan } from './apply';
export { DEFAULT_BUDGET_BYTES, EXCEL_PAYLOAD_LIMIT, excelWouldConvert } from './payload';
export { WorkbookLock, ErrorLog, guardRun, type LockOwner, type RecordedError } from './run-guard';
export { ADDIN_VERSION, collectSupportInfo, supportLines, supportText, type SupportInfo, type SupportSources, type OfficeDiagnostics } from './diagnostics';
